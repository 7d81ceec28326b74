import type { ConfidenceSignals, SignalName } from '../signals/confidence-signals';

/** Logprob features are clipped here so that one near-impossible token cannot dominate a fit. */
export const FEATURE_LOGPROB_FLOOR = -20;

/** The value of one signal as a model feature. */
export function featureValue(signals: ConfidenceSignals, name: SignalName): number {
  const value = signals[name];
  switch (name) {
    case 'meanLogprob':
    case 'minLogprob':
    case 'p5Logprob':
    case 'p10Logprob':
      return Math.max(value, FEATURE_LOGPROB_FLOOR);
    default:
      return value;
  }
}
