import { open, stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { basename } from 'node:path';
import { Worker } from 'node:worker_threads';
import { type AuditAggregate, mergeAuditAggregates } from '@switchyard/cost';
import type { CommandIo } from '../commands/command';
import { createProgress } from './progress';
import type { ReadStats } from './read-audit-file';
import { MAX_BAD_LINES_LISTED, type RangeResult, readRange } from './read-range';
import type { PricingFlags } from './unmetered-pricer';

/** Files at least this big are read by several threads at once (JSON parsing is the bottleneck). */
export const PARALLEL_MIN_BYTES = 32 * 1024 * 1024;
const MAX_THREADS = 4;

/** The byte offset of the first line starting at or after `offset`. */
async function lineStartAfter(path: string, offset: number, size: number): Promise<number> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.allocUnsafe(64 * 1024);
    let position = offset;
    while (position < size) {
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, position);
      if (bytesRead === 0) break;
      const newline = buffer.subarray(0, bytesRead).indexOf(0x0a);
      if (newline >= 0) return position + newline + 1;
      position += bytesRead;
    }
    return size;
  } finally {
    await handle.close();
  }
}

// Parsed records die young: a small young generation keeps each thread's memory low at little cost.
const WORKER_LIMITS = { maxYoungGenerationSizeMb: 16 };

const SOURCE_BOOTSTRAP = `
const { workerData } = require('node:worker_threads');
import('tsx/esm/api').then((api) => { api.register(); return import(workerData.entry); });
`;

function runWorker(
  task: { path: string; start: number; end: number; pricing: PricingFlags | undefined },
  onProgress: (bytes: number) => void,
): Promise<RangeResult> {
  const here = import.meta.url;
  // Built, the worker is JavaScript beside this file. From source (tests, tsx) it is TypeScript:
  // a small bootstrap registers tsx in the thread first, with the workspace's source condition.
  const worker = here.endsWith('.ts')
    ? new Worker(SOURCE_BOOTSTRAP, {
        eval: true,
        workerData: { ...task, entry: new URL('./aggregate-worker.ts', here).href },
        execArgv: ['--conditions=@switchyard/source'],
        resourceLimits: WORKER_LIMITS,
      })
    : new Worker(new URL('./aggregate-worker.js', here), { workerData: task, resourceLimits: WORKER_LIMITS });
  return new Promise((resolve, reject) => {
    let result: RangeResult | undefined;
    worker.on(
      'message',
      (message: { type: 'progress'; bytes: number } | { type: 'done'; result: RangeResult }) => {
        if (message.type === 'progress') onProgress(message.bytes);
        else result = message.result;
      },
    );
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (result) resolve(result);
      else reject(new Error(`audit reader thread exited with code ${code}`));
    });
  });
}

/**
 * Streams an audit file into an aggregate. Large files are split into line-aligned byte ranges
 * read by worker threads in parallel (this thread only coordinates); each thread's memory stays flat. Bad lines go to stderr with
 * their line numbers (and are skipped); progress shows on a terminal stderr for large files.
 */
export async function aggregateAuditFile(
  path: string,
  io: CommandIo,
  pricing?: PricingFlags,
  options: { threads?: number } = {},
): Promise<{ aggregate: AuditAggregate; stats: ReadStats }> {
  const { size } = await stat(path);
  const threads =
    options.threads ?? (size >= PARALLEL_MIN_BYTES ? Math.min(availableParallelism(), MAX_THREADS) : 1);
  const bounds = [0];
  for (let part = 1; part < threads; part++) {
    const start = await lineStartAfter(path, Math.floor((size * part) / threads), size);
    if (start > bounds[bounds.length - 1]! && start < size) bounds.push(start);
  }
  bounds.push(size);

  const progress = createProgress(io, `Reading ${basename(path)}`, size);
  const done = new Array<number>(bounds.length - 1).fill(0);
  const report = (part: number, bytes: number) => {
    done[part] = bytes;
    progress?.update(done.reduce((sum, value) => sum + value, 0));
  };
  const ranges = bounds.slice(0, -1).map((start, part) => ({ start, end: bounds[part + 1]! }));
  let results: RangeResult[];
  try {
    results = await Promise.all(
      ranges.map((range, part) =>
        ranges.length === 1
          ? readRange(path, range.start, range.end, pricing, (bytes) => report(0, bytes))
          : runWorker({ path, ...range, pricing }, (bytes) => report(part, bytes)),
      ),
    );
  } finally {
    progress?.done();
  }

  // Line numbers of later ranges start after the lines of the earlier ones.
  let offset = 0;
  let listed = 0;
  let badLines = 0;
  for (const result of results) {
    for (const entry of result.bad) {
      if (listed < MAX_BAD_LINES_LISTED) {
        io.stderr(`switchyard: ${path}:${offset + entry.line}: ${entry.reason}; line skipped\n`);
        listed++;
      }
    }
    badLines += result.stats.badLines;
    offset += result.stats.lines;
  }
  if (badLines > listed) {
    io.stderr(`switchyard: ${path}: ${badLines - listed} more bad lines skipped (${badLines} in all)\n`);
  }
  const stats: ReadStats = {
    lines: offset,
    records: results.reduce((sum, result) => sum + result.stats.records, 0),
    badLines,
    bytes: size,
  };
  const aggregate =
    results.length === 1
      ? results[0]!.aggregate
      : mergeAuditAggregates(results.map((result) => result.aggregate));
  return { aggregate, stats };
}
