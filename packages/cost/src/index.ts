export { createPriceCatalog, type PriceCatalog, type PriceCatalogOptions } from './catalog/price-catalog';
export { defaultPriceEntries } from './catalog/default-prices';
export { loadPriceCatalog, parsePriceCatalog } from './catalog/load-price-catalog';
export { modelIdCandidates } from './catalog/model-id-candidates';
export {
  type PriceEntry,
  type PriceEntryInput,
  priceCatalogFileSchema,
  priceEntrySchema,
} from './catalog/price-entry';
export { priceUsage, priceUsageBreakdown, type UsageCost } from './pricing/price-usage';

export { type LocalDeployment, localDeploymentSchema } from './local/local-deployment';
export {
  HARDWARE_PRESET_NAMES,
  HARDWARE_PRESETS,
  type HardwarePresetName,
  isHardwarePreset,
  type LocalDeploymentInput,
  resolveLocalDeployment,
} from './local/hardware-presets';
export {
  busySeconds,
  computeTco,
  HOURS_PER_YEAR,
  type TcoBreakdown,
  usdPerBusySecond,
} from './local/compute-tco';

export {
  type CostMeter,
  type CostMeterTotals,
  createCostMeter,
  type LocalUtilization,
} from './meter/create-cost-meter';
export type { CostMeterOptions } from './meter/cost-meter-options';
export type { ProviderPrice } from './meter/provider-pricing';
export type { CostWarning, ShadowCandidate } from './meter/record-coster';
export type { AttemptCost, BudgetAudit, RequestCost, ShadowCost } from './meter/request-cost';

export {
  type CostAccumulator,
  type CostSummary,
  createCostAccumulator,
  formatCostSummary,
  formatUsd,
  summarizeCosts,
} from './summary/cost-summary';
export {
  type AuditAggregate,
  type AuditAggregator,
  createAuditAggregator,
  type GroupStats,
  NO_WORKLOAD,
  type ProviderStats,
} from './summary/audit-aggregate';
export { mergeAuditAggregates } from './summary/merge-audit-aggregates';

export type { BudgetPolicy, BudgetRule } from './budgets/budget-rule';
export type {
  BudgetCounter,
  BudgetKey,
  BudgetStore,
  ReserveResult,
  SettleResult,
} from './budgets/budget-store';
export { createMemoryBudgetStore } from './budgets/memory-budget-store';
export {
  createRedisBudgetStore,
  type RedisBudgetStoreOptions,
  type RedisScriptClient,
} from './budgets/redis-budget-store';

export {
  type BandThresholds,
  describeBand,
  GUIDE_BANDS,
  type SpendBand,
  spendBand,
} from './planner/break-even-band';
export { guessWorkloadKind, KIND_FACTOR, type WorkloadKind } from './planner/workload-kind';
export {
  type HybridSplit,
  type Placement,
  type PlanOptions,
  planRouting,
  type RoutingPlan,
  type WorkloadPlan,
  type WorkloadProfile,
} from './planner/plan-routing';
export { planFromSpend, type SpendPlanOptions } from './planner/plan-from-spend';
export { profilesFromAggregate } from './planner/profiles-from-aggregate';
