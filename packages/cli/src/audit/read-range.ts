import type { AuditAggregate } from '@switchyard/cost';
import { createAuditAggregator } from '@switchyard/cost';
import { type ReadStats, readAuditFile } from './read-audit-file';
import { type PricingFlags, unmeteredPricer } from './unmetered-pricer';

/** Bad lines listed one by one before the rest are only counted. */
export const MAX_BAD_LINES_LISTED = 20;

/** What reading one byte range of an audit file produced. */
export interface RangeResult {
  aggregate: AuditAggregate;
  stats: ReadStats;
  /** The first bad lines (line numbers relative to the range's first line). */
  bad: { line: number; reason: string }[];
}

/** Reads bytes [start, end) of an audit file into an aggregate (in this thread). */
export async function readRange(
  path: string,
  start: number,
  end: number,
  pricing: PricingFlags | undefined,
  onProgress: (bytesRead: number) => void,
): Promise<RangeResult> {
  const pricer = pricing ? unmeteredPricer(pricing) : undefined;
  if (typeof pricer === 'string') throw new Error(pricer);
  const aggregator = createAuditAggregator(pricer ? { price: pricer.price } : {});
  const bad: RangeResult['bad'] = [];
  const stats = await readAuditFile(path, {
    start,
    end,
    onRecord: (record) => aggregator.add(record),
    onBadLine: (line, reason) => {
      if (bad.length < MAX_BAD_LINES_LISTED) bad.push({ line, reason });
    },
    onProgress: (bytesRead) => onProgress(bytesRead),
  });
  return { aggregate: aggregator.result(), stats, bad };
}
