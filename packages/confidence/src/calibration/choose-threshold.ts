/** Where a threshold falls on a set of scored examples. */
export interface ThresholdChoice {
  /** Escalate when the score is below this. */
  threshold: number;
  /** Examples under the threshold. */
  escalated: number;
  escalationRate: number;
  /** Share acceptable among the examples kept (NaN when none is kept). */
  keptQuality: number;
  targetMet: boolean;
}

/** Indices sorted by ascending score. */
function ascending(scores: readonly number[]): number[] {
  return scores.map((_, index) => index).sort((a, b) => scores[a]! - scores[b]!);
}

/** The threshold between the m-th and (m+1)-th lowest scores (0 for m = 0: escalate nothing seen). */
function cutAt(sorted: readonly number[], m: number, scores: readonly number[]): number {
  if (m === 0) return 0;
  if (m >= sorted.length) return 1;
  return (scores[sorted[m - 1]!]! + scores[sorted[m]!]!) / 2;
}

function choice(
  sorted: readonly number[],
  scores: readonly number[],
  acceptable: readonly boolean[],
  m: number,
  targetMet: boolean,
): ThresholdChoice {
  let kept = 0;
  for (let index = m; index < sorted.length; index++) if (acceptable[sorted[index]!]) kept++;
  const n = sorted.length;
  return {
    threshold: cutAt(sorted, m, scores),
    escalated: m,
    escalationRate: n === 0 ? 0 : m / n,
    keptQuality: n - m === 0 ? Number.NaN : kept / (n - m),
    targetMet,
  };
}

/**
 * The threshold that escalates as many examples as possible without exceeding `rate` of them. Tied
 * scores are never split, so the rate reached may be lower.
 */
export function thresholdForEscalationRate(
  scores: readonly number[],
  acceptable: readonly boolean[],
  rate: number,
): ThresholdChoice {
  const sorted = ascending(scores);
  let m = Math.min(sorted.length, Math.floor(rate * sorted.length + 1e-9));
  while (m > 0 && m < sorted.length && scores[sorted[m - 1]!] === scores[sorted[m]!]) m--;
  return choice(sorted, scores, acceptable, m, true);
}

/**
 * The threshold that escalates as few examples as possible while the examples kept are acceptable at
 * least `quality` of the time. When even the most confident group falls short, every example escalates
 * (`threshold` 1) and `targetMet` is false.
 */
export function thresholdForQuality(
  scores: readonly number[],
  acceptable: readonly boolean[],
  quality: number,
): ThresholdChoice {
  const sorted = ascending(scores);
  const n = sorted.length;
  // suffix[m] = acceptable examples among sorted[m..n).
  const suffix = new Array<number>(n + 1).fill(0);
  for (let index = n - 1; index >= 0; index--)
    suffix[index] = suffix[index + 1]! + (acceptable[sorted[index]!] ? 1 : 0);
  for (let m = 0; m < n; m++) {
    if (m > 0 && scores[sorted[m - 1]!] === scores[sorted[m]!]) continue;
    if (suffix[m]! / (n - m) >= quality) return choice(sorted, scores, acceptable, m, true);
  }
  return choice(sorted, scores, acceptable, n, false);
}
