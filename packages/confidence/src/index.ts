export {
  fromOpenAILogprobs,
  type OpenAILogprobs,
  type OpenAITokenLogprob,
} from './logprobs/from-openai-logprobs';
export { fromLlamaCppProbabilities, type LlamaCppProbability } from './logprobs/from-llamacpp-probabilities';

export {
  type ConfidenceSignals,
  computeSignals,
  DEFAULT_LOW_PROBABILITY_FLOOR,
  type ResolvedSignalOptions,
  resolveSignalOptions,
  SIGNAL_NAMES,
  type SignalName,
  type SignalOptions,
} from './signals/confidence-signals';
export { type SpanOptions, DEFAULT_REASONING } from './signals/span-options';
export { isFormattingToken } from './signals/is-formatting-token';
export { SCORE_METHODS, type ScoreMethod, scoreSignals } from './signals/score-signals';
export {
  type ConfidenceAssessment,
  type ConfidenceScorerOptions,
  createConfidenceScorer,
} from './signals/confidence-scorer';

export {
  type Calibration,
  type CalibrationFitSummary,
  parseCalibration,
  serializeCalibration,
} from './calibration/calibration';
export { readCalibrationFile } from './calibration/read-calibration-file';
export {
  type CalibrationResult,
  DEFAULT_FEATURES,
  type FitCalibrationOptions,
  fitCalibration,
} from './calibration/fit-calibration';
export { type LabeledExample, parseLabeledExample, parseLabeledJsonl } from './calibration/labeled-examples';
export { applyLogisticMap, type LogisticMap, sigmoid } from './calibration/logistic-map';
export {
  type ThresholdChoice,
  thresholdForEscalationRate,
  thresholdForQuality,
} from './calibration/choose-threshold';

export { auroc } from './metrics/auroc';
export { type CurvePoint, qualityAt, qualityCurve, shareToReach } from './metrics/quality-curve';
export { type RouterMetrics, routerMetrics } from './metrics/routellm-metrics';

export { type LogprobConfidenceOptions, logprobConfidence } from './plugin/logprob-confidence';
export {
  COMPLEXITY_WEIGHTS,
  type ComplexityFeatures,
  type ComplexityResult,
  type ComplexityScope,
  complexityScore,
  requestComplexity,
} from './prerouter/complexity-score';
export { type ComplexityRouterOptions, complexityRouter } from './prerouter/complexity-router';

export {
  generateSyntheticLogprobs,
  seededRandom,
  type SyntheticOptions,
  type SyntheticRow,
} from './synthetic/synthetic-logprobs';
