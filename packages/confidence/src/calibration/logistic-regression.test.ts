import { describe, expect, it } from 'vitest';
import { seededRandom } from '../synthetic/synthetic-logprobs';
import { sigmoid } from './logistic-map';
import { fitLogisticRegression } from './logistic-regression';

describe('fitLogisticRegression', () => {
  it('recovers the coefficients that generated the labels', () => {
    const random = seededRandom(3);
    const truth = { intercept: -0.5, weights: [1.5, -2, 0] };
    const rows: number[][] = [];
    const labels: number[] = [];
    for (let index = 0; index < 20000; index++) {
      const row = [random() * 4 - 2, random() * 4 - 2, random() * 4 - 2];
      const z = truth.intercept + row.reduce((sum, value, column) => sum + truth.weights[column]! * value, 0);
      rows.push(row);
      labels.push(random() < sigmoid(z) ? 1 : 0);
    }
    const fit = fitLogisticRegression(rows, labels, { l2: 0 });
    expect(fit.converged).toBe(true);
    expect(fit.intercept).toBeCloseTo(truth.intercept, 1);
    for (const [column, weight] of fit.weights.entries())
      expect(weight).toBeCloseTo(truth.weights[column]!, 1);
  });

  it('stays finite on perfectly separable data thanks to the L2 penalty', () => {
    const rows = [[-2], [-1], [1], [2]];
    const fit = fitLogisticRegression(rows, [0, 0, 1, 1], { l2: 1 });
    expect(Number.isFinite(fit.weights[0]!)).toBe(true);
    expect(fit.weights[0]!).toBeGreaterThan(0);
    expect(sigmoid(fit.intercept + 2 * fit.weights[0]!)).toBeGreaterThan(0.5);
  });
});
