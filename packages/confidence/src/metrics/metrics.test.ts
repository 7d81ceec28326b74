import { describe, expect, it } from 'vitest';
import { seededRandom } from '../synthetic/synthetic-logprobs';
import { auroc } from './auroc';
import { qualityAt, qualityCurve, shareToReach } from './quality-curve';
import { routerMetrics } from './routellm-metrics';

describe('auroc', () => {
  it('is 1 for perfect ranking, 0 for reversed, 0.5 for ties, NaN with one class', () => {
    expect(auroc([0.1, 0.2, 0.8, 0.9], [false, false, true, true])).toBe(1);
    expect(auroc([0.9, 0.8, 0.2, 0.1], [false, false, true, true])).toBe(0);
    expect(auroc([0.5, 0.5, 0.5, 0.5], [false, true, false, true])).toBe(0.5);
    expect(auroc([0.1, 0.2], [true, true])).toBeNaN();
  });

  it('counts every positive–negative pair, ties as one half', () => {
    // Pairs (pos, neg): (0.4 vs 0.3) win, (0.4 vs 0.4) tie, (0.9 vs 0.3) win, (0.9 vs 0.4) win → 3.5 / 4.
    expect(auroc([0.3, 0.4, 0.4, 0.9], [false, false, true, true])).toBeCloseTo(3.5 / 4, 12);
  });
});

describe('qualityCurve and routerMetrics', () => {
  const weak = [1, 0, 0, 1];
  const strong = [1, 1, 1, 0];

  it('moves requests to the strong model in priority order, tie groups together', () => {
    const curve = qualityCurve([0.9, 0.8, 0.8, 0.1], weak, strong);
    expect(curve).toEqual([
      { share: 0, quality: 0.5 },
      { share: 0.25, quality: 0.5 },
      { share: 0.75, quality: 1 },
      { share: 1, quality: 0.75 },
    ]);
    expect(qualityAt(curve, 0.5)).toBeCloseTo(0.75, 12);
    expect(shareToReach(curve, 0.75)).toBeCloseTo(0.5, 12);
    expect(shareToReach(curve, 1.1)).toBeUndefined();
  });

  it('computes APGR and CPT as RouteLLM defines them', () => {
    // weak 0.5, strong 0.75: PGR(c) along the curve above.
    const metrics = routerMetrics(qualityCurve([0.9, 0.8, 0.8, 0.1], weak, strong));
    expect(metrics.weakQuality).toBe(0.5);
    expect(metrics.strongQuality).toBe(0.75);
    // Area under quality: 0.25·0.5 + 0.5·0.75 + 0.25·0.875 = 0.71875 → PGR (0.71875−0.5)/0.25.
    expect(metrics.apgr).toBeCloseTo(0.875, 12);
    // PGR 50% = quality 0.625: reached at share 0.25 + 0.5·(0.125/0.5) = 0.375.
    expect(metrics.cpt50).toBeCloseTo(0.375, 12);
    expect(metrics.cpt80).toBeCloseTo(0.25 + 0.5 * (0.2 / 0.5), 12);
  });

  it('gives about 0.5 APGR and CPT(x) ≈ x for a random router', () => {
    const random = seededRandom(11);
    const n = 20000;
    const weakBig = Array.from({ length: n }, () => (random() < 0.6 ? 1 : 0));
    const strongBig = Array.from({ length: n }, () => (random() < 0.85 ? 1 : 0));
    const metrics = routerMetrics(
      qualityCurve(
        Array.from({ length: n }, () => random()),
        weakBig,
        strongBig,
      ),
    );
    expect(metrics.apgr).toBeGreaterThan(0.47);
    expect(metrics.apgr).toBeLessThan(0.53);
    expect(metrics.cpt50!).toBeGreaterThan(0.44);
    expect(metrics.cpt50!).toBeLessThan(0.56);
  });
});
