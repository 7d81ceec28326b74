/**
 * exp(x) for the logprob range without calling `Math.exp`, which dominated scoring (five calls a
 * token). x = (64·n + j)·ln2/64 + r with |r| <= ln2/128: 2^n and 2^(j/64) come from tables and e^r from
 * a degree-4 Taylor polynomial. Relative error below 2e-13; about twice as fast as `Math.exp` on V8.
 */
const OFFSET = 1100;
const POWERS = new Float64Array(OFFSET + 1100);
for (let index = 0; index < POWERS.length; index++) POWERS[index] = 2 ** (index - OFFSET);
const FRACTIONS = new Float64Array(64);
for (let index = 0; index < 64; index++) FRACTIONS[index] = 2 ** (index / 64);
const TO_STEPS = 64 * Math.LOG2E;
const STEP = Math.LN2 / 64;

/** e^x; exact enough for probabilities (x in [−745, 700]); 0 below, NaN in → 0 out. */
export function fastExp(x: number): number {
  if (!(x > -745)) return 0;
  if (x > 700) return Math.exp(x);
  const steps = Math.round(x * TO_STEPS);
  const r = x - steps * STEP;
  const series = 1 + r * (1 + r * (0.5 + r * (1 / 6 + r * (1 / 24))));
  return POWERS[(steps >> 6) + OFFSET]! * FRACTIONS[steps & 63]! * series;
}
