/**
 * How sensitive a request's data is, lowest to highest.
 * - `public`: may go anywhere; cloud preferred.
 * - `internal`: local while local has capacity, overflows to cloud when it does not.
 * - `regulated`: PHI, NPI, privileged, trade secrets, credentials. Local providers only, fail closed.
 */
export type DataClass = 'public' | 'internal' | 'regulated';

/** All data classes, lowest to highest sensitivity. */
export const DATA_CLASSES: readonly DataClass[] = Object.freeze(['public', 'internal', 'regulated']);

const RANK: Record<DataClass, number> = { public: 0, internal: 1, regulated: 2 };

/** Sensitivity rank of a data class: public 0, internal 1, regulated 2. */
export function dataClassRank(dataClass: DataClass): number {
  return RANK[dataClass];
}

/** The more sensitive of two data classes. */
export function maxDataClass(a: DataClass, b: DataClass): DataClass {
  return RANK[a] >= RANK[b] ? a : b;
}

/** Type guard for a data class string. */
export function isDataClass(value: unknown): value is DataClass {
  return value === 'public' || value === 'internal' || value === 'regulated';
}
