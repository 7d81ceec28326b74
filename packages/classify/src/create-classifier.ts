import type { Classifier, DataClass, RouterPlugin } from '@switchyard/core';
import { buildDictionary } from './engine/build-dictionary';
import { type ClassifyStats, classifyText } from './engine/classify-text';
import type { FinalizeSettings } from './engine/finalize';
import { type ClassifierOptions, resolveOptions } from './options/classifier-options';
import { type ClassifyAsyncOptions, runAsyncRecognizers } from './engine/classify-async';
import { type RedactOptions, type RedactResult, redactText } from './redact/redact';
import { createRedactForCloudPlugin, type RedactForCloudOptions } from './router/redact-for-cloud';
import { createRouterClassifier } from './router/router-classifier';
import type { ClassificationResult, Label } from './types';

const DEFAULT_MAPPING: Record<Label, DataClass> = {
  phi: 'regulated',
  npi: 'regulated',
  privileged: 'regulated',
  trade_secret: 'regulated',
  credentials: 'regulated',
  pii: 'internal',
};

/** The object `createClassifier()` returns. */
export interface SensitivityClassifier {
  /**
   * Classifies one text, synchronously. Throws `InvalidRequestError` for a non-string (or, with
   * `oversize: 'error'`, an over-long string).
   */
  classify(text: string): ClassificationResult;
  /** `classify` plus the async (model-backed) recognizers, within `asyncTimeoutMs`. */
  classifyAsync(text: string, options?: ClassifyAsyncOptions): Promise<ClassificationResult>;
  /** Masks, type-tokens or pseudonymizes findings (by default only `pii`; regulated labels need `allowRegulated`). */
  redact(text: string, options?: RedactOptions): RedactResult;
  /** The router's classification hook: classifies every message of a request. */
  forRouter(): Classifier;
  /**
   * A router plugin that redacts PII from requests bound for cloud providers (pseudonyms by default,
   * re-identified in the answer). Never applies to regulated requests, which stay local.
   */
  redactForCloud(options?: RedactForCloudOptions): RouterPlugin;
  /** Internal counters of the last `classify` call (for tests and benchmarks). */
  readonly lastStats: ClassifyStats;
}

/**
 * Creates Switchyard's in-process data-sensitivity classifier. Detection runs in one linear pass
 * (normalization, a keyword automaton, digit and token candidates), then validators and context.
 *
 * @example
 * const classifier = createClassifier({ org: { codenames: ['Project Nightjar'], clients: [], internalDomains: [] } });
 * classifier.classify('Patient Jane Roe, DOB 01/02/1960, started metformin 500 mg.');
 * // → { labels: ['phi', 'pii'], dataClass: 'regulated', findings: [...], truncated: false }
 * const router = createRouter({ providers, classifier: classifier.forRouter() });
 */
export function createClassifier(options?: ClassifierOptions): SensitivityClassifier {
  const resolved = resolveOptions(options);
  const compiled = buildDictionary(resolved);
  const settings: FinalizeSettings = {
    threshold: resolved.threshold,
    labelThresholds: resolved.labelThresholds ?? {},
    mapping: { ...DEFAULT_MAPPING, ...(resolved.dataClassMapping ?? {}) },
    disabledTypes: new Set(resolved.disabledTypes),
  };
  const lastStats: ClassifyStats = { scanned: 0, hits: 0, work: 0, candidates: 0 };
  const classify = (text: string, field = 'text'): ClassificationResult =>
    classifyText(text, compiled, resolved, settings, field, lastStats);
  const classifyAsync = async (text: string, asyncOptions?: ClassifyAsyncOptions) => {
    const result = classify(text);
    if (resolved.asyncRecognizers.length === 0) return result;
    return runAsyncRecognizers(text, result, resolved, settings, asyncOptions);
  };
  const classifier: SensitivityClassifier = {
    classify: (text) => classify(text),
    classifyAsync,
    redact: (text, redactOptions) => redactText(text, classify(text), redactOptions),
    redactForCloud: (pluginOptions) =>
      createRedactForCloudPlugin(
        (text, redactOptions) => redactText(text, classify(text), redactOptions),
        pluginOptions,
      ),
    forRouter: () =>
      createRouterClassifier({
        classify,
        classifyAsync: resolved.asyncRecognizers.length > 0 ? classifyAsync : undefined,
        maxInputLength: resolved.maxInputLength,
      }),
    lastStats,
  };
  return classifier;
}
