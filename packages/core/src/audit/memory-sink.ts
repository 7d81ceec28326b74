import type { AuditRecord, AuditSink } from './audit-record';

/** An audit sink that keeps records in memory (tests, dashboards). */
export interface MemoryAuditSink extends AuditSink {
  readonly records: readonly AuditRecord[];
  clear(): void;
}

/**
 * Keeps audit records in an array, oldest first. `limit` bounds memory by dropping the oldest: the
 * array may grow to twice the limit between reads (dropping in batches keeps a write O(1); dropping
 * one record per write would move the whole array each time), and `records` never shows more than
 * `limit`.
 *
 * @example
 * const audit = createMemoryAuditSink();
 * const router = createRouter({ providers, audit });
 * await router.chat(request);
 * audit.records[0].provider; // 'local-qwen'
 */
export function createMemoryAuditSink(options: { limit?: number } = {}): MemoryAuditSink {
  const limit = options.limit ?? Number.POSITIVE_INFINITY;
  if (!(limit > 0)) throw new TypeError('createMemoryAuditSink: `limit` must be a positive number.');
  const records: AuditRecord[] = [];
  const trim = () => {
    if (records.length > limit) records.splice(0, records.length - limit);
  };
  return {
    get records() {
      trim();
      return records;
    },
    write(record) {
      records.push(record);
      if (records.length >= 2 * limit) trim();
    },
    clear() {
      records.length = 0;
    },
  };
}
