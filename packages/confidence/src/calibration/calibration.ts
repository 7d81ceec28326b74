import { z } from 'zod';
import { SIGNAL_NAMES } from '../signals/confidence-signals';
import { type SpanOptions, spanOptionsSchema } from '../signals/span-options';
import { parseOptions } from '../validation/invalid-input';
import type { LogisticMap } from './logistic-map';

/**
 * A fitted confidence calibration, as `switchyard calibrate` writes it and `logprobConfidence({
 * calibration })` loads it: a logistic map from signals to P(acceptable), and the threshold under which
 * an answer escalates.
 */
export interface Calibration extends LogisticMap {
  version: 1;
  kind: 'switchyard-confidence-calibration';
  /** Escalate when the calibrated score is below this. */
  threshold: number;
  /** What the threshold was fitted for. */
  target: { escalationRate: number } | { quality: number };
  /** The span options and low-probability floor the signals were computed with (reused when scoring). */
  span?: SpanOptions;
  lowProbabilityFloor: number;
  /** How the fit went on its examples (informational). */
  fit?: CalibrationFitSummary;
}

/** Figures of a fit, measured on the examples it was fitted on unless named held-out. */
export interface CalibrationFitSummary {
  examples: number;
  /** Share of examples labeled acceptable. */
  acceptableRate: number;
  /** Share of examples under the threshold (would escalate). */
  escalationRate: number;
  /** Share acceptable among the examples kept local. */
  keptQuality: number;
  /**
   * AUROC of the calibrated score on the examples, and out of fold (k-fold cross-validation); null when
   * one class is missing.
   */
  auroc: number | null;
  heldOutAuroc?: number | null;
  /** Overall quality with escalated examples answered by the cloud, when cloud labels were given. */
  systemQuality?: number;
  /** False when no threshold met the quality target (every answer below 1 escalates). */
  targetMet: boolean;
  createdAt: string;
}

const finite = z.number().refine(Number.isFinite, 'must be a finite number');
const positive = finite.refine((value) => value > 0, 'must be greater than 0');
const share = z.number().min(0, 'must be between 0 and 1').max(1, 'must be between 0 and 1');

export const calibrationSchema = z
  .strictObject({
    version: z.literal(1),
    kind: z.literal('switchyard-confidence-calibration'),
    features: z.array(z.enum(SIGNAL_NAMES)).min(1, 'must name at least one signal'),
    center: z.array(finite),
    scale: z.array(positive),
    weights: z.array(finite),
    intercept: finite,
    threshold: share,
    target: z.union([z.strictObject({ escalationRate: share }), z.strictObject({ quality: share })]),
    span: spanOptionsSchema.optional(),
    lowProbabilityFloor: z.number().gt(0, 'must be between 0 and 1').lt(1, 'must be between 0 and 1'),
    fit: z
      .strictObject({
        examples: z.number().int().min(0),
        acceptableRate: share,
        escalationRate: share,
        keptQuality: z.number(),
        auroc: z.number().nullable(),
        heldOutAuroc: z.number().nullable().optional(),
        systemQuality: share.optional(),
        targetMet: z.boolean(),
        createdAt: z.string(),
      })
      .optional(),
  })
  .superRefine((value, context) => {
    for (const field of ['center', 'scale', 'weights'] as const) {
      if (value[field].length !== value.features.length) {
        context.addIssue({
          code: 'custom',
          path: [field],
          message: `must have one entry per feature (${value.features.length}), has ${value[field].length}`,
        });
      }
    }
  });

/**
 * Validates a calibration (a parsed JSON object). Bad input throws `ConfigError` naming the field.
 *
 * @example
 * const calibration = parseCalibration(JSON.parse(await readFile('calibration.json', 'utf8')));
 */
export function parseCalibration(value: unknown, root = 'calibration'): Calibration {
  return parseOptions(calibrationSchema, value, root) as Calibration;
}

/** The calibration as JSON text (what `switchyard calibrate --out` writes). */
export function serializeCalibration(calibration: Calibration): string {
  return `${JSON.stringify(calibration, null, 2)}\n`;
}
