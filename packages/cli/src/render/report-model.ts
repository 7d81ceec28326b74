import type { AuditAggregate, GroupStats, ProviderStats } from '@switchyard/cost';

/** What a report shows, independent of how it is drawn (terminal or HTML). */
export interface ReportModel {
  file: string;
  aggregate: AuditAggregate;
  badLines: number;
  /** How records without a cost field were priced, when any were. */
  unmeteredNote: string | undefined;
}

/** Rows shown per table before "… N more". */
export const MAX_ROWS = 15;

/** Groups sorted by total cost, then requests. */
export function sortedGroups(groups: Record<string, GroupStats>): [string, GroupStats][] {
  return Object.entries(groups).sort(([, a], [, b]) => b.totalUsd - a.totalUsd || b.requests - a.requests);
}

/** Providers sorted by dollars, then calls. */
export function sortedProviders(providers: Record<string, ProviderStats>): ProviderStats[] {
  return Object.values(providers).sort((a, b) => b.usd - a.usd || b.calls - a.calls);
}

/** Escalations as a share of requests. */
export function escalationShare(group: GroupStats): number {
  return group.requests === 0 ? 0 : group.escalations / group.requests;
}
