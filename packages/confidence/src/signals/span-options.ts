import { z } from 'zod';

/** Which tokens of an answer are scored. */
export interface SpanOptions {
  /**
   * Skip a leading reasoning block (`<think>...</think>` by default) so only the answer is scored.
   * `false` scores it too. Default `{ open: '<think>', close: '</think>' }`.
   */
  reasoning?: { open: string; close: string } | false;
  /**
   * Score only the tokens after the last occurrence of this marker (e.g. `'Final answer:'`), when it
   * occurs. Default: none.
   */
  answerMarker?: string;
  /**
   * Skip tokens that carry no content: whitespace, punctuation, Markdown formatting, and special
   * tokens such as `<eos>` or `<|eot_id|>`. Default true.
   */
  skipFormatting?: boolean;
}

export const spanOptionsSchema = z.strictObject({
  reasoning: z
    .union([
      z.literal(false),
      z.strictObject({
        open: z.string().min(1, 'must not be empty'),
        close: z.string().min(1, 'must not be empty'),
      }),
    ])
    .optional(),
  answerMarker: z.string().min(1, 'must not be empty').optional(),
  skipFormatting: z.boolean().optional(),
});

/** Span options with defaults applied. */
export interface ResolvedSpanOptions {
  reasoning: { open: string; close: string } | false;
  answerMarker: string | undefined;
  skipFormatting: boolean;
}

export const DEFAULT_REASONING = { open: '<think>', close: '</think>' } as const;

export function resolveSpanOptions(options: SpanOptions | undefined): ResolvedSpanOptions {
  return {
    reasoning: options?.reasoning === undefined ? DEFAULT_REASONING : options.reasoning,
    answerMarker: options?.answerMarker,
    skipFormatting: options?.skipFormatting ?? true,
  };
}
