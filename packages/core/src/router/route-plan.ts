import type { Classification } from '../types/classification';
import type { DataClass } from '../types/data-class';
import type { ProviderKind } from '../types/provider';

/** Where a request's data class came from. */
export type DataClassSource = 'caller' | 'classifier' | 'classifier-failed' | 'default' | 'workload-floor';

/** One provider as the planner saw it: kept or removed, and by which rule. */
export interface PlannedCandidate {
  provider: string;
  kind: ProviderKind;
  model: string;
  eligible: boolean;
  /** Position in the attempt order (0 = first) when eligible. */
  rank: number | undefined;
  /** The rule that removed the provider, or the one that placed it where it is. */
  rule: string;
  reason: string;
}

/** A routing decision, before any call is made. `router.explain()` returns this. */
export interface RoutePlan {
  requestId: string;
  dataClass: DataClass;
  dataClassSource: DataClassSource;
  /** The class the caller asked for, when it differs from the one applied. */
  callerDataClass: DataClass | undefined;
  classification: Classification | undefined;
  workload: string | undefined;
  /** Every provider of the router, in attempt order first, then the removed ones. */
  candidates: PlannedCandidate[];
  /** Ids of eligible providers, in the order they will be tried. */
  order: string[];
}
