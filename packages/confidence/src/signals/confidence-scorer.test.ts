import type { TokenLogprob } from '@switchyard/core';
import { describe, expect, it } from 'vitest';
import type { Calibration } from '../calibration/calibration';
import { createConfidenceScorer } from './confidence-scorer';
import { scoreSignals } from './score-signals';

const token = (p: number, text = ' w'): TokenLogprob => ({
  token: text,
  logprob: Math.log(p),
  topLogprobs: [],
});

describe('createConfidenceScorer', () => {
  const answer = [token(0.99), token(0.98), token(0.2), token(0.97), token(0.99)];

  it('reads each uncalibrated method from the signals', () => {
    const p10 = createConfidenceScorer()(answer);
    expect(p10.method).toBe('p10');
    expect(p10.score).toBeCloseTo(Math.exp(p10.signals!.p10Logprob), 12);
    expect(createConfidenceScorer({ method: 'min' })(answer).score).toBeCloseTo(0.2, 12);
    const mean = createConfidenceScorer({ method: 'mean' })(answer);
    expect(mean.score).toBeCloseTo((0.99 * 0.98 * 0.2 * 0.97 * 0.99) ** (1 / 5), 12);
    expect(scoreSignals(mean.signals!, 'margin')).toBeCloseTo(mean.signals!.meanMargin, 12);
  });

  it('is unknown (null) without logprobs', () => {
    const score = createConfidenceScorer();
    expect(score(undefined)).toEqual({ score: null, signals: undefined, method: 'p10' });
    expect(score([]).score).toBeNull();
    expect(score([token(0.5, '.')]).score).toBeNull();
  });

  it('applies a calibration’s logistic map and span options', () => {
    const calibration: Calibration = {
      version: 1,
      kind: 'switchyard-confidence-calibration',
      features: ['minLogprob'],
      center: [-1],
      scale: [2],
      weights: [4],
      intercept: 0.5,
      threshold: 0.5,
      target: { escalationRate: 0.1 },
      span: { skipFormatting: false },
      lowProbabilityFloor: 0.5,
    };
    const result = createConfidenceScorer({ calibration })([token(0.9), token(0.3, '.')]);
    expect(result.method).toBe('calibrated');
    // skipFormatting false: the '.' at 0.3 is the minimum.
    const z = 0.5 + (4 * (Math.log(0.3) + 1)) / 2;
    expect(result.score).toBeCloseTo(1 / (1 + Math.exp(-z)), 12);
  });
});
