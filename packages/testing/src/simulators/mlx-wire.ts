import type { ToolCall } from '@switchyard/core';
import type { SimulatedToken } from './openai-compatible-local-reply';

/**
 * mlx_lm.server wire shapes (ml-explore/mlx-lm `mlx_lm/server.py`, `APIHandler`):
 * - `generate_response`: `{id, system_fingerprint, object, model, created, choices: [{index,
 *   finish_reason, logprobs?, message|delta: {role, content, reasoning, tool_calls}}], usage?}`;
 *   `model` echoes the request's `model` (default `"default_model"`).
 * - logprobs, current: with `top_logprobs` > 0 each entry is `dict(top[0], top_logprobs=top)` where
 *   `top` comes from `_format_top_logprobs` (`mx.argpartition`, so unordered, and `top[0]` is not
 *   the sampled token); without it, `{id, logprob}` of the sampled token. Token texts are raw
 *   vocabulary pieces (`tokenizer.convert_ids_to_tokens`).
 * - logprobs, older builds: `{token_logprobs, top_logprobs: [{<id>: logprob}], tokens: [<id>]}`.
 * - `completion_usage_response`: the usage chunk, `object: "chat.completion"` with `choices: []`.
 * - errors: `{"error": "<message>"}` (500, or 503 for Metal out-of-memory); a bad parameter raises
 *   `ValueError` in `validate_model_parameters`, outside any handler, so the connection drops.
 */

/** Raw vocabulary piece of a token's text. */
export function mlxPiece(text: string, vocabulary: 'byte-level' | 'sentencepiece'): string {
  if (vocabulary === 'sentencepiece') return text.replace(/ /g, '\u2581').replace(/\n/g, '<0x0A>');
  return text.replace(/ /g, '\u0120').replace(/\n/g, '\u010a').replace(/\t/g, '\u0109');
}

/** Candidates in `argpartition` order: the top k, not sorted (rotated by position here). */
function unordered<T>(sorted: readonly T[], position: number): T[] {
  if (sorted.length < 2) return [...sorted];
  const shift = (position % (sorted.length - 1)) + 1;
  return [...sorted.slice(shift), ...sorted.slice(0, shift)];
}

/** `choices[0].logprobs` for a non-streaming answer. */
export function mlxLogprobs(
  tokens: readonly SimulatedToken[],
  options: { shape: 'current' | 'legacy'; topLogprobs: number; vocabulary: 'byte-level' | 'sentencepiece' },
): unknown {
  if (options.shape === 'legacy') {
    return {
      token_logprobs: tokens.map((token) => token.logprob),
      top_logprobs:
        options.topLogprobs > 0
          ? tokens.map((token) =>
              Object.fromEntries(
                token.candidates.map((candidate) => [String(candidate.id), candidate.logprob]),
              ),
            )
          : [],
      tokens: tokens.map((token) => token.id),
    };
  }
  if (options.topLogprobs > 0) {
    return {
      content: tokens.map((token, position) => {
        const top = unordered(token.candidates, position).map((candidate) => ({
          id: candidate.id,
          token: mlxPiece(candidate.text, options.vocabulary),
          logprob: candidate.logprob,
        }));
        return { ...top[0], top_logprobs: top };
      }),
    };
  }
  return { content: tokens.map((token) => ({ id: token.id, logprob: token.logprob })) };
}

/** `format_tool_call`: `{function: {name, arguments}, type, id}`, plus `index` in streams. */
export function mlxToolCalls(calls: readonly ToolCall[], stream: boolean) {
  return calls.map((call, index) => ({
    function: { name: call.name, arguments: call.arguments },
    type: 'function',
    id: call.id,
    ...(stream ? { index } : {}),
  }));
}

export function mlxUsage(promptTokens: number, completionTokens: number) {
  return {
    prompt_tokens: promptTokens,
    completion_tokens: completionTokens,
    total_tokens: promptTokens + completionTokens,
    prompt_tokens_details: { cached_tokens: 0 },
  };
}
