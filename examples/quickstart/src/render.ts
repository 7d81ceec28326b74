import type { AuditRecord } from '@switchyard/core';

/** What happened to one demo request. */
export interface DemoRow {
  index: number;
  label: string;
  workload: string;
  record: AuditRecord;
}

const width = (text: string, size: number) => (text.length > size ? `${text.slice(0, size - 1)}…` : text.padEnd(size));

/** Which detectors fired, as `label: detector, detector`. */
export function describeFindings(record: AuditRecord): string {
  const detectors = Object.keys(record.detectors);
  if (record.labels.length === 0 && detectors.length === 0) return '—';
  const labels = record.labels.length > 0 ? record.labels.join('+') : 'none';
  return detectors.length > 0 ? `${labels}: ${detectors.join(', ')}` : labels;
}

/** A short "why" for the table. */
export function describeRoute(record: AuditRecord): string {
  if (record.outcome === 'error') {
    return record.dataClass === 'regulated'
      ? `refused: no local provider up (${record.errorCode}); fail closed`
      : `failed: ${record.errorCode}`;
  }
  const escalation = record.escalation;
  if (escalation?.escalated) {
    return `escalated from ${escalation.from} (confidence ${escalation.confidence?.toFixed(2) ?? '?'})`;
  }
  if (escalation?.blocked) return `kept local answer: escalation to cloud blocked (${record.dataClass})`;
  return record.reason.replace(/^(class-order|regulated-local-only|workload-prefer): /, '');
}

function money(value: unknown): string {
  return typeof value === 'number' ? `$${value < 0.01 ? value.toFixed(5) : value.toFixed(4)}` : '—';
}

/** The request → data class → provider → reason table. */
export function renderTable(rows: DemoRow[]): string {
  const header = `${width('#', 3)} ${width('request', 24)} ${width('workload', 9)} ${width('class', 10)} ${width('detectors', 34)} ${width('served by', 10)} ${width('why', 52)} ${width('ms', 5)} cost`;
  const lines = [header, '─'.repeat(header.length + 6)];
  for (const { index, label, workload, record } of rows) {
    lines.push(
      [
        width(String(index + 1), 3),
        width(label, 24),
        width(workload, 9),
        width(record.dataClass, 10),
        width(describeFindings(record), 34),
        width(record.provider ?? '✗ none', 10),
        width(describeRoute(record), 52),
        width(String(Math.round(record.latencyMs)), 5),
        money(record.cost?.totalUsd),
      ].join(' '),
    );
  }
  return `${lines.join('\n')}\n`;
}

/** Totals over the audit records, and the one number that must always be zero. */
export function summarize(records: AuditRecord[]) {
  const answered = records.filter((record) => record.outcome === 'success');
  const local = answered.filter((record) => record.providerKind === 'local');
  const regulatedToCloud = records.filter(
    (record) => record.dataClass === 'regulated' && record.attempts.some((attempt) => attempt.kind === 'cloud'),
  ).length;
  return {
    requests: records.length,
    answered: answered.length,
    servedLocally: local.length,
    localShare: answered.length === 0 ? 0 : local.length / answered.length,
    fallbacks: records.reduce((sum, record) => sum + record.fallbacks, 0),
    overflowed: answered.filter((record) => record.reason.startsWith('overflow')).length,
    escalations: records.filter((record) => record.escalation?.escalated).length,
    refusedRegulated: records.filter((record) => record.dataClass === 'regulated' && record.outcome === 'error').length,
    regulatedToCloud,
  };
}

export function renderTotals(totals: ReturnType<typeof summarize>): string {
  return [
    `Requests:                          ${totals.requests} (${totals.answered} answered)`,
    `Served locally:                    ${totals.servedLocally} (${(totals.localShare * 100).toFixed(0)}% of answers)`,
    `Internal work overflowed to cloud: ${totals.overflowed}`,
    `Fallbacks taken:                   ${totals.fallbacks}`,
    `Escalations (low confidence):      ${totals.escalations}`,
    `Regulated requests refused:        ${totals.refusedRegulated} (no local provider up: failed closed)`,
    `Regulated requests sent to cloud:  ${totals.regulatedToCloud}`,
    '',
  ].join('\n');
}
