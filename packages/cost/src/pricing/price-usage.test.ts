import type { Usage } from '@switchyard/core';
import { describe, expect, it } from 'vitest';
import { createPriceCatalog } from '../catalog/price-catalog';
import { priceUsage, priceUsageBreakdown } from './price-usage';

const catalog = createPriceCatalog();
const price = (model: string) => {
  const entry = catalog.resolve(model);
  if (!entry) throw new Error(`no price for ${model}`);
  return entry;
};
const usage = (partial: Partial<Usage>): Usage => ({
  inputTokens: 0,
  outputTokens: 0,
  cacheReadTokens: 0,
  cacheWriteTokens: 0,
  ...partial,
});

describe('priceUsage: worked examples from the providers’ published rules', () => {
  it('OpenAI gpt-4o: cached tokens are inside prompt_tokens and bill at the cached-input rate', () => {
    // 10,000 prompt tokens of which 6,000 cached, 1,000 completion tokens:
    // 4,000 × $2.50 + 6,000 × $1.25 + 1,000 × $10.00 per million = $0.0275.
    const cost = priceUsage(
      usage({ inputTokens: 10_000, cacheReadTokens: 6_000, outputTokens: 1_000 }),
      price('gpt-4o'),
    );
    expect(cost).toBeCloseTo(0.0275, 12);
  });

  it('OpenAI gpt-4o-mini: reasoning-free list price, 1M in + 1M out', () => {
    expect(priceUsage(usage({ inputTokens: 1e6, outputTokens: 1e6 }), price('gpt-4o-mini'))).toBeCloseTo(
      0.75,
      12,
    );
  });

  it('OpenAI o-series: reasoning tokens are part of output and bill at the output rate', () => {
    // o4-mini, 2,000 input, 300 visible + 4,000 reasoning output tokens: 2,000 × 1.10 + 4,300 × 4.40.
    const cost = priceUsage(
      usage({ inputTokens: 2_000, outputTokens: 4_300, reasoningTokens: 4_000 }),
      price('o4-mini'),
    );
    expect(cost).toBeCloseTo((2_000 * 1.1 + 4_300 * 4.4) / 1e6, 12);
  });

  it('Anthropic Sonnet 4.6: cache hits at $0.30/MTok, the rest at $3 in / $15 out', () => {
    // 2,000 uncached + 50,000 cache-read input tokens (normalized: input counts both), 500 output:
    // 2,000 × 3 + 50,000 × 0.30 + 500 × 15 = 28,500 micro-dollars.
    const cost = priceUsage(
      usage({ inputTokens: 52_000, cacheReadTokens: 50_000, outputTokens: 500 }),
      price('claude-sonnet-4-6'),
    );
    expect(cost).toBeCloseTo(0.0285, 12);
  });

  it('Anthropic Haiku 4.5: 5-minute writes at 1.25× input, 1-hour writes at 2×', () => {
    // 10,000 written to cache, 4,000 of them for 1 hour; 1,000 output:
    // 6,000 × 1.25 + 4,000 × 2.00 + 1,000 × 5.00 = 20,500 micro-dollars.
    const cost = priceUsage(
      usage({
        inputTokens: 10_000,
        cacheWriteTokens: 10_000,
        cacheWrite1hTokens: 4_000,
        outputTokens: 1_000,
      }),
      price('claude-haiku-4-5'),
    );
    expect(cost).toBeCloseTo(0.0205, 12);
  });

  it('Anthropic batch API halves every rate, caching multipliers included', () => {
    // Opus 4.6 in a batch, 5,000 input + 800 output: (5,000 × 5 + 800 × 25) / 2 = 22,500 micro-dollars.
    expect(
      priceUsage(usage({ inputTokens: 5_000, outputTokens: 800 }), price('claude-opus-4-6'), true),
    ).toBeCloseTo(0.0225, 12);
    // Cache reads in a batch: 0.50 × 0.5 = $0.25 per million.
    expect(
      priceUsage(usage({ inputTokens: 1e6, cacheReadTokens: 1e6 }), price('claude-opus-4-6'), true),
    ).toBeCloseTo(0.25, 12);
  });

  it('OpenAI cache writes bill as plain input (no write surcharge in the catalog)', () => {
    const cost = priceUsage(usage({ inputTokens: 1_000, cacheWriteTokens: 1_000 }), price('gpt-4.1'));
    expect(cost).toBeCloseTo((1_000 * 2) / 1e6, 12);
  });

  it('breakdown sums to the total and agrees with priceUsage', () => {
    const sample = usage({
      inputTokens: 40_000,
      cacheReadTokens: 20_000,
      cacheWriteTokens: 8_000,
      cacheWrite1hTokens: 3_000,
      outputTokens: 2_500,
    });
    for (const batch of [false, true]) {
      const parts = priceUsageBreakdown(sample, price('claude-sonnet-4-5'), batch);
      expect(parts.inputUsd + parts.cacheReadUsd + parts.cacheWriteUsd + parts.outputUsd).toBeCloseTo(
        parts.totalUsd,
        15,
      );
      expect(parts.totalUsd).toBeCloseTo(priceUsage(sample, price('claude-sonnet-4-5'), batch), 15);
    }
  });
});

describe('the guide’s caching-plus-batch claim', () => {
  // The guide: "a cacheable batch workflow on Claude Haiku drops from $5.00 to roughly $0.25 per
  // million output tokens". By Anthropic's rules caching discounts input, not output: batch halves
  // output to $2.50, and no caching changes it. $0.25 is not reachable for output tokens.
  it('output tokens: $5.00 list, $2.50 in a batch, unchanged by caching', () => {
    const haiku = price('claude-haiku-4-5');
    const million = usage({ outputTokens: 1e6 });
    expect(priceUsage(million, haiku)).toBeCloseTo(5, 12);
    expect(priceUsage(million, haiku, true)).toBeCloseTo(2.5, 12);
    const cachedPrompt = usage({ inputTokens: 1e6, cacheReadTokens: 1e6, outputTokens: 1e6 });
    const outputPart = priceUsageBreakdown(cachedPrompt, haiku, true).outputUsd;
    expect(outputPart).toBeCloseTo(2.5, 12);
    expect(outputPart).not.toBeCloseTo(0.25, 2);
  });

  it('what caching plus batch does reach: cached input at $0.05 per million (99% below $5.00 output, 95% below $1.00 input)', () => {
    const cachedInput = priceUsageBreakdown(
      usage({ inputTokens: 1e6, cacheReadTokens: 1e6 }),
      price('claude-haiku-4-5'),
      true,
    );
    expect(cachedInput.totalUsd).toBeCloseTo(0.05, 12);
  });
});
