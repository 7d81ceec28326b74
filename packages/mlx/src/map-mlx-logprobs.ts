import type { TokenLogprob, TopLogprob } from '@switchyard/core';
import { type LogprobContext, clampLogprob } from '@switchyard/openai-compatible';
import { decodeVocabularyPiece } from './decode-vocabulary-piece';

interface Candidate {
  id?: unknown;
  token?: unknown;
  logprob?: unknown;
}

const text = (token: unknown) => (typeof token === 'string' ? decodeVocabularyPiece(token) : '');

function alternativesOf(list: readonly Candidate[], limit: number): TopLogprob[] {
  return [...list]
    .map((candidate) => ({ token: text(candidate.token), logprob: clampLogprob(candidate.logprob) }))
    .sort((a, b) => b.logprob - a.logprob)
    .slice(0, limit);
}

/**
 * Maps mlx_lm.server logprobs to core's shape.
 *
 * Current builds: without `top_logprobs` each entry is `{id, logprob}` of the sampled token (exact;
 * the server gives no token text, so `token` is empty). With `top_logprobs` the entry is the first
 * element of an unordered top-k list, not the sampled token; the adapter only asks for it when
 * decoding is greedy (`temperature: 0`), where the sampled token is the most likely one, so the
 * chosen token is taken as the list's maximum.
 *
 * Older builds: `{token_logprobs, tokens, top_logprobs: [{<id>: logprob}]}`: `token_logprobs` is the
 * sampled token's; ids have no text, so tokens and alternatives have an empty `token`.
 */
export function mapMlxLogprobs(logprobs: unknown, context: LogprobContext): TokenLogprob[] | undefined {
  if (typeof logprobs !== 'object' || logprobs === null) return undefined;
  const limit = context.request.topLogprobs ?? 0;
  const content = (logprobs as { content?: unknown }).content;
  if (Array.isArray(content)) {
    return (content as (Candidate & { top_logprobs?: unknown })[]).map((entry) => {
      const top = Array.isArray(entry.top_logprobs) ? (entry.top_logprobs as Candidate[]) : [];
      if (top.length > 0) {
        const chosen = top.reduce((best, candidate) =>
          clampLogprob(candidate.logprob) > clampLogprob(best.logprob) ? candidate : best,
        );
        return {
          token: text(chosen.token),
          logprob: clampLogprob(chosen.logprob),
          topLogprobs: alternativesOf(top, limit),
        };
      }
      return { token: text(entry.token), logprob: clampLogprob(entry.logprob), topLogprobs: [] };
    });
  }
  const legacy = logprobs as { token_logprobs?: unknown; tokens?: unknown; top_logprobs?: unknown };
  if (!Array.isArray(legacy.token_logprobs)) return undefined;
  const tokens = Array.isArray(legacy.tokens) ? legacy.tokens : [];
  const tops = Array.isArray(legacy.top_logprobs) ? legacy.top_logprobs : [];
  return legacy.token_logprobs.map((value, index) => {
    const dict = tops[index];
    const alternatives =
      typeof dict === 'object' && dict !== null
        ? alternativesOf(
            Object.entries(dict as Record<string, unknown>).map(([key, logprob]) => ({
              token: /^\d+$/.test(key) ? '' : key,
              logprob,
            })),
            limit,
          )
        : [];
    return { token: text(tokens[index]), logprob: clampLogprob(value), topLogprobs: alternatives };
  });
}
