import { type CurvePoint, shareToReach } from './quality-curve';

/** RouteLLM's router metrics for one curve. */
export interface RouterMetrics {
  /** Quality with every request on the weak / strong model. */
  weakQuality: number;
  strongQuality: number;
  /**
   * Average performance gap recovered: ∫₀¹ PGR(c) dc over the share of strong calls c, where
   * PGR = (quality − weak) / (strong − weak). Integrated exactly over the piecewise-linear curve
   * (RouteLLM's evaluation code integrates the same curve with the trapezoid rule at ten quantile
   * thresholds).
   */
  apgr: number;
  /** CPT(x%): the smallest share of strong calls at which PGR reaches x (`undefined`: never). */
  cpt50: number | undefined;
  cpt80: number | undefined;
}

/**
 * Computes APGR and CPT(50%) / CPT(80%) as defined by RouteLLM (Ong et al., 2024, arXiv 2406.18665,
 * §4): PGR(R) = (r(R) − r(weak)) / (r(strong) − r(weak)); APGR = ∫ PGR d(c); CPT(x%) = the minimum
 * percentage of strong-model calls needed to reach PGR x%.
 */
export function routerMetrics(curve: readonly CurvePoint[]): RouterMetrics {
  const weakQuality = curve[0]!.quality;
  const strongQuality = curve[curve.length - 1]!.quality;
  const gap = strongQuality - weakQuality;
  let area = 0;
  for (let index = 1; index < curve.length; index++) {
    const left = curve[index - 1]!;
    const right = curve[index]!;
    area += ((left.quality + right.quality) / 2) * (right.share - left.share);
  }
  const pgrOf = (quality: number) => (quality - weakQuality) / gap;
  return {
    weakQuality,
    strongQuality,
    apgr: pgrOf(area),
    cpt50: shareToReach(curve, weakQuality + 0.5 * gap),
    cpt80: shareToReach(curve, weakQuality + 0.8 * gap),
  };
}
