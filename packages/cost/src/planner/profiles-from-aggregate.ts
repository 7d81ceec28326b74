import type { AuditAggregate } from '../summary/audit-aggregate';
import type { WorkloadProfile } from './plan-routing';
import type { WorkloadKind } from './workload-kind';

/**
 * Workload profiles for `planRouting()` from an aggregated audit log. The cloud-equivalent cost of a
 * workload is its all-cloud cost where known, else its cloud spend plus local cost.
 */
export function profilesFromAggregate(
  aggregate: AuditAggregate,
  kinds: Readonly<Record<string, WorkloadKind>> = {},
): WorkloadProfile[] {
  return Object.entries(aggregate.byWorkload).map(([workload, stats]) => {
    const profile: WorkloadProfile = {
      workload,
      requests: stats.requests,
      inputTokens: stats.inputTokens,
      outputTokens: stats.outputTokens,
      cloudEquivalentUsd: stats.allCloudUsd > 0 ? stats.allCloudUsd : stats.cloudUsd,
      cloudUsd: stats.cloudUsd,
      localUsd: stats.localUsd,
      servedLocal: stats.servedLocal,
      servedCloud: stats.servedCloud,
      dataClasses: { ...stats.dataClasses },
      escalations: stats.escalations,
    };
    const kind = kinds[workload];
    if (kind) profile.kind = kind;
    return profile;
  });
}
