import type { TokenLogprob } from '@switchyard/core';
import { z } from 'zod';
import { parseData } from '../validation/invalid-input';

const logprob = z.number().refine((value) => !Number.isNaN(value) && value <= 0, 'must be a number <= 0');

const openAITop = z.object({ token: z.string(), logprob });
const openAIToken = z.object({
  token: z.string(),
  logprob,
  top_logprobs: z.array(openAITop).nullish(),
});

/** One token of OpenAI's `choices[].logprobs.content[]` (also served by llama.cpp, MLX and EXO). */
export interface OpenAITokenLogprob {
  token: string;
  logprob: number;
  bytes?: number[] | null;
  top_logprobs?: { token: string; logprob: number; bytes?: number[] | null }[] | null;
}

/** OpenAI's `choices[].logprobs` object, or its `content` array. */
export type OpenAILogprobs = { content?: OpenAITokenLogprob[] | null } | OpenAITokenLogprob[];

const openAISchema = z.union([z.array(openAIToken), z.object({ content: z.array(openAIToken).nullish() })]);

/**
 * Converts OpenAI-style logprobs (`{ content: [{ token, logprob, top_logprobs }] }` or the bare
 * `content` array) into core's `TokenLogprob[]`. Bad input throws `InvalidRequestError` naming the field.
 *
 * @example
 * const logprobs = fromOpenAILogprobs(completion.choices[0].logprobs);
 */
export function fromOpenAILogprobs(
  input: OpenAILogprobs | null | undefined,
  root = 'logprobs',
): TokenLogprob[] {
  if (input === null || input === undefined) return [];
  const parsed = parseData(openAISchema, input, root);
  const content = Array.isArray(parsed) ? parsed : (parsed.content ?? []);
  const out: TokenLogprob[] = new Array(content.length);
  for (let index = 0; index < content.length; index++) {
    const entry = content[index]!;
    const top = entry.top_logprobs ?? [];
    out[index] = {
      token: entry.token,
      logprob: entry.logprob,
      topLogprobs: top.map((alternative) => ({ token: alternative.token, logprob: alternative.logprob })),
    };
  }
  return out;
}
