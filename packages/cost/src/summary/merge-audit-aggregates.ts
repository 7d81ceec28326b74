import type { DataClass } from '@switchyard/core';
import { type AuditAggregate, type GroupStats, type ProviderStats, emptyGroup } from './audit-aggregate';
import { finishSummary } from './cost-summary';

function addGroup(into: GroupStats, from: GroupStats): void {
  for (const key of Object.keys(from) as (keyof GroupStats)[]) {
    if (key === 'dataClasses') {
      for (const dataClass of Object.keys(from.dataClasses) as DataClass[]) {
        into.dataClasses[dataClass] = (into.dataClasses[dataClass] ?? 0) + from.dataClasses[dataClass];
      }
    } else if (typeof from[key] === 'number') {
      (into as unknown as Record<string, number>)[key] = ((into[key] as number) ?? 0) + (from[key] as number);
    }
  }
}

/**
 * Combines aggregates of disjoint parts of a log (for example byte ranges of one file read in
 * parallel) into the aggregate of the whole.
 */
export function mergeAuditAggregates(parts: readonly AuditAggregate[]): AuditAggregate {
  const total = emptyGroup();
  const byWorkload: Record<string, GroupStats> = {};
  const byDataClass: Record<string, GroupStats> = {};
  const byProvider: Record<string, ProviderStats> = {};
  let first: string | undefined;
  let last: string | undefined;
  let repriced = 0;
  const into = (target: Record<string, GroupStats>, source: Record<string, GroupStats>) => {
    for (const [key, group] of Object.entries(source)) {
      target[key] ??= emptyGroup();
      addGroup(target[key], group);
    }
  };
  for (const part of parts) {
    addGroup(total, part.total);
    into(byWorkload, part.byWorkload);
    into(byDataClass, part.byDataClass);
    for (const [key, stats] of Object.entries(part.byProvider)) {
      const target = byProvider[key];
      if (!target) {
        byProvider[key] = { ...stats };
        continue;
      }
      target.calls += stats.calls;
      target.served += stats.served;
      target.inputTokens += stats.inputTokens;
      target.outputTokens += stats.outputTokens;
      target.usd += stats.usd;
      target.unpriced += stats.unpriced;
      target.busySeconds += stats.busySeconds;
    }
    if (part.firstTimestamp && (!first || Date.parse(part.firstTimestamp) < Date.parse(first)))
      first = part.firstTimestamp;
    if (part.lastTimestamp && (!last || Date.parse(part.lastTimestamp) > Date.parse(last)))
      last = part.lastTimestamp;
    repriced += part.repriced;
  }
  const finish = (groups: Record<string, GroupStats>) => {
    for (const group of Object.values(groups)) finishSummary(group);
    return groups;
  };
  return {
    total: finishSummary(total) as GroupStats,
    byWorkload: finish(byWorkload),
    byDataClass: finish(byDataClass),
    byProvider,
    firstTimestamp: first,
    lastTimestamp: last,
    spanDays: first && last ? (Date.parse(last) - Date.parse(first)) / 86_400_000 : 0,
    repriced,
  };
}
