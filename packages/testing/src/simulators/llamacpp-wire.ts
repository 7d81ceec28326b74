import type { ToolCall } from '@switchyard/core';
import type { SimulatedToken } from './openai-compatible-local-reply';

/**
 * llama-server wire shapes. Sources (ggml-org/llama.cpp `tools/server/`):
 * - `server-common.cpp` `format_error_response`: `{code, message, type}` with the type names and
 *   HTTP codes below; `server-context.cpp` `server_res_generator::error` wraps it as `{"error": ...}`
 *   with the status taken from `code`.
 * - `server-task.cpp` `server_task_result_error::to_json`: an `exceed_context_size_error` also
 *   carries `n_prompt_tokens` and `n_ctx`.
 * - `server-task.cpp` `completion_token_output::probs_vector_to_json`: `{id, token, bytes, logprob,
 *   top_logprobs: [{id, token, bytes, logprob}]}`; `logarithm()` turns a zero probability into
 *   `std::numeric_limits<float>::lowest()` because JSON cannot hold -inf.
 * - `to_json_oaicompat_chat` / `to_json_oaicompat_chat_stream` and the partial result's
 *   `to_json_oaicompat_chat`: chat bodies and chunks, the usage chunk with empty `choices`.
 */

/** `std::numeric_limits<float>::lowest()` as JSON prints it: the logprob of a zero-probability token. */
export const LLAMACPP_ZERO_PROB_LOGPROB = -3.4028234663852886e38;

const TYPES: Record<number, string> = {
  400: 'invalid_request_error',
  401: 'authentication_error',
  403: 'permission_error',
  404: 'not_found_error',
  500: 'server_error',
  501: 'not_supported_error',
  503: 'unavailable_error',
};

/** `{"error": {code, message, type}}` for a status. */
export function llamaCppError(status: number, message: string, type = TYPES[status] ?? 'server_error') {
  return { error: { code: status, message, type } };
}

/** The context-size error of `server-context.cpp`, with its extra fields. */
export function llamaCppContextError(promptTokens: number, nCtx: number) {
  return {
    error: {
      code: 400,
      message: `request (${promptTokens} tokens) exceeds the available context size (${nCtx} tokens), try increasing it`,
      type: 'exceed_context_size_error',
      n_prompt_tokens: promptTokens,
      n_ctx: nCtx,
    },
  };
}

const bytesOf = (text: string) => [...Buffer.from(text, 'utf8')];

/** One `probs_vector_to_json` entry: the chosen token and its `top_logprobs`. */
export function llamaCppProb(token: SimulatedToken, nProbs: number) {
  return {
    id: token.id,
    token: token.text,
    bytes: bytesOf(token.text),
    logprob: token.logprob,
    top_logprobs: token.candidates.slice(0, nProbs).map((candidate, rank) => ({
      id: candidate.id,
      token: candidate.text,
      bytes: bytesOf(candidate.text),
      // Candidates the samplers removed have probability 0, sent as the lowest float.
      logprob: rank >= 10 ? LLAMACPP_ZERO_PROB_LOGPROB : candidate.logprob,
    })),
  };
}

/** `usage` as `usage_json_oaicompat` writes it. */
export function llamaCppUsage(promptTokens: number, completionTokens: number) {
  return {
    completion_tokens: completionTokens,
    prompt_tokens: promptTokens,
    total_tokens: promptTokens + completionTokens,
    prompt_tokens_details: { cached_tokens: 0 },
  };
}

/** `timings` (`result_timings::to_json`). */
export function llamaCppTimings(promptTokens: number, predicted: number) {
  return {
    cache_n: 0,
    prompt_n: promptTokens,
    prompt_ms: promptTokens * 0.5,
    prompt_per_token_ms: 0.5,
    prompt_per_second: 2000,
    predicted_n: predicted,
    predicted_ms: predicted * 10,
    predicted_per_token_ms: 10,
    predicted_per_second: 100,
  };
}

/** Tool calls in a final message (`common_chat_msg::to_json_oaicompat`). */
export function llamaCppToolCalls(calls: readonly ToolCall[]) {
  return calls.map((call) => ({
    type: 'function',
    function: { name: call.name, arguments: call.arguments },
    id: call.id,
  }));
}

/** Fields every chat chunk carries. */
export function llamaCppChunk(meta: { id: string; model: string; created: number }, choice: unknown) {
  return {
    choices: [choice],
    created: meta.created,
    id: meta.id,
    model: meta.model,
    system_fingerprint: 'b0000-simulator',
    object: 'chat.completion.chunk',
  };
}
