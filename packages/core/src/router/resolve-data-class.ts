import type { Classification, Classifier, RequestContext } from '../types/classification';
import { type DataClass, dataClassRank, isDataClass, maxDataClass } from '../types/data-class';
import type { ChatRequest } from '../types/chat-request';
import type { RouterPlugin } from './plugin';
import type { DataClassSource } from './route-plan';
import { isPromise } from './engine';

export interface DataClassDecision {
  dataClass: DataClass;
  source: DataClassSource;
  callerDataClass: DataClass | undefined;
  classification: Classification | undefined;
  /** Set when a classifier threw, timed out or returned garbage (the request then counts as regulated). */
  classifierFailure: string | undefined;
}

function isClassification(value: unknown): value is Classification {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Classification;
  return (
    (candidate.dataClass === undefined || isDataClass(candidate.dataClass)) &&
    Array.isArray(candidate.labels) &&
    typeof candidate.detectors === 'object' &&
    candidate.detectors !== null
  );
}

function withTimeout<T>(value: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`classifier took longer than ${ms} ms`)), ms);
    value.then(
      (result) => {
        clearTimeout(timer);
        resolve(result);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}

function merge(into: Classification | undefined, next: Classification): Classification {
  if (!into) return { dataClass: next.dataClass, labels: [...next.labels], detectors: { ...next.detectors } };
  if (next.dataClass)
    into.dataClass = into.dataClass ? maxDataClass(into.dataClass, next.dataClass) : next.dataClass;
  for (const label of next.labels) if (!into.labels.includes(label)) into.labels.push(label);
  for (const [detector, count] of Object.entries(next.detectors)) {
    into.detectors[detector] = (into.detectors[detector] ?? 0) + count;
  }
  return into;
}

/**
 * Decides a request's data class: the caller's class, the classifier's, a workload floor and the
 * default, with a failed classifier counting as `regulated` (fail closed).
 */
export function resolveDataClass(input: ResolveInput): Promise<DataClassDecision> | DataClassDecision {
  if (!input.classifier && input.plugins.length === 0) return decide(input, undefined, undefined);
  return classifyThenDecide(input);
}

interface ResolveInput {
  request: ChatRequest;
  context: RequestContext;
  classifier: Classifier | undefined;
  plugins: readonly RouterPlugin[];
  timeoutMs: number;
  defaultDataClass: DataClass;
  callerMayLower: boolean;
  workloadFloor: DataClass | undefined;
}

async function classifyThenDecide(input: ResolveInput): Promise<DataClassDecision> {
  const { request, context } = input;
  const caller = context.dataClass;
  let classification: Classification | undefined;
  let failure: string | undefined;

  // A caller's `regulated` is already the highest class: classifying cannot change the route.
  if (caller !== 'regulated') {
    const classifiers: Array<{ name: string; optional: boolean; run: () => unknown }> = [];
    if (input.classifier) {
      const classifier = input.classifier;
      classifiers.push({
        name: classifier.name ?? 'classifier',
        optional: false,
        run: () => classifier.classify(request, context),
      });
    }
    for (const plugin of input.plugins) {
      classifiers.push({ name: plugin.name, optional: true, run: () => plugin.classify?.(request, context) });
    }
    for (const { name, optional, run } of classifiers) {
      let result: unknown;
      try {
        result = run();
        if (isPromise(result)) result = await withTimeout(result, input.timeoutMs);
      } catch (error) {
        failure = `${name}: ${error instanceof Error ? error.message : String(error)}`;
        break;
      }
      if (result === undefined && optional) continue;
      if (!isClassification(result)) {
        failure = `${name}: returned ${result === null ? 'null' : typeof result}, not a classification`;
        break;
      }
      classification = merge(classification, result);
    }
  }

  return decide(input, classification, failure);
}

function decide(
  input: ResolveInput,
  classification: Classification | undefined,
  failure: string | undefined,
): DataClassDecision {
  const caller = input.context.dataClass;
  if (failure !== undefined) {
    return {
      dataClass: 'regulated',
      source: 'classifier-failed',
      callerDataClass: caller,
      classification,
      classifierFailure: failure,
    };
  }

  let dataClass: DataClass;
  let source: DataClassSource;
  const found = classification?.dataClass;
  if (caller !== undefined) {
    if (found !== undefined && dataClassRank(caller) < dataClassRank(found) && !input.callerMayLower) {
      dataClass = found;
      source = 'classifier';
    } else {
      dataClass = caller;
      source = 'caller';
    }
  } else if (found !== undefined) {
    dataClass = found;
    source = 'classifier';
  } else {
    dataClass = input.defaultDataClass;
    source = 'default';
  }
  if (input.workloadFloor && dataClassRank(input.workloadFloor) > dataClassRank(dataClass)) {
    dataClass = input.workloadFloor;
    source = 'workload-floor';
  }
  return { dataClass, source, callerDataClass: caller, classification, classifierFailure: undefined };
}
