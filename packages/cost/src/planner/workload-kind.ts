/** How well a kind of task suits an open model running locally. */
export type WorkloadKind = 'commodity' | 'general' | 'complex';

const COMMODITY =
  /classif|extract|summar|tag|label|translat|embed|moderat|sentiment|ner\b|entit|redact|parse|format|dedup|categor|triage|transcri|keyword|search|rerank|route/;
const COMPLEX =
  /agent|reason|plan|code|coding|research|multi.?step|tool|math|legal.?draft|negotiat|long.?horizon/;

/**
 * Guesses a workload's kind from its name: classification, extraction, summarization and the like
 * are commodity (open models match frontier ones); agents, planning, coding and long reasoning are
 * complex (cloud frontier models still lead). Anything else is general. Override per workload.
 */
export function guessWorkloadKind(workload: string): WorkloadKind {
  const name = workload.toLowerCase();
  if (COMPLEX.test(name)) return 'complex';
  if (COMMODITY.test(name)) return 'commodity';
  return 'general';
}

/** Capability factor of a kind before the escalation rate is applied. */
export const KIND_FACTOR: Readonly<Record<WorkloadKind, number>> = Object.freeze({
  commodity: 1,
  general: 0.7,
  complex: 0.3,
});
