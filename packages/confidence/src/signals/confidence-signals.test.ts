import type { TokenLogprob } from '@switchyard/core';
import { describe, expect, it } from 'vitest';
import { computeSignals } from './confidence-signals';

const lp = Math.log;

/** A token with probability p and alternatives of the given probabilities (the token itself first). */
function token(text: string, p: number, alternatives: number[] = []): TokenLogprob {
  return {
    token: text,
    logprob: lp(p),
    topLogprobs: [
      { token: text, logprob: lp(p) },
      ...alternatives.map((q, index) => ({ token: `${text}${index}`, logprob: lp(q) })),
    ],
  };
}

describe('computeSignals', () => {
  it('computes every signal by hand on a three-token answer', () => {
    const logprobs = [token(' a', 0.9, [0.05]), token(' b', 0.5, [0.4]), token(' c', 0.8, [0.1, 0.05])];
    const signals = computeSignals(logprobs)!;
    const values = [lp(0.9), lp(0.5), lp(0.8)];
    const mean = (values[0]! + values[1]! + values[2]!) / 3;
    expect(signals.tokens).toBe(3);
    expect(signals.meanLogprob).toBeCloseTo(mean, 12);
    expect(signals.minLogprob).toBeCloseTo(lp(0.5), 12);
    // Sorted: ln .5, ln .8, ln .9; p10 sits at position 0.2, p5 at 0.1.
    expect(signals.p10Logprob).toBeCloseTo(lp(0.5) + 0.2 * (lp(0.8) - lp(0.5)), 12);
    expect(signals.p5Logprob).toBeCloseTo(lp(0.5) + 0.1 * (lp(0.8) - lp(0.5)), 12);
    expect(signals.geometricMeanProbability).toBeCloseTo(Math.exp(mean), 12);
    const entropy = (ps: number[]) => -ps.reduce((sum, p) => sum + p * lp(p), 0);
    expect(signals.meanEntropy).toBeCloseTo(
      (entropy([0.9, 0.05]) + entropy([0.5, 0.4]) + entropy([0.8, 0.1, 0.05])) / 3,
      12,
    );
    expect(signals.meanMargin).toBeCloseTo((0.85 + 0.1 + 0.7) / 3, 12);
    // Below the default floor of 0.5: none (0.5 itself is not below).
    expect(signals.lowProbabilityShare).toBe(0);
    expect(computeSignals(logprobs, { lowProbabilityFloor: 0.85 })!.lowProbabilityShare).toBeCloseTo(
      2 / 3,
      12,
    );
  });

  it('bounds the runner-up by the remaining mass when no alternatives are given', () => {
    const bare = (p: number): TokenLogprob => ({ token: 'x', logprob: lp(p), topLogprobs: [] });
    expect(computeSignals([bare(0.9)])!.meanMargin).toBeCloseTo(0.8, 12);
    expect(computeSignals([bare(0.3)])!.meanMargin).toBeCloseTo(0, 12);
    expect(computeSignals([bare(0.9)])!.meanEntropy).toBeCloseTo(-0.9 * lp(0.9), 12);
  });

  it('skips formatting and special tokens by default, and scores them when asked', () => {
    const logprobs = [token(' yes', 0.99), token('.', 0.1), token('<eos>', 0.2)];
    expect(computeSignals(logprobs)!.tokens).toBe(1);
    expect(computeSignals(logprobs)!.minLogprob).toBeCloseTo(lp(0.99), 12);
    const all = computeSignals(logprobs, { span: { skipFormatting: false } })!;
    expect(all.tokens).toBe(3);
    expect(all.minLogprob).toBeCloseTo(lp(0.1), 12);
  });

  it('skips a leading reasoning block, even split across tokens', () => {
    const logprobs = [
      token('<', 0.99),
      token('think', 0.99),
      token('>', 0.99),
      token(' maybe', 0.05),
      token('</think>', 0.99),
      token(' 42', 0.97),
    ];
    const signals = computeSignals(logprobs)!;
    expect(signals.tokens).toBe(1);
    expect(signals.minLogprob).toBeCloseTo(lp(0.97), 12);
    expect(computeSignals(logprobs, { span: { reasoning: false } })!.minLogprob).toBeCloseTo(lp(0.05), 12);
    const custom = [token('[R]', 0.9), token(' hmm', 0.1), token('[/R]', 0.9), token(' ok', 0.8)];
    expect(computeSignals(custom, { span: { reasoning: { open: '[R]', close: '[/R]' } } })!.tokens).toBe(1);
  });

  it('leaves nothing to score inside an unclosed reasoning block', () => {
    expect(computeSignals([token('<think>', 0.9), token(' so', 0.5)])).toBeUndefined();
  });

  it('does not treat text that merely starts with < as reasoning', () => {
    expect(
      computeSignals([token('<', 0.9), token('div', 0.9), token(' x', 0.2)], {
        span: { skipFormatting: false },
      })!.tokens,
    ).toBe(3);
  });

  it('scores only the tokens after the last answer marker', () => {
    const logprobs = [
      token(' Step', 0.3),
      token(' Final', 0.9),
      token(' answer', 0.9),
      token(':', 0.9),
      token(' 12', 0.4),
      token(' Final answer:', 0.9),
      token(' 13', 0.95),
    ];
    const signals = computeSignals(logprobs, { span: { answerMarker: 'Final answer:' } })!;
    expect(signals.tokens).toBe(1);
    expect(signals.minLogprob).toBeCloseTo(lp(0.95), 12);
    // Marker absent: everything but the lone ':' formatting token counts.
    expect(computeSignals(logprobs, { span: { answerMarker: 'Result:' } })!.tokens).toBe(6);
  });

  it('returns undefined when there is nothing to score', () => {
    expect(computeSignals([])).toBeUndefined();
    expect(computeSignals([token(' ', 0.5)])).toBeUndefined();
  });

  it('keeps signals finite for a zero-probability token', () => {
    const signals = computeSignals([
      { token: ' a', logprob: Number.NEGATIVE_INFINITY, topLogprobs: [] },
      token(' b', 0.9),
    ])!;
    expect(Number.isFinite(signals.meanLogprob)).toBe(true);
    expect(signals.minLogprob).toBe(-100);
  });

  it('is linear in answer length: a 5,000-token answer scores like its parts', () => {
    const long = Array.from({ length: 5000 }, (_, index) =>
      token(` t${index}`, index % 10 === 0 ? 0.4 : 0.95, [0.03]),
    );
    const signals = computeSignals(long)!;
    expect(signals.tokens).toBe(5000);
    expect(signals.lowProbabilityShare).toBeCloseTo(0.1, 12);
    expect(signals.p5Logprob).toBeCloseTo(lp(0.4), 12);
    // Exactly 10% of tokens sit at 0.4, so the 10th percentile falls between the two levels.
    expect(signals.p10Logprob).toBeGreaterThan(lp(0.4));
    expect(signals.p10Logprob).toBeLessThan(lp(0.95));
  });
});
