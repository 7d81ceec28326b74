import { z } from 'zod';
import type { PriceCatalog } from '../catalog/price-catalog';
import { type BudgetRule, budgetRuleSchema } from '../budgets/budget-rule';
import type { BudgetStore } from '../budgets/budget-store';
import type { LocalDeploymentInput } from '../local/hardware-presets';
import type { ProviderPrice } from './provider-pricing';
import type { ShadowCandidate } from './record-coster';

/** Options of `createCostMeter()`. Every field is optional. */
export interface CostMeterOptions {
  /** Cloud prices. Default: the built-in dated catalog (`createPriceCatalog()`). */
  catalog?: PriceCatalog;
  /**
   * Cloud provider id → the catalog model it bills as (or `{ model, batch: true }` for a provider
   * sending through a batch API). Providers left out are priced by the model their adapter reports,
   * dated snapshots and aliases resolved.
   */
  prices?: Record<string, string | ProviderPrice>;
  /**
   * Local provider id → its deployment: a preset name, `{ preset, ...overrides }`, or every field.
   * The key `'*'` prices every local provider not listed.
   */
  deployments?: Record<string, LocalDeploymentInput>;
  /**
   * Which cloud models a locally served answer is compared with (the cheapest eligible one is its
   * shadow cost). Default: the cloud providers in the request's route plan. `false`: no shadow costs.
   */
  shadow?: false | { candidates: (string | ShadowCandidate)[] };
  /** Spending limits; see `BudgetRule`. */
  budgets?: BudgetRule[];
  /** Where budget counters live. Default: in memory (one process). */
  store?: BudgetStore;
  /** Output tokens a budget reservation assumes when a request sets no `maxOutputTokens`. Default 1,024. */
  estimateOutputTokens?: number;
  /** Clock (epoch ms) for budget windows and utilization. Default `Date.now`. */
  now?: () => number;
}

const isObject = (value: unknown) => typeof value === 'object' && value !== null;

/** Schema of `CostMeterOptions` (deployments are checked by `resolveLocalDeployment`). */
export const costMeterOptionsSchema = z.strictObject({
  catalog: z
    .custom<PriceCatalog>(
      (value) => isObject(value) && typeof (value as PriceCatalog).resolve === 'function',
      'must be a catalog from createPriceCatalog()',
    )
    .optional(),
  prices: z
    .record(
      z.string().min(1),
      z.union([
        z.string().min(1, 'must name a model'),
        z.strictObject({ model: z.string().min(1, 'must name a model'), batch: z.boolean().optional() }),
      ]),
    )
    .optional(),
  deployments: z.record(z.string().min(1), z.unknown()).optional(),
  shadow: z
    .union([
      z.literal(false),
      z.strictObject({
        candidates: z
          .array(
            z.union([
              z.string().min(1, 'must name a model'),
              z.strictObject({
                model: z.string().min(1, 'must name a model'),
                workloads: z.array(z.string().min(1)).optional(),
              }),
            ]),
          )
          .min(1, 'must list at least one model'),
      }),
    ])
    .optional(),
  budgets: z.array(budgetRuleSchema).optional(),
  store: z
    .custom<BudgetStore>(
      (value) =>
        isObject(value) &&
        typeof (value as BudgetStore).reserve === 'function' &&
        typeof (value as BudgetStore).settle === 'function' &&
        typeof (value as BudgetStore).read === 'function',
      'must be a budget store (createMemoryBudgetStore() or createRedisBudgetStore())',
    )
    .optional(),
  estimateOutputTokens: z.number().int('must be an integer').positive('must be greater than 0').optional(),
  now: z.custom<() => number>((value) => typeof value === 'function', 'must be a function').optional(),
});

export type { BudgetRule };
