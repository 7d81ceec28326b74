export { createClassifier, type SensitivityClassifier } from './create-classifier';
export type {
  AsyncFinding,
  AsyncRecognizer,
  ClassifierOptions,
  CustomDictionary,
  CustomRecognizer,
} from './options/classifier-options';
export type { ClassifyAsyncOptions } from './engine/classify-async';
export type { ClassifyStats } from './engine/classify-text';
export { type ClassificationResult, type Finding, LABELS, type Label, type Reason } from './types';
export type { RedactOptions, RedactResult } from './redact/redact';
export { createPseudonymVault, type PseudonymVault } from './redact/pseudonym-vault';
export { requestText } from './router/request-text';
export type { RedactForCloudOptions } from './router/redact-for-cloud';
export * as validators from './validators/index';
