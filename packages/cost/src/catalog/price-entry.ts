import { z } from 'zod';

/**
 * The price of one cloud model, in USD per million tokens, with the date it was checked and where.
 *
 * Rates left out fall back to the one a provider bills instead: a missing `cacheReadPerMTok` or
 * `cacheWritePerMTok` bills those tokens at `inputPerMTok` (OpenAI bills cache writes as plain input);
 * a missing `cacheWrite1hPerMTok` bills 1-hour writes at the 5-minute rate.
 */
export interface PriceEntry {
  /** The model id the provider's API uses (`gpt-4o-mini`, `claude-haiku-4-5`). */
  id: string;
  /** `openai`, `anthropic`, or your own name for another vendor. */
  provider: string;
  /** Other ids that bill at this price (dated snapshots such as `gpt-4o-2024-08-06`). */
  aliases: string[];
  inputPerMTok: number;
  outputPerMTok: number;
  /** Prompt-cache reads (OpenAI "cached input", Anthropic "cache hits"). */
  cacheReadPerMTok?: number;
  /** Prompt-cache writes; for Anthropic, the 5-minute cache. */
  cacheWritePerMTok?: number;
  /** Anthropic's 1-hour cache writes. */
  cacheWrite1hPerMTok?: number;
  /** Fraction taken off every rate for batch requests (0.5 = half price). 0 when there is no batch API. */
  batchDiscount: number;
  /** The day these rates were checked, `YYYY-MM-DD`. */
  asOf: string;
  /** Where they were checked (the provider's pricing page). */
  source: string;
  note?: string;
}

const rate = z
  .number({ error: 'must be a number (USD per million tokens)' })
  .refine(Number.isFinite, 'must be a finite number')
  .min(0, 'must not be negative');

/** Schema of one catalog entry. Unknown keys are rejected so typos (`inputPerMtok`) do not pass silently. */
export const priceEntrySchema = z.strictObject({
  id: z.string().min(1, 'must not be empty'),
  provider: z.string().min(1, 'must not be empty'),
  aliases: z.array(z.string().min(1, 'must not be empty')).default([]),
  inputPerMTok: rate,
  outputPerMTok: rate,
  cacheReadPerMTok: rate.optional(),
  cacheWritePerMTok: rate.optional(),
  cacheWrite1hPerMTok: rate.optional(),
  batchDiscount: z.number().min(0, 'must be between 0 and 1').max(1, 'must be between 0 and 1').default(0),
  asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD'),
  source: z.string().min(1, 'must name where the price was checked (a URL)'),
  note: z.string().optional(),
});

/** Schema of a catalog file: `{ "version": 1, "models": [ ...entries ] }`. */
export const priceCatalogFileSchema = z.looseObject({
  version: z.literal(1, { error: 'must be 1' }),
  currency: z.literal('USD', { error: "must be 'USD'" }).default('USD'),
  models: z.array(priceEntrySchema),
});

/** A catalog entry as a caller may write it (aliases and batch discount optional). */
export type PriceEntryInput = z.input<typeof priceEntrySchema>;
