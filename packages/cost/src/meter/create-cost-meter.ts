import { ConfigError, type AuditRecord, type PluginContext, type RouterPlugin } from '@switchyard/core';
import { createBudgetGuard } from '../budgets/budget-guard';
import type { BudgetRule } from '../budgets/budget-rule';
import { createMemoryBudgetStore } from '../budgets/memory-budget-store';
import { createPriceCatalog } from '../catalog/price-catalog';
import type { PriceCatalog } from '../catalog/price-catalog';
import { computeTco } from '../local/compute-tco';
import { resolveLocalDeployment } from '../local/hardware-presets';
import type { LocalDeployment } from '../local/local-deployment';
import { type CostSummary, addRecord, emptySummary, finishSummary } from '../summary/cost-summary';
import { parseOptions } from '../validation/parse-options';
import { type CostMeterOptions, costMeterOptionsSchema } from './cost-meter-options';
import { type ProviderPrice, createProviderPricing } from './provider-pricing';
import { createRecordCoster } from './record-coster';
import type { RequestCost } from './request-cost';

/** How busy a local deployment has been since the meter started, and what that does to its token price. */
export interface LocalUtilization {
  provider: string;
  deployment: string;
  /** Seconds of full-load time the served tokens needed. */
  busySeconds: number;
  /** Seconds since the meter started (or was reset). */
  elapsedSeconds: number;
  /** `busySeconds / elapsedSeconds`, capped at 1. */
  observedUtilization: number;
  /** Effective cost per million output tokens at the observed utilization: an idle GPU is expensive. */
  usdPerMTokObserved: number;
  /** The same at the deployment's planned `utilization`. */
  usdPerMTokPlanned: number;
}

/** The meter's running totals. */
export interface CostMeterTotals extends CostSummary {
  /** ISO time the totals started. */
  since: string;
  local: LocalUtilization[];
}

/** The cost meter: a router plugin plus running totals. */
export interface CostMeter extends RouterPlugin {
  readonly name: 'cost';
  readonly catalog: PriceCatalog;
  /** Totals since the meter was created or reset: cloud spend, local cost, savings versus all-cloud. */
  totals(): CostMeterTotals;
  /** Clears the totals (budgets are untouched). */
  reset(): void;
  /** Prices a record the way `onAudit` does (without a route plan: shadow only from `shadow.candidates`). */
  costOf(record: AuditRecord): RequestCost;
}

/**
 * Creates the cost meter, a `RouterPlugin` that writes `record.cost` into every audit record (cloud
 * and local cost of every call, escalations' discarded answers included; the shadow cloud cost of
 * local answers; savings), emits `warning` events for unknown prices (cost `null`, never 0), and
 * enforces budgets when given.
 *
 * @example
 * const meter = createCostMeter({
 *   deployments: { 'local-qwen': { preset: 'mac-studio-m3-ultra-256gb', utilization: 0.4 } },
 *   budgets: [{ name: 'daily-cloud', window: 'day', limitUsd: 50, softLimitUsd: 40 }],
 * });
 * const router = createRouter({ providers, plugins: [meter], audit });
 * // ... later
 * console.log(formatCostSummary(meter.totals()));
 */
export function createCostMeter(options: CostMeterOptions = {}): CostMeter {
  const parsed = parseOptions(costMeterOptionsSchema, options, 'createCostMeter');
  const catalog = parsed.catalog ?? createPriceCatalog();
  const now = parsed.now ?? Date.now;

  const prices: Record<string, ProviderPrice> = {};
  for (const [providerId, value] of Object.entries(parsed.prices ?? {})) {
    prices[providerId] = typeof value === 'string' ? { model: value } : value;
  }
  const deployments: Record<string, LocalDeployment> = {};
  for (const [providerId, value] of Object.entries(parsed.deployments ?? {})) {
    deployments[providerId] = resolveLocalDeployment(
      value as Parameters<typeof resolveLocalDeployment>[0],
      `deployments.${providerId}`,
      'createCostMeter',
    );
  }
  const pricing = createProviderPricing({ catalog, prices, deployments });

  let shadow:
    | {
        entry: NonNullable<ReturnType<PriceCatalog['resolve']>>;
        workloads: ReadonlySet<string> | undefined;
      }[]
    | undefined;
  if (parsed.shadow === false) shadow = [];
  else if (parsed.shadow) {
    shadow = parsed.shadow.candidates.map((candidate, index) => {
      const model = typeof candidate === 'string' ? candidate : candidate.model;
      const entry = catalog.resolve(model);
      if (!entry) {
        throw new ConfigError({
          message: `createCostMeter: shadow.candidates[${index}]: no price for model '${model}' in the catalog`,
          field: `shadow.candidates[${index}]`,
        });
      }
      const workloads =
        typeof candidate === 'string' || !candidate.workloads ? undefined : new Set(candidate.workloads);
      return { entry, workloads };
    });
  }
  const coster = createRecordCoster({ pricing, shadow });

  const rules = (parsed.budgets ?? []) as BudgetRule[];
  const names = new Set<string>();
  rules.forEach((rule, index) => {
    if (names.has(rule.name)) {
      throw new ConfigError({
        message: `createCostMeter: budgets[${index}].name: '${rule.name}' is used by another budget`,
        field: `budgets[${index}].name`,
      });
    }
    names.add(rule.name);
  });
  const guard =
    rules.length === 0
      ? undefined
      : createBudgetGuard({
          rules,
          store: parsed.store ?? createMemoryBudgetStore({ now }),
          price: (attempt) => pricing.cloudEntry(attempt.provider.id, attempt.provider.model),
          estimateOutputTokens: parsed.estimateOutputTokens ?? 1_024,
          now,
        });

  let totals = emptySummary();
  let since = now();
  let busy = new Map<string, number>();

  const meter: CostMeter = {
    name: 'cost',
    catalog,
    onAudit(record: AuditRecord, context: PluginContext) {
      const cost = coster.cost(record, context.plan, (warning) =>
        context.emit('warning', {
          requestId: context.requestId,
          code: warning.code,
          message: warning.message,
          detail: warning.detail,
        }),
      );
      if (guard) {
        const budget = guard.finish(context);
        if (budget) cost.budget = budget;
      }
      record.cost = cost;
      addRecord(totals, record, cost);
      for (const attempt of cost.attempts) {
        if (attempt.busySeconds !== undefined) {
          busy.set(attempt.provider, (busy.get(attempt.provider) ?? 0) + attempt.busySeconds);
        }
      }
    },
    totals() {
      const elapsedSeconds = Math.max((now() - since) / 1_000, 1e-9);
      const local: LocalUtilization[] = [];
      const providers = new Set([...Object.keys(deployments).filter((key) => key !== '*'), ...busy.keys()]);
      for (const provider of providers) {
        const deployment = deployments[provider] ?? deployments['*'];
        if (!deployment) continue;
        const busySeconds = busy.get(provider) ?? 0;
        const observed = Math.min(1, busySeconds / elapsedSeconds);
        local.push({
          provider,
          deployment: deployment.name,
          busySeconds,
          elapsedSeconds,
          observedUtilization: observed,
          usdPerMTokObserved:
            observed > 0
              ? computeTco(deployment, { utilization: observed }).usdPerMTok
              : Number.POSITIVE_INFINITY,
          usdPerMTokPlanned: computeTco(deployment).usdPerMTok,
        });
      }
      return { ...finishSummary({ ...totals }), since: new Date(since).toISOString(), local };
    },
    reset() {
      totals = emptySummary();
      busy = new Map();
      since = now();
    },
    costOf(record) {
      return coster.cost(record, undefined, () => {});
    },
  };
  if (guard) {
    meter.route = guard.route;
    meter.beforeAttempt = guard.beforeAttempt;
    meter.afterAttempt = guard.afterAttempt;
  }
  return meter;
}
