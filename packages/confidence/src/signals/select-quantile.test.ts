import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { quantileInPlace } from './select-quantile';

/** Type-7 quantile by sorting: the reference. */
function reference(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const position = q * (sorted.length - 1);
  const k = Math.floor(position);
  const next = sorted[Math.min(k + 1, sorted.length - 1)]!;
  return sorted[k]! + (position - k) * (next - sorted[k]!);
}

describe('quantileInPlace', () => {
  it('matches sorting for p10 then p5 on the same buffer', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -50, max: 0, noNaN: true }), { minLength: 1, maxLength: 300 }),
        (values) => {
          const buffer = Float64Array.from(values);
          const n = values.length;
          const p10 = quantileInPlace(buffer, n, 0.1);
          const p5 = quantileInPlace(buffer, n, 0.05, Math.min(n - 1, Math.floor(0.1 * (n - 1)) + 1));
          expect(p10).toBeCloseTo(reference(values, 0.1), 9);
          expect(p5).toBeCloseTo(reference(values, 0.05), 9);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('handles ties and sorted input', () => {
    const values = [-1, -1, -1, -2, -2, -3, -3, -3, -3, -0.5, 0, 0];
    const ascending = Float64Array.from([...values].sort((a, b) => a - b));
    expect(quantileInPlace(ascending, values.length, 0.1)).toBeCloseTo(reference(values, 0.1), 12);
    expect(quantileInPlace(Float64Array.from([-4]), 1, 0.1)).toBe(-4);
  });
});
