import type { TcoBreakdown } from '../local/compute-tco';
import type { LocalDeploymentInput } from '../local/hardware-presets';
import type { BandThresholds, SpendBand } from './break-even-band';
import type { WorkloadKind } from './workload-kind';

/** One workload's traffic over the observed period. */
export interface WorkloadProfile {
  workload: string;
  requests: number;
  /** Tokens of the answers (input includes cached input). */
  inputTokens: number;
  outputTokens: number;
  /** What the period's answers cost or would have cost from cloud (cloud spend + shadow cost of local answers). */
  cloudEquivalentUsd: number;
  /** What was actually spent on cloud, and the local cost, over the period. */
  cloudUsd: number;
  localUsd: number;
  servedLocal: number;
  servedCloud: number;
  /** Requests by data class. */
  dataClasses: { public: number; internal: number; regulated: number };
  /** Requests escalated from a first answer to a stronger provider. */
  escalations: number;
  /** Task kind; guessed from the name when absent. */
  kind?: WorkloadKind;
}

/** Options of `planRouting()`. */
export interface PlanOptions {
  workloads: WorkloadProfile[];
  /** Days the profiles cover (they are scaled to a year). */
  periodDays: number;
  /** The local hardware to plan for. */
  hardware: LocalDeploymentInput;
  /** Highest utilization to plan a unit for. Default 0.8 (headroom for peaks). */
  maxUtilization?: number;
  /** Force this many units instead of sizing from volume. */
  units?: number;
  /** One-time cost of moving (integration, migration, evaluation), USD. Default 0. */
  setupUsd?: number;
  /** Guide bands. Default $50k / $500k. */
  bands?: BandThresholds;
}

/** Where a workload should run. */
export type Placement = 'local-required' | 'local' | 'hybrid' | 'cloud';

/** The planner's verdict on one workload. */
export interface WorkloadPlan {
  workload: string;
  kind: WorkloadKind;
  requestsPerYear: number;
  tokensPerYear: number;
  /** Annual cost of serving it from cloud alone. */
  annualCloudUsd: number;
  /** Annual marginal local cost at the planned utilization (its share of busy time). */
  annualLocalUsd: number;
  /** `annualCloudUsd - annualLocalUsd`: volume × price gap. */
  annualGapUsd: number;
  escalationRate: number;
  regulatedShare: number;
  /** Each 0–1: cost (gap relative to the largest), compliance (data classes), capability (kind × non-escalation). */
  scores: { cost: number; compliance: number; capability: number };
  placement: Placement;
  /** Share of its requests that would be served locally. */
  localShare: number;
  reason: string;
}

/** A before/after split of traffic and money, per year. */
export interface HybridSplit {
  /** Share of requests served locally. */
  localShareRequests: number;
  cloudUsd: number;
  localUsd: number;
  totalUsd: number;
}

/** The routing plan. */
export interface RoutingPlan {
  periodDays: number;
  hardware: {
    name: string;
    units: number;
    /** Utilization of the units with the planned traffic. */
    utilization: number;
    /** TCO of one unit at that utilization. */
    unitTco: TcoBreakdown;
    annualTcoUsd: number;
    /** Hardware bought up front (units × price). */
    upfrontUsd: number;
  };
  /** Annual API spend if every answer came from cloud, and the guide's band for it. */
  band: { annualApiSpendUsd: number; band: SpendBand; note: string };
  workloads: WorkloadPlan[];
  before: HybridSplit;
  allCloud: HybridSplit;
  after: HybridSplit;
  /** `allCloud.totalUsd - after.totalUsd`. */
  annualSavingsUsd: number;
  /** `annualSavingsUsd / allCloud.totalUsd`. */
  savingsShare: number;
  /** API spend (and tokens) that must move local for the hardware to pay for itself. */
  breakEven: { annualApiSpendUsd: number; annualTokens: number; movedApiSpendUsd: number };
  /** Months until the upfront cost (hardware + setup) is repaid by monthly savings; `null` if never. */
  paybackMonths: number | null;
  /** One-line verdict. */
  summary: string;
}
