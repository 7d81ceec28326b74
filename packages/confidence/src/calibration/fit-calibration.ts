import { InvalidRequestError } from '@switchyard/core';
import { z } from 'zod';
import { auroc } from '../metrics/auroc';
import {
  type ConfidenceSignals,
  computeSignals,
  DEFAULT_LOW_PROBABILITY_FLOOR,
  resolveSignalOptions,
  SIGNAL_NAMES,
  type SignalName,
} from '../signals/confidence-signals';
import { type SpanOptions, spanOptionsSchema } from '../signals/span-options';
import { parseOptions } from '../validation/invalid-input';
import type { Calibration } from './calibration';
import { type ThresholdChoice, thresholdForEscalationRate, thresholdForQuality } from './choose-threshold';
import { featureValue } from './features';
import type { LabeledExample } from './labeled-examples';
import { applyLogisticMap, type LogisticMap } from './logistic-map';
import { fitLogisticRegression } from './logistic-regression';

/**
 * The signals a calibration uses by default. `geometricMeanProbability` is left out: it is a monotone
 * function of `meanLogprob` and adds nothing to a linear map but collinearity.
 */
export const DEFAULT_FEATURES: readonly SignalName[] = SIGNAL_NAMES.filter(
  (name) => name !== 'geometricMeanProbability',
);

export interface FitCalibrationOptions {
  /**
   * What the threshold aims at: the largest share of answers you accept to escalate
   * (`{ escalationRate: 0.2 }`), or the least share of acceptable answers among those kept local
   * (`{ quality: 0.95 }`). Default `{ escalationRate: 0.2 }`.
   */
  target?: { escalationRate: number } | { quality: number };
  /** Signals the logistic map combines. Default: all but `geometricMeanProbability`. */
  features?: SignalName[];
  span?: SpanOptions;
  lowProbabilityFloor?: number;
  /** L2 penalty on the standardized weights. Default 1. */
  l2?: number;
  /** Folds for the held-out AUROC (0 or 1: none). Default 5. */
  folds?: number;
}

const share = z.number().min(0, 'must be between 0 and 1').max(1, 'must be between 0 and 1');
const optionsSchema = z.strictObject({
  target: z.union([z.strictObject({ escalationRate: share }), z.strictObject({ quality: share })]).optional(),
  features: z.array(z.enum(SIGNAL_NAMES)).min(1, 'must name at least one signal').optional(),
  span: spanOptionsSchema.optional(),
  lowProbabilityFloor: z
    .number()
    .gt(0, 'must be between 0 and 1')
    .lt(1, 'must be between 0 and 1')
    .optional(),
  l2: z.number().min(0).optional(),
  folds: z.number().int().min(0).optional(),
});

/** A fitted calibration, and the examples that could not be scored (no answer tokens left). */
export interface CalibrationResult {
  calibration: Calibration;
  /** Calibrated score of each scored example, in input order of `scored`. */
  scores: number[];
  /** Indices (into the input) of the examples used. */
  scored: number[];
  /** AUROC of each single signal on the examples (oriented so that higher means more confident). */
  signalAuroc: Record<SignalName, number>;
  choice: ThresholdChoice;
}

/**
 * Fits a logistic map from signals to P(acceptable) and a threshold for a target, from labeled
 * examples (token logprobs plus whether the answer was acceptable).
 *
 * @example
 * const { examples } = parseLabeledJsonl(await readFile('labeled.jsonl', 'utf8'));
 * const { calibration } = fitCalibration(examples, { target: { escalationRate: 0.2 } });
 * await writeFile('calibration.json', serializeCalibration(calibration));
 */
export function fitCalibration(
  examples: readonly LabeledExample[],
  options: FitCalibrationOptions = {},
): CalibrationResult {
  const parsed = parseOptions(optionsSchema, options, 'fitCalibration');
  const target = parsed.target ?? { escalationRate: 0.2 };
  const features = parsed.features ?? [...DEFAULT_FEATURES];
  const lowProbabilityFloor = parsed.lowProbabilityFloor ?? DEFAULT_LOW_PROBABILITY_FLOOR;
  const resolved = resolveSignalOptions({ span: parsed.span, lowProbabilityFloor });

  const signals: ConfidenceSignals[] = [];
  const labels: boolean[] = [];
  const scored: number[] = [];
  examples.forEach((example, index) => {
    const computed = computeSignals(example.logprobs, resolved);
    if (!computed) return;
    signals.push(computed);
    labels.push(example.acceptable);
    scored.push(index);
  });
  const positives = labels.filter(Boolean).length;
  if (positives === 0 || positives === labels.length) {
    throw new InvalidRequestError({
      message: `examples: need both acceptable and unacceptable answers to calibrate (got ${positives} acceptable of ${labels.length} scored)`,
      field: 'examples',
    });
  }

  const map = fitMap(signals, labels, features, parsed.l2 ?? 1);
  const scores = signals.map((entry) => applyLogisticMap(map, entry));
  const choice =
    'escalationRate' in target
      ? thresholdForEscalationRate(scores, labels, target.escalationRate)
      : thresholdForQuality(scores, labels, target.quality);

  const folds = parsed.folds ?? 5;
  const heldOut =
    folds >= 2 && labels.length >= folds * 2
      ? crossValidatedAuroc(signals, labels, features, parsed.l2 ?? 1, folds)
      : undefined;
  let systemQuality: number | undefined;
  const cloud = scored.map((index) => examples[index]!.cloudAcceptable);
  if (cloud.every((value) => value !== undefined)) {
    let good = 0;
    for (let index = 0; index < scores.length; index++) {
      good += (scores[index]! < choice.threshold ? cloud[index] : labels[index]) ? 1 : 0;
    }
    systemQuality = good / scores.length;
  }

  const signalAuroc = {} as Record<SignalName, number>;
  for (const name of SIGNAL_NAMES) {
    const sign = name === 'meanEntropy' || name === 'lowProbabilityShare' ? -1 : 1;
    signalAuroc[name] = auroc(
      signals.map((entry) => sign * entry[name]),
      labels,
    );
  }
  const fitAuroc = auroc(scores, labels);
  const calibration: Calibration = {
    version: 1,
    kind: 'switchyard-confidence-calibration',
    features: [...map.features],
    center: [...map.center],
    scale: [...map.scale],
    weights: [...map.weights],
    intercept: map.intercept,
    threshold: choice.threshold,
    target,
    ...(parsed.span ? { span: parsed.span } : {}),
    lowProbabilityFloor,
    fit: {
      examples: labels.length,
      acceptableRate: positives / labels.length,
      escalationRate: choice.escalationRate,
      keptQuality: choice.keptQuality,
      auroc: Number.isNaN(fitAuroc) ? null : fitAuroc,
      ...(heldOut === undefined ? {} : { heldOutAuroc: Number.isNaN(heldOut) ? null : heldOut }),
      ...(systemQuality === undefined ? {} : { systemQuality }),
      targetMet: choice.targetMet,
      createdAt: new Date().toISOString(),
    },
  };
  return { calibration, scores, scored, signalAuroc, choice };
}

/** Standardizes the features and fits the logistic regression. */
export function fitMap(
  signals: readonly ConfidenceSignals[],
  labels: readonly boolean[],
  features: readonly SignalName[],
  l2: number,
): LogisticMap {
  const n = signals.length;
  const center = features.map(
    (name) => signals.reduce((sum, entry) => sum + featureValue(entry, name), 0) / n,
  );
  const scale = features.map((name, index) => {
    const mean = center[index]!;
    const variance = signals.reduce((sum, entry) => sum + (featureValue(entry, name) - mean) ** 2, 0) / n;
    const deviation = Math.sqrt(variance);
    return deviation > 1e-12 ? deviation : 1;
  });
  const rows = signals.map((entry) =>
    features.map((name, index) => (featureValue(entry, name) - center[index]!) / scale[index]!),
  );
  const fit = fitLogisticRegression(
    rows,
    labels.map((label) => (label ? 1 : 0)),
    { l2 },
  );
  return { features: [...features], center, scale, weights: fit.weights, intercept: fit.intercept };
}

/** AUROC of out-of-fold scores: each fold scored by a map fitted on the others. Folds interleave by index. */
function crossValidatedAuroc(
  signals: readonly ConfidenceSignals[],
  labels: readonly boolean[],
  features: readonly SignalName[],
  l2: number,
  folds: number,
): number {
  const scores = new Array<number>(signals.length).fill(0);
  for (let fold = 0; fold < folds; fold++) {
    const trainSignals: ConfidenceSignals[] = [];
    const trainLabels: boolean[] = [];
    for (let index = 0; index < signals.length; index++) {
      if (index % folds === fold) continue;
      trainSignals.push(signals[index]!);
      trainLabels.push(labels[index]!);
    }
    if (trainLabels.every(Boolean) || !trainLabels.some(Boolean)) return Number.NaN;
    const map = fitMap(trainSignals, trainLabels, features, l2);
    for (let index = fold; index < signals.length; index += folds)
      scores[index] = applyLogisticMap(map, signals[index]!);
  }
  return auroc(scores, labels);
}
