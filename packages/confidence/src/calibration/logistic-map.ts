import type { ConfidenceSignals, SignalName } from '../signals/confidence-signals';
import { featureValue } from './features';

/** A logistic map from signals to P(acceptable): σ(intercept + Σ weight·(feature − center)/scale). */
export interface LogisticMap {
  features: readonly SignalName[];
  center: readonly number[];
  scale: readonly number[];
  weights: readonly number[];
  intercept: number;
}

/** The logistic function, safe for large |z|. */
export function sigmoid(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

/** The calibrated score in [0, 1]: the map's estimate that the answer is acceptable. */
export function applyLogisticMap(map: LogisticMap, signals: ConfidenceSignals): number {
  let z = map.intercept;
  for (let index = 0; index < map.features.length; index++) {
    z +=
      (map.weights[index]! * (featureValue(signals, map.features[index]!) - map.center[index]!)) /
      map.scale[index]!;
  }
  return sigmoid(z);
}
