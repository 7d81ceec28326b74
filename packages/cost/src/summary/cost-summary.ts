import type { AuditRecord } from '@switchyard/core';
import type { RequestCost } from '../meter/request-cost';

/** Totals over many requests: what was spent where, and what all-cloud would have cost. */
export interface CostSummary {
  requests: number;
  /** Requests that ended with an error. */
  failed: number;
  servedLocal: number;
  servedCloud: number;
  /** Share of answered requests served locally (0–1). */
  localShare: number;
  /** Money billed by cloud providers, USD. */
  cloudUsd: number;
  /** Amortized local cost of the busy time, USD. */
  localUsd: number;
  totalUsd: number;
  /** Paid for answers an escalation replaced, USD. */
  discardedUsd: number;
  /** What the same answers would have cost from cloud alone (requests where it is known), USD. */
  allCloudUsd: number;
  /** `allCloudUsd - totalUsd` over the same requests, USD. */
  savingsUsd: number;
  /** `savingsUsd / allCloudUsd` (0–1; negative when hybrid cost more). */
  savingsShare: number;
  /** Requests escalated from one provider to another. */
  escalations: number;
  /** Requests with an unknown price (excluded from the dollar totals they could not be priced for). */
  unknownCost: number;
  /** Requests with no `cost` field (no meter ran). */
  unmetered: number;
  inputTokens: number;
  outputTokens: number;
}

/** Adds audit records one at a time (constant memory) and reports `CostSummary` totals. */
export interface CostAccumulator {
  add(record: AuditRecord): void;
  result(): CostSummary;
}

/** A running `CostSummary` you feed records to, one at a time. */
export function createCostAccumulator(): CostAccumulator {
  const totals = emptySummary();
  return {
    add(record) {
      addRecord(totals, record);
    },
    result() {
      return finishSummary({ ...totals });
    },
  };
}

/**
 * Totals of metered audit records: cloud spend, local cost, and savings versus all-cloud.
 *
 * @example
 * const summary = summarizeCosts(auditSink.records);
 * console.log(formatCostSummary(summary));
 */
export function summarizeCosts(records: Iterable<AuditRecord>): CostSummary {
  const accumulator = createCostAccumulator();
  for (const record of records) accumulator.add(record);
  return accumulator.result();
}

/** An all-zero summary. */
export function emptySummary(): CostSummary {
  return {
    requests: 0,
    failed: 0,
    servedLocal: 0,
    servedCloud: 0,
    localShare: 0,
    cloudUsd: 0,
    localUsd: 0,
    totalUsd: 0,
    discardedUsd: 0,
    allCloudUsd: 0,
    savingsUsd: 0,
    savingsShare: 0,
    escalations: 0,
    unknownCost: 0,
    unmetered: 0,
    inputTokens: 0,
    outputTokens: 0,
  };
}

/** Adds one record to running totals (shares are computed by `finishSummary`). */
export function addRecord(
  totals: CostSummary,
  record: AuditRecord,
  cost = record.cost as RequestCost | undefined,
): void {
  totals.requests++;
  if (record.outcome !== 'success') totals.failed++;
  else if (record.providerKind === 'local') totals.servedLocal++;
  else if (record.providerKind === 'cloud') totals.servedCloud++;
  if (record.escalation?.escalated) totals.escalations++;
  if (record.usage) {
    totals.inputTokens += record.usage.inputTokens;
    totals.outputTokens += record.usage.outputTokens;
  }
  if (!cost) {
    totals.unmetered++;
    return;
  }
  if (cost.totalUsd === null) totals.unknownCost++;
  const attempts = Array.isArray(cost.attempts) ? cost.attempts : [];
  for (const attempt of attempts) {
    if (attempt.usd === null) continue;
    if (attempt.kind === 'cloud') totals.cloudUsd += attempt.usd;
    else totals.localUsd += attempt.usd;
    if (attempt.outcome === 'discarded') totals.discardedUsd += attempt.usd;
  }
  if (cost.allCloudUsd !== null && cost.savingsUsd !== null && cost.allCloudUsd !== undefined) {
    totals.allCloudUsd += cost.allCloudUsd;
    totals.savingsUsd += cost.savingsUsd;
  }
}

/** Fills in the derived fields (total and shares). */
export function finishSummary(totals: CostSummary): CostSummary {
  const served = totals.servedLocal + totals.servedCloud;
  totals.totalUsd = totals.cloudUsd + totals.localUsd;
  totals.localShare = served === 0 ? 0 : totals.servedLocal / served;
  totals.savingsShare = totals.allCloudUsd === 0 ? 0 : totals.savingsUsd / totals.allCloudUsd;
  return totals;
}

/** A one-paragraph text summary, e.g. for the end of a demo. */
export function formatCostSummary(summary: CostSummary): string {
  const lines = [
    `Requests: ${summary.requests} (${summary.servedLocal} local, ${summary.servedCloud} cloud, ${summary.failed} failed; ${summary.escalations} escalated)`,
    `Cloud spend:        ${formatUsd(summary.cloudUsd)}`,
    `Local cost:         ${formatUsd(summary.localUsd)} (amortized hardware, power, engineering)`,
    `Total:              ${formatUsd(summary.totalUsd)}`,
    `All-cloud would be: ${formatUsd(summary.allCloudUsd)}`,
    `Savings:            ${formatUsd(summary.savingsUsd)} (${(summary.savingsShare * 100).toFixed(1)}% vs all-cloud)`,
  ];
  if (summary.unknownCost > 0) lines.push(`Unpriced requests:  ${summary.unknownCost} (see warning events)`);
  return `${lines.join('\n')}\n`;
}

/** `$1,234.56`, or more decimals for small amounts (`$0.000123`). */
export function formatUsd(usd: number): string {
  const sign = usd < 0 ? '-' : '';
  const value = Math.abs(usd);
  if (value === 0) return '$0.00';
  if (value < 0.01) return `${sign}$${value.toPrecision(3)}`;
  return `${sign}$${value.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}
