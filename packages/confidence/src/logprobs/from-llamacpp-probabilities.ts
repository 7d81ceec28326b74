import type { TokenLogprob } from '@switchyard/core';
import { z } from 'zod';
import { parseData } from '../validation/invalid-input';

const probability = z.number().min(0).max(1);
const legacyEntry = z.object({
  content: z.string(),
  probs: z.array(z.object({ tok_str: z.string(), prob: probability })),
});
const currentEntry = z.object({
  token: z.string(),
  logprob: z.number().max(0),
  top_logprobs: z.array(z.object({ token: z.string(), logprob: z.number().max(0) })).optional(),
});
const schema = z.array(z.union([currentEntry, legacyEntry]));

/** One entry of llama.cpp's native `/completion` `completion_probabilities`, in either of its shapes. */
export type LlamaCppProbability =
  | { token: string; logprob: number; top_logprobs?: { token: string; logprob: number }[] }
  | { content: string; probs: { tok_str: string; prob: number }[] };

/**
 * Converts llama.cpp's native `completion_probabilities` (`n_probs`) into core's `TokenLogprob[]`.
 * Older servers give probabilities (`probs: [{ tok_str, prob }]`), newer ones logprobs; both work.
 * (llama.cpp's OpenAI-compatible endpoint returns OpenAI's shape: use `fromOpenAILogprobs`.)
 */
export function fromLlamaCppProbabilities(
  input: readonly LlamaCppProbability[] | null | undefined,
  root = 'completion_probabilities',
): TokenLogprob[] {
  if (input === null || input === undefined) return [];
  const parsed = parseData(schema, input, root);
  return parsed.map((entry) => {
    if ('token' in entry) {
      return {
        token: entry.token,
        logprob: entry.logprob,
        topLogprobs: (entry.top_logprobs ?? []).map((top) => ({ token: top.token, logprob: top.logprob })),
      };
    }
    const topLogprobs = entry.probs.map((top) => ({ token: top.tok_str, logprob: Math.log(top.prob) }));
    const chosen = topLogprobs.find((top) => top.token === entry.content);
    // Legacy output lists the chosen token among `probs`. A sampled token missing from the list is less
    // likely than every listed one: the least listed probability is an upper bound for it.
    const fallback = topLogprobs.length > 0 ? Math.min(...topLogprobs.map((top) => top.logprob)) : 0;
    return { token: entry.content, logprob: chosen?.logprob ?? fallback, topLogprobs };
  });
}
