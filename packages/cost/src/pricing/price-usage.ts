import type { Usage } from '@switchyard/core';
import type { PriceEntry } from '../catalog/price-entry';

/** The dollar cost of one response, by part. */
export interface UsageCost {
  totalUsd: number;
  /** Input not read from or written to a cache. */
  inputUsd: number;
  cacheReadUsd: number;
  cacheWriteUsd: number;
  outputUsd: number;
  /** True when the batch discount was applied. */
  batch: boolean;
}

const PER_TOKEN = 1e-6;

/**
 * The cost of one response in USD, from normalized usage, by the providers' rules:
 * uncached input at the input rate, cache reads and writes (5-minute and 1-hour) at theirs, output
 * (reasoning included) at the output rate, and the batch discount on all of it when `batch` is set.
 * Prompt caching discounts input only; it never changes the output rate.
 *
 * @example
 * priceUsage({ inputTokens: 10_000, cacheReadTokens: 6_000, cacheWriteTokens: 0, outputTokens: 1_000 },
 *            catalog.resolve('gpt-4o')!); // 0.0275
 */
export function priceUsage(usage: Usage, price: PriceEntry, batch = false): number {
  const cacheRead = Math.max(0, usage.cacheReadTokens);
  const cacheWrite = Math.max(0, usage.cacheWriteTokens);
  const write1h = Math.max(0, usage.cacheWrite1hTokens ?? 0);
  const uncached = Math.max(0, usage.inputTokens - cacheRead - cacheWrite);
  const writeRate = price.cacheWritePerMTok ?? price.inputPerMTok;
  let micro =
    uncached * price.inputPerMTok +
    cacheRead * (price.cacheReadPerMTok ?? price.inputPerMTok) +
    (cacheWrite - write1h) * writeRate +
    write1h * (price.cacheWrite1hPerMTok ?? writeRate) +
    usage.outputTokens * price.outputPerMTok;
  if (batch) micro *= 1 - price.batchDiscount;
  return micro * PER_TOKEN;
}

/** Like `priceUsage`, itemized (for reports and tests). */
export function priceUsageBreakdown(usage: Usage, price: PriceEntry, batch = false): UsageCost {
  const factor = (batch ? 1 - price.batchDiscount : 1) * PER_TOKEN;
  const cacheRead = Math.max(0, usage.cacheReadTokens);
  const cacheWrite = Math.max(0, usage.cacheWriteTokens);
  const write1h = Math.max(0, usage.cacheWrite1hTokens ?? 0);
  const writeRate = price.cacheWritePerMTok ?? price.inputPerMTok;
  const inputUsd = Math.max(0, usage.inputTokens - cacheRead - cacheWrite) * price.inputPerMTok * factor;
  const cacheReadUsd = cacheRead * (price.cacheReadPerMTok ?? price.inputPerMTok) * factor;
  const cacheWriteUsd =
    ((cacheWrite - write1h) * writeRate + write1h * (price.cacheWrite1hPerMTok ?? writeRate)) * factor;
  const outputUsd = usage.outputTokens * price.outputPerMTok * factor;
  return {
    totalUsd: inputUsd + cacheReadUsd + cacheWriteUsd + outputUsd,
    inputUsd,
    cacheReadUsd,
    cacheWriteUsd,
    outputUsd,
    batch,
  };
}
