import type { AuditRecord } from '@switchyard/core';

const DATA_CLASSES = new Set(['public', 'internal', 'regulated']);

/**
 * Why a parsed line is not an audit record this CLI can read, or undefined when it is. A shape
 * check of the fields the report and plan use (fast: it runs on every line of large files).
 */
export function auditRecordProblem(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'not a JSON object';
  const record = value as Partial<AuditRecord>;
  if (record.version !== 1) return `unsupported version ${JSON.stringify(record.version)} (expected 1)`;
  if (typeof record.timestamp !== 'string') return "missing 'timestamp'";
  if (record.outcome !== 'success' && record.outcome !== 'error')
    return "'outcome' must be 'success' or 'error'";
  if (typeof record.dataClass !== 'string' || !DATA_CLASSES.has(record.dataClass)) return "bad 'dataClass'";
  if (!Array.isArray(record.attempts)) return "missing 'attempts'";
  for (const attempt of record.attempts) {
    if (typeof attempt !== 'object' || attempt === null || typeof attempt.provider !== 'string') {
      return "bad entry in 'attempts'";
    }
    const usage = attempt.usage;
    if (
      usage !== undefined &&
      (typeof usage !== 'object' ||
        usage === null ||
        typeof usage.inputTokens !== 'number' ||
        typeof usage.outputTokens !== 'number')
    ) {
      return "bad 'usage' in 'attempts'";
    }
  }
  if (record.usage !== undefined && record.usage !== null && typeof record.usage.inputTokens !== 'number')
    return "bad 'usage'";
  if (record.cost !== undefined && record.cost !== null && typeof record.cost !== 'object')
    return "bad 'cost'";
  return undefined;
}
