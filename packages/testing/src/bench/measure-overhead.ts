/**
 * How much an adapter adds over the same request made another way (the official SDK, or a plain
 * `fetch`) against the same loopback server. Each iteration runs both, alternating which goes
 * first, so that drift and GC pauses fall on both sides alike.
 */
import { ConfigError } from '@switchyard/core';

export interface OverheadCase {
  name: string;
  /**
   * The same request done the reference way. Resolves with the milliseconds to count when the
   * figure is part of the call (time to first token), or with anything else (nothing) to count the whole call.
   */
  baseline(): Promise<unknown>;
  /** The request through the adapter; resolves like `baseline`. */
  adapter(): Promise<unknown>;
}

export interface OverheadOptions {
  /** Timed iterations per case (default `BENCH_ITERATIONS` from the environment, else 3000). */
  iterations?: number;
  /** Untimed iterations first, for the JIT (default 300). */
  warmup?: number;
  /** What the baseline is called in the table (default `baseline`). */
  baselineLabel?: string;
  /** The largest added share that passes (default 0.05, i.e. 5 %). */
  target?: number;
}

export interface OverheadResult {
  name: string;
  baselineP50Ms: number;
  adapterP50Ms: number;
  /** adapter / baseline. */
  ratio: number;
  pass: boolean;
}

/** The median of `values` (the mean of the middle two for an even count). */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError('median(): no values');
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function check(ok: boolean, field: string, problem: string): void {
  if (!ok) {
    throw new ConfigError({
      message: `measureOverhead: ${field} ${problem}`,
      field: `measureOverhead.${field}`,
    });
  }
}

async function time(action: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  const inner = await action();
  return typeof inner === 'number' ? inner : performance.now() - started;
}

/**
 * Runs every case, prints a table (adapter against baseline at p50, and the verdict against the
 * target) and returns the results; the exit code is left to the caller.
 */
export async function measureOverhead(
  title: string,
  cases: readonly OverheadCase[],
  options: OverheadOptions = {},
): Promise<OverheadResult[]> {
  const iterations = options.iterations ?? Number(process.env.BENCH_ITERATIONS ?? 3000);
  const warmup = options.warmup ?? 300;
  const target = options.target ?? 0.05;
  const label = options.baselineLabel ?? 'baseline';
  check(
    Number.isInteger(iterations) && iterations > 0,
    'iterations',
    `must be a positive integer (got ${iterations})`,
  );
  check(Number.isInteger(warmup) && warmup >= 0, 'warmup', `must be an integer >= 0 (got ${warmup})`);
  check(Number.isFinite(target) && target >= 0, 'target', `must be a number >= 0 (got ${target})`);
  check(Array.isArray(cases) && cases.length > 0, 'cases', 'must be a non-empty array');
  cases.forEach((benchCase, index) => {
    check(
      typeof benchCase?.baseline === 'function' && typeof benchCase.adapter === 'function',
      `cases[${index}]`,
      'needs `baseline` and `adapter` functions',
    );
  });
  const results: OverheadResult[] = [];
  for (const benchCase of cases) {
    for (let index = 0; index < warmup; index++) {
      await benchCase.baseline();
      await benchCase.adapter();
    }
    const baseline: number[] = [];
    const adapter: number[] = [];
    for (let index = 0; index < iterations; index++) {
      if (index % 2 === 0) {
        baseline.push(await time(benchCase.baseline));
        adapter.push(await time(benchCase.adapter));
      } else {
        adapter.push(await time(benchCase.adapter));
        baseline.push(await time(benchCase.baseline));
      }
    }
    const baselineP50Ms = median(baseline);
    const adapterP50Ms = median(adapter);
    const ratio = adapterP50Ms / baselineP50Ms;
    results.push({ name: benchCase.name, baselineP50Ms, adapterP50Ms, ratio, pass: ratio <= 1 + target });
  }
  const percent = `<= ${(target * 100).toFixed(0)} %`;
  console.log(`\n${title} — adapter vs ${label}, same loopback server (target: ${percent} added at p50)`);
  console.table(
    results.map((result) => ({
      case: result.name,
      [`${label} p50 (ms)`]: result.baselineP50Ms.toFixed(4),
      'adapter p50 (ms)': result.adapterP50Ms.toFixed(4),
      added: `${((result.ratio - 1) * 100).toFixed(2)} %`,
      target: percent,
      verdict: result.pass ? 'pass' : 'FAIL',
    })),
  );
  return results;
}
