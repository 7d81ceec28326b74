import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fastExp } from './fast-exp';

describe('fastExp', () => {
  it('matches Math.exp to 1e-12 relative over the range of logprobs and beyond', () => {
    fc.assert(
      fc.property(fc.double({ min: -744, max: 700, noNaN: true }), (x) => {
        const exact = Math.exp(x);
        expect(Math.abs(fastExp(x) - exact)).toBeLessThanOrEqual(exact * 1e-12);
      }),
      { numRuns: 5000 },
    );
    for (let x = -30; x <= 0; x += 0.001) {
      expect(Math.abs(fastExp(x) - Math.exp(x))).toBeLessThanOrEqual(Math.exp(x) * 1e-12);
    }
  });

  it('handles the edges', () => {
    expect(fastExp(0)).toBe(1);
    expect(fastExp(-0)).toBe(1);
    expect(fastExp(Number.NEGATIVE_INFINITY)).toBe(0);
    expect(fastExp(Number.NaN)).toBe(0);
    expect(fastExp(-800)).toBe(0);
    expect(fastExp(800)).toBe(Number.POSITIVE_INFINITY);
  });
});
