import { describe, expect, it } from 'vitest';
import { fromOpenAILogprobs } from '../logprobs/from-openai-logprobs';
import { computeSignals } from '../signals/confidence-signals';
import { generateSyntheticLogprobs } from './synthetic-logprobs';

describe('generateSyntheticLogprobs', () => {
  it('is deterministic for a seed and different across seeds', () => {
    expect(generateSyntheticLogprobs({ count: 20, seed: 3 })).toEqual(
      generateSyntheticLogprobs({ count: 20, seed: 3 }),
    );
    expect(generateSyntheticLogprobs({ count: 20, seed: 3 })).not.toEqual(
      generateSyntheticLogprobs({ count: 20, seed: 4 }),
    );
  });

  it('has the structure it documents: wrong answers, and only they, hold a token under 0.5', () => {
    const rows = generateSyntheticLogprobs({ count: 500, seed: 9 });
    const wrong = rows.filter((row) => !row.weak_correct).length / rows.length;
    expect(wrong).toBeGreaterThan(0.2);
    expect(wrong).toBeLessThan(0.3);
    for (const row of rows) {
      const signals = computeSignals(fromOpenAILogprobs(row.logprobs))!;
      expect(Math.exp(signals.minLogprob) < 0.5, row.id).toBe(!row.weak_correct);
    }
  });
});
