/**
 * Quality–cost curves of a two-model system, as in RouteLLM (Ong et al., 2024, arXiv 2406.18665): a
 * router sends the requests it ranks highest to the strong model; the curve gives the quality reached
 * for each share of strong-model calls.
 */

/** One operating point: the share of requests sent to the strong model and the mean quality then. */
export interface CurvePoint {
  share: number;
  quality: number;
}

/**
 * The curve of a router that sends requests to the strong model in decreasing order of `priority`.
 * Requests with equal priority move together (a threshold cannot split them), so the points are the
 * tie-group boundaries, from share 0 (all weak) to 1 (all strong); between them quality is linear.
 * `weak[i]` and `strong[i]` are each model's quality on request i (1/0 for correctness, or a score).
 */
export function qualityCurve(
  priority: readonly number[],
  weak: readonly number[],
  strong: readonly number[],
): CurvePoint[] {
  const n = priority.length;
  const order = priority.map((_, index) => index).sort((a, b) => priority[b]! - priority[a]!);
  let total = 0;
  for (let index = 0; index < n; index++) total += weak[index]!;
  const points: CurvePoint[] = [{ share: 0, quality: total / n }];
  for (let start = 0; start < n; ) {
    let end = start + 1;
    while (end < n && priority[order[end]!] === priority[order[start]!]) end++;
    for (let index = start; index < end; index++) {
      const request = order[index]!;
      total += strong[request]! - weak[request]!;
    }
    points.push({ share: end / n, quality: total / n });
    start = end;
  }
  return points;
}

/** Quality at `share` on a piecewise-linear curve. */
export function qualityAt(curve: readonly CurvePoint[], share: number): number {
  for (let index = 1; index < curve.length; index++) {
    const right = curve[index]!;
    if (right.share >= share) {
      const left = curve[index - 1]!;
      const span = right.share - left.share;
      return span === 0
        ? right.quality
        : left.quality + ((share - left.share) / span) * (right.quality - left.quality);
    }
  }
  return curve[curve.length - 1]!.quality;
}

/** The smallest share at which the piecewise-linear curve reaches `quality`; `undefined` if never. */
export function shareToReach(curve: readonly CurvePoint[], quality: number): number | undefined {
  if (curve[0]!.quality >= quality) return curve[0]!.share;
  for (let index = 1; index < curve.length; index++) {
    const left = curve[index - 1]!;
    const right = curve[index]!;
    if (right.quality >= quality) {
      const rise = right.quality - left.quality;
      return rise <= 0
        ? right.share
        : left.share + ((quality - left.quality) / rise) * (right.share - left.share);
    }
  }
  return undefined;
}
