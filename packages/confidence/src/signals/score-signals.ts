import type { ConfidenceSignals } from './confidence-signals';

/**
 * How an uncalibrated score in [0, 1] is read from the signals:
 * - `p10` / `p5`: the probability of the token at the 10th / 5th percentile (a low quantile: Gupta et
 *   al., ICLR 2024, find quantiles more reliable than length-normalized means);
 * - `min`: the least likely token's probability;
 * - `mean`: the geometric-mean token probability (length-normalized; biased towards long answers);
 * - `margin`: the mean gap between the two most likely alternatives.
 */
export type ScoreMethod = 'p10' | 'p5' | 'min' | 'mean' | 'margin';

export const SCORE_METHODS: readonly ScoreMethod[] = ['p10', 'p5', 'min', 'mean', 'margin'];

/** An uncalibrated confidence score in [0, 1] from the signals. */
export function scoreSignals(signals: ConfidenceSignals, method: ScoreMethod): number {
  switch (method) {
    case 'p10':
      return Math.exp(signals.p10Logprob);
    case 'p5':
      return Math.exp(signals.p5Logprob);
    case 'min':
      return Math.exp(signals.minLogprob);
    case 'mean':
      return signals.geometricMeanProbability;
    case 'margin':
      return Math.min(1, Math.max(0, signals.meanMargin));
  }
}
