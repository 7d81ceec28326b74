import type { Classification, Classifier, ChatRequest } from '@switchyard/core';
import type { ClassificationResult } from '../types';
import { requestText } from './request-text';

/** Detector (entity type) → count. Never matched text. */
export function countDetectors(result: ClassificationResult): Record<string, number> {
  const detectors: Record<string, number> = {};
  for (const finding of result.findings) detectors[finding.type] = (detectors[finding.type] ?? 0) + 1;
  if (result.truncated) detectors.truncated_input = 1;
  for (const name of result.degraded ?? []) detectors[`async_failed:${name}`] = 1;
  return detectors;
}

function toClassification(result: ClassificationResult): Classification {
  return {
    ...(result.dataClass === undefined ? {} : { dataClass: result.dataClass }),
    labels: [...result.labels],
    detectors: countDetectors(result),
  };
}

/**
 * Adapts the classifier to core's `Classifier` hook. Classifies all messages together. Bad input
 * throws `InvalidRequestError` (the router then treats the request as regulated); an over-long
 * request is scanned in part and reported `regulated`.
 */
export function createRouterClassifier(input: {
  classify: (text: string, field?: string) => ClassificationResult;
  classifyAsync: ((text: string) => Promise<ClassificationResult>) | undefined;
  maxInputLength: number;
}): Classifier {
  return {
    name: 'switchyard-classify',
    classify(request: ChatRequest): Classification | Promise<Classification> {
      const text = requestText(request);
      if (input.classifyAsync) return input.classifyAsync(text).then(toClassification);
      return toClassification(input.classify(text, 'messages'));
    },
  };
}
