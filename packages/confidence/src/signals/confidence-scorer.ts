import type { TokenLogprob } from '@switchyard/core';
import type { Calibration } from '../calibration/calibration';
import { applyLogisticMap } from '../calibration/logistic-map';
import { type ConfidenceSignals, computeSignals, resolveSignalOptions } from './confidence-signals';
import { type ScoreMethod, scoreSignals } from './score-signals';
import type { SpanOptions } from './span-options';

/** The confidence of one answer: a score in [0, 1] (null when unknown) and the signals behind it. */
export interface ConfidenceAssessment {
  /** null when there was nothing to score (no logprobs, or no answer token left after span selection). */
  score: number | null;
  signals: ConfidenceSignals | undefined;
  /** `calibrated` (a fitted logistic map) or the uncalibrated method used. */
  method: 'calibrated' | ScoreMethod;
}

export interface ConfidenceScorerOptions {
  /** A fitted calibration: its logistic map turns the signals into the score (and fixes span options). */
  calibration?: Calibration;
  /** Without a calibration: how the score is read from the signals. Default `p10`. */
  method?: ScoreMethod;
  /** Without a calibration: which tokens are scored. */
  span?: SpanOptions;
  /** Without a calibration: the floor for `lowProbabilityShare`. Default 0.5. */
  lowProbabilityFloor?: number;
}

/**
 * Builds a scorer once (options resolved up front) for use on every answer.
 *
 * @example
 * const score = createConfidenceScorer({ method: 'p10' });
 * const { score: confidence, signals } = score(response.logprobs ?? []);
 */
export function createConfidenceScorer(
  options: ConfidenceScorerOptions = {},
): (logprobs: readonly TokenLogprob[] | undefined) => ConfidenceAssessment {
  const { calibration } = options;
  const resolved = resolveSignalOptions(
    calibration
      ? { span: calibration.span, lowProbabilityFloor: calibration.lowProbabilityFloor }
      : { span: options.span, lowProbabilityFloor: options.lowProbabilityFloor },
  );
  const method = calibration ? 'calibrated' : (options.method ?? 'p10');
  return (logprobs) => {
    const signals = logprobs && logprobs.length > 0 ? computeSignals(logprobs, resolved) : undefined;
    if (!signals) return { score: null, signals: undefined, method };
    const score = calibration
      ? applyLogisticMap(calibration, signals)
      : scoreSignals(signals, method as ScoreMethod);
    return { score, signals, method };
  };
}
