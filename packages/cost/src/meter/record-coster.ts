import type { AuditRecord, RoutePlan, Usage } from '@switchyard/core';
import type { PriceEntry } from '../catalog/price-entry';
import { busySeconds } from '../local/compute-tco';
import { priceUsage } from '../pricing/price-usage';
import type { ProviderPricing } from './provider-pricing';
import type { AttemptCost, RequestCost, ShadowCost } from './request-cost';

/** A cloud model a locally served answer is compared with. */
export interface ShadowCandidate {
  model: string;
  /** Only for these workloads. Default: all. */
  workloads?: readonly string[];
}

/** A problem the coster found (becomes a router `warning` event). */
export interface CostWarning {
  code: 'unknown_price' | 'unknown_local_cost';
  message: string;
  detail: Record<string, unknown>;
}

interface ResolvedShadow {
  entry: PriceEntry;
  workloads: ReadonlySet<string> | undefined;
}

// Plan rules that make a cloud provider ineligible for this workload whatever the data: such a
// provider was never an alternative, so it is no shadow either.
const NOT_AN_ALTERNATIVE = new Set(['workload-allow', 'workload-deny', 'context-window', 'class-providers']);

/**
 * Turns an audit record's attempts into a `RequestCost`. Shadow candidates: the ones given, or else
 * the cloud providers of the request's route plan.
 */
export function createRecordCoster(input: {
  pricing: ProviderPricing;
  shadow: readonly ResolvedShadow[] | undefined;
}) {
  const { pricing, shadow } = input;

  const cheapestShadow = (
    usage: Usage,
    workload: string | undefined,
    plan: RoutePlan | undefined,
  ): ShadowCost | undefined => {
    let best: ShadowCost | undefined;
    if (shadow) {
      for (const candidate of shadow) {
        if (candidate.workloads && (workload === undefined || !candidate.workloads.has(workload))) continue;
        const usd = priceUsage(usage, candidate.entry);
        if (best === undefined || usd < best.usd) best = { model: candidate.entry.id, usd };
      }
      return best;
    }
    if (!plan) return undefined;
    for (const candidate of plan.candidates) {
      if (candidate.kind !== 'cloud' || (!candidate.eligible && NOT_AN_ALTERNATIVE.has(candidate.rule)))
        continue;
      const price = pricing.cloudEntry(candidate.provider, candidate.model);
      if (!price) continue;
      const usd = priceUsage(usage, price.entry, price.batch);
      if (best === undefined || usd < best.usd)
        best = { provider: candidate.provider, model: price.entry.id, usd };
    }
    return best;
  };

  return {
    /** Costs a record. `warn` receives one warning per unpriced call. */
    cost(
      record: AuditRecord,
      plan: RoutePlan | undefined,
      warn: (warning: CostWarning) => void,
    ): RequestCost {
      const attempts: AttemptCost[] = [];
      let cloud = 0;
      let local = 0;
      let discarded = 0;
      let cloudKnown = true;
      let localKnown = true;
      let discardedKnown = true;
      let served: AttemptCost | undefined;
      let unknown: string[] | undefined;
      for (const attempt of record.attempts) {
        const usage = attempt.usage;
        if (!usage) continue;
        const pricer = pricing.pricer(attempt.provider, attempt.kind, attempt.model);
        let usd: number | null = null;
        let busy: number | undefined;
        if (pricer.kind === 'cloud') {
          usd = priceUsage(usage, pricer.entry, pricer.batch);
          cloud += usd;
        } else if (pricer.kind === 'local') {
          busy = busySeconds(usage, pricer.deployment);
          usd = busy * pricer.usdPerBusySecond;
          local += usd;
        } else {
          if (attempt.kind === 'cloud') cloudKnown = false;
          else localKnown = false;
          const name = attempt.kind === 'cloud' ? attempt.model : attempt.provider;
          unknown ??= [];
          if (!unknown.includes(name)) unknown.push(name);
          warn({
            code: pricer.code,
            message: pricer.message,
            detail: { provider: attempt.provider, model: attempt.model, kind: attempt.kind },
          });
        }
        if (attempt.outcome === 'discarded') {
          if (usd === null) discardedKnown = false;
          else discarded += usd;
        }
        const entry: AttemptCost = {
          provider: attempt.provider,
          kind: attempt.kind,
          model: attempt.model,
          outcome: attempt.outcome,
          usd,
        };
        if (busy !== undefined) entry.busySeconds = busy;
        attempts.push(entry);
        if (attempt.outcome === 'success') served = entry;
      }
      const cloudUsd = cloudKnown ? cloud : null;
      const localUsd = localKnown ? local : null;
      const totalUsd = cloudUsd === null || localUsd === null ? null : cloudUsd + localUsd;
      let shadowCost: ShadowCost | undefined;
      let allCloudUsd: number | null = null;
      if (record.outcome === 'success' && served) {
        if (served.kind === 'cloud') allCloudUsd = served.usd;
        else if (record.usage) {
          shadowCost = cheapestShadow(record.usage, record.workload, plan);
          allCloudUsd = shadowCost?.usd ?? null;
        }
      }
      const cost: RequestCost = {
        totalUsd,
        cloudUsd,
        localUsd,
        discardedUsd: discardedKnown ? discarded : null,
        attempts,
        allCloudUsd,
        savingsUsd: allCloudUsd === null || totalUsd === null ? null : allCloudUsd - totalUsd,
      };
      if (shadowCost) cost.shadow = shadowCost;
      if (unknown) cost.unknown = unknown;
      return cost;
    },
  };
}

export type RecordCoster = ReturnType<typeof createRecordCoster>;
