/** The guide's three regimes of annual API spend. */
export type SpendBand = 'cloud' | 'hybrid' | 'owned';

/** Band thresholds in USD of annual API spend. */
export interface BandThresholds {
  /** Below this, self-hosting costs more than it saves. Default $50,000. */
  hybridFromUsd: number;
  /** Above this, owned infrastructure dominates. Default $500,000. */
  ownedAboveUsd: number;
}

/** The guide's figures: below $50k a year stay on cloud APIs; $50k–$500k hybrid; above $500k owned. */
export const GUIDE_BANDS: Readonly<BandThresholds> = Object.freeze({
  hybridFromUsd: 50_000,
  ownedAboveUsd: 500_000,
});

/**
 * Which regime an annual API spend falls in. A heuristic: the plan's own arithmetic (TCO against
 * the spend that can actually move) decides; the band explains the context.
 */
export function spendBand(annualSpendUsd: number, thresholds: BandThresholds = GUIDE_BANDS): SpendBand {
  if (annualSpendUsd < thresholds.hybridFromUsd) return 'cloud';
  if (annualSpendUsd <= thresholds.ownedAboveUsd) return 'hybrid';
  return 'owned';
}

/** One sentence per band. */
export function describeBand(band: SpendBand): string {
  switch (band) {
    case 'cloud':
      return 'below the hybrid band: self-hosting usually costs more than it saves (engineering overhead alone exceeds the API bill)';
    case 'hybrid':
      return 'hybrid band: route high-volume commodity work local, keep complex or low-volume work on cloud APIs';
    case 'owned':
      return 'above the hybrid band: owned infrastructure starts to dominate the economics';
  }
}
