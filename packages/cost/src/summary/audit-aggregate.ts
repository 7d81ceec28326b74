import type { AuditRecord, DataClass } from '@switchyard/core';
import type { RequestCost } from '../meter/request-cost';
import { type CostSummary, emptySummary, finishSummary } from './cost-summary';

/** Totals of one group of requests (a workload, a data class, or all). */
export interface GroupStats extends CostSummary {
  /** Requests by data class. */
  dataClasses: Record<DataClass, number>;
  /** Local full-load seconds used (from metered local calls). */
  busySeconds: number;
}

/** Calls to one provider (every attempt that returned usage). */
export interface ProviderStats {
  provider: string;
  kind: 'local' | 'cloud';
  /** Calls that returned usage (answers kept or discarded). */
  calls: number;
  /** Answers returned to callers. */
  served: number;
  inputTokens: number;
  outputTokens: number;
  /** USD of the priced calls. */
  usd: number;
  /** Calls without a price. */
  unpriced: number;
  busySeconds: number;
}

/** Everything `switchyard report` and `switchyard plan` need from an audit log. */
export interface AuditAggregate {
  total: GroupStats;
  byWorkload: Record<string, GroupStats>;
  byDataClass: Record<string, GroupStats>;
  byProvider: Record<string, ProviderStats>;
  /** Earliest and latest record time, ISO. */
  firstTimestamp: string | undefined;
  lastTimestamp: string | undefined;
  /** Days between the first and last record. */
  spanDays: number;
  /** Records without a `cost` field that `price` priced. */
  repriced: number;
}

/** Workload name used for requests without one. */
export const NO_WORKLOAD = '(none)';

/** An all-zero group. */
export function emptyGroup(): GroupStats {
  return { ...emptySummary(), dataClasses: { public: 0, internal: 0, regulated: 0 }, busySeconds: 0 };
}

/** One record's contribution, computed once and added to each of its groups. */
interface Delta {
  failed: number;
  servedLocal: number;
  servedCloud: number;
  escalations: number;
  inputTokens: number;
  outputTokens: number;
  metered: boolean;
  unknownCost: number;
  cloudUsd: number;
  localUsd: number;
  discardedUsd: number;
  allCloudUsd: number;
  savingsUsd: number;
  busySeconds: number;
}

function apply(group: GroupStats, delta: Delta, dataClass: string): void {
  group.requests++;
  group.failed += delta.failed;
  group.servedLocal += delta.servedLocal;
  group.servedCloud += delta.servedCloud;
  group.escalations += delta.escalations;
  group.inputTokens += delta.inputTokens;
  group.outputTokens += delta.outputTokens;
  if (dataClass === 'public' || dataClass === 'internal' || dataClass === 'regulated')
    group.dataClasses[dataClass]++;
  if (!delta.metered) {
    group.unmetered++;
    return;
  }
  group.unknownCost += delta.unknownCost;
  group.cloudUsd += delta.cloudUsd;
  group.localUsd += delta.localUsd;
  group.discardedUsd += delta.discardedUsd;
  group.allCloudUsd += delta.allCloudUsd;
  group.savingsUsd += delta.savingsUsd;
  group.busySeconds += delta.busySeconds;
}

/** Milliseconds of an ISO timestamp; canonical `toISOString()` output compares as text, so skip parsing it. */
function timeOf(timestamp: string): number {
  return Date.parse(timestamp);
}

/**
 * Aggregates audit records one at a time, in constant memory (a few counters per workload, data
 * class and provider). Records without a `cost` field are priced by `price` when given.
 */
export function createAuditAggregator(
  options: { price?: (record: AuditRecord) => RequestCost | undefined } = {},
) {
  const total = emptyGroup();
  const byWorkload = new Map<string, GroupStats>();
  const byDataClass = new Map<string, GroupStats>();
  const byProvider = new Map<string, ProviderStats>();
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  let repriced = 0;

  const group = (map: Map<string, GroupStats>, key: string) => {
    let found = map.get(key);
    if (!found) {
      found = emptyGroup();
      map.set(key, found);
    }
    return found;
  };

  const delta: Delta = {
    failed: 0,
    servedLocal: 0,
    servedCloud: 0,
    escalations: 0,
    inputTokens: 0,
    outputTokens: 0,
    metered: false,
    unknownCost: 0,
    cloudUsd: 0,
    localUsd: 0,
    discardedUsd: 0,
    allCloudUsd: 0,
    savingsUsd: 0,
    busySeconds: 0,
  };
  let firstText = '';
  let lastText = '';

  return {
    add(record: AuditRecord): void {
      let cost = record.cost as RequestCost | undefined;
      if (!cost && options.price) {
        cost = options.price(record);
        if (cost) repriced++;
      }
      const success = record.outcome === 'success';
      delta.failed = success ? 0 : 1;
      delta.servedLocal = success && record.providerKind === 'local' ? 1 : 0;
      delta.servedCloud = success && record.providerKind === 'cloud' ? 1 : 0;
      delta.escalations = record.escalation?.escalated ? 1 : 0;
      delta.inputTokens = record.usage ? record.usage.inputTokens : 0;
      delta.outputTokens = record.usage ? record.usage.outputTokens : 0;
      delta.metered = cost !== undefined && cost !== null;
      delta.unknownCost = delta.metered && cost!.totalUsd === null ? 1 : 0;
      delta.cloudUsd = 0;
      delta.localUsd = 0;
      delta.discardedUsd = 0;
      delta.busySeconds = 0;
      const known =
        delta.metered &&
        cost!.allCloudUsd !== null &&
        cost!.allCloudUsd !== undefined &&
        cost!.savingsUsd !== null;
      delta.allCloudUsd = known ? cost!.allCloudUsd! : 0;
      delta.savingsUsd = known ? cost!.savingsUsd! : 0;

      // One pass over the calls: provider totals and the record's dollars.
      const attemptCosts = delta.metered && Array.isArray(cost!.attempts) ? cost!.attempts : undefined;
      let index = 0;
      for (const attempt of record.attempts) {
        const usage = attempt.usage;
        if (!usage) continue;
        const priced = attemptCosts?.[index++];
        let stats = byProvider.get(attempt.provider);
        if (!stats) {
          stats = {
            provider: attempt.provider,
            kind: attempt.kind,
            calls: 0,
            served: 0,
            inputTokens: 0,
            outputTokens: 0,
            usd: 0,
            unpriced: 0,
            busySeconds: 0,
          };
          byProvider.set(attempt.provider, stats);
        }
        stats.calls++;
        if (success && attempt.outcome === 'success') stats.served++;
        stats.inputTokens += usage.inputTokens;
        stats.outputTokens += usage.outputTokens;
        const usd = priced?.usd;
        if (usd === null || usd === undefined) {
          stats.unpriced++;
          continue;
        }
        stats.usd += usd;
        if (priced!.kind === 'cloud') delta.cloudUsd += usd;
        else delta.localUsd += usd;
        if (priced!.outcome === 'discarded') delta.discardedUsd += usd;
        const busy = priced!.busySeconds;
        if (busy) {
          stats.busySeconds += busy;
          delta.busySeconds += busy;
        }
      }

      apply(total, delta, record.dataClass);
      apply(group(byWorkload, record.workload ?? NO_WORKLOAD), delta, record.dataClass);
      apply(group(byDataClass, record.dataClass), delta, record.dataClass);

      const stamp = record.timestamp;
      if (stamp.length === 24 && stamp.charCodeAt(23) === 90 /* Z */) {
        // Canonical toISOString() output: text order is time order.
        if (firstText === '' || stamp < firstText) firstText = stamp;
        if (lastText === '' || stamp > lastText) lastText = stamp;
      } else {
        const time = timeOf(stamp);
        if (Number.isFinite(time)) {
          if (time < first) first = time;
          if (time > last) last = time;
        }
      }
    },
    result(): AuditAggregate {
      const finish = (map: Map<string, GroupStats>) => {
        const out: Record<string, GroupStats> = {};
        for (const [key, value] of map) out[key] = finishSummary({ ...value }) as GroupStats;
        return out;
      };
      if (firstText !== '') {
        first = Math.min(first, timeOf(firstText));
        last = Math.max(last, timeOf(lastText));
      }
      const hasTime = Number.isFinite(first);
      return {
        total: finishSummary({ ...total }) as GroupStats,
        byWorkload: finish(byWorkload),
        byDataClass: finish(byDataClass),
        byProvider: Object.fromEntries(byProvider),
        firstTimestamp: hasTime ? new Date(first).toISOString() : undefined,
        lastTimestamp: hasTime ? new Date(last).toISOString() : undefined,
        spanDays: hasTime ? (last - first) / 86_400_000 : 0,
        repriced,
      };
    },
  };
}

export type AuditAggregator = ReturnType<typeof createAuditAggregator>;
