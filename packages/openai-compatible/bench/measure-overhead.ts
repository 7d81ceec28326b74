/**
 * Adapter overhead against a plain `fetch` of the same request to the same loopback simulator. Each
 * iteration runs both, alternating which goes first, so that drift and GC pauses fall on both sides.
 * Reports the p50 of each and their ratio against the 5 % target.
 */

export interface OverheadCase {
  name: string;
  /** The same request done by hand with `fetch`. */
  baseline(): Promise<void>;
  /** The request through the adapter. */
  adapter(): Promise<void>;
}

export interface OverheadResult {
  name: string;
  baselineP50Ms: number;
  adapterP50Ms: number;
  /** adapter / baseline. */
  ratio: number;
  pass: boolean;
}

const TARGET = 1.05;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.round((p / 100) * (sorted.length - 1))));
  return sorted[index]!;
}

async function time(action: () => Promise<void>): Promise<number> {
  const started = performance.now();
  await action();
  return performance.now() - started;
}

/** Runs every case and prints a table; returns the results (exit code is left to the caller). */
export async function measureOverhead(
  title: string,
  cases: OverheadCase[],
  options: { iterations?: number; warmup?: number } = {},
): Promise<OverheadResult[]> {
  const iterations = options.iterations ?? Number(process.env.BENCH_ITERATIONS ?? 3000);
  const warmup = options.warmup ?? 300;
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
    const baselineP50Ms = percentile(baseline, 50);
    const adapterP50Ms = percentile(adapter, 50);
    const ratio = adapterP50Ms / baselineP50Ms;
    results.push({ name: benchCase.name, baselineP50Ms, adapterP50Ms, ratio, pass: ratio <= TARGET });
  }
  console.log(`\n${title} — adapter vs plain fetch, same loopback simulator (target: <= +5 % at p50)`);
  console.table(
    results.map((result) => ({
      case: result.name,
      'fetch p50 (ms)': result.baselineP50Ms.toFixed(4),
      'adapter p50 (ms)': result.adapterP50Ms.toFixed(4),
      added: `${((result.ratio - 1) * 100).toFixed(2)} %`,
      target: '<= 5 %',
      verdict: result.pass ? 'pass' : 'FAIL',
    })),
  );
  return results;
}

/**
 * The plain-fetch reference client for streams: reads the body, splits SSE frames on blank lines,
 * parses each `data:` payload as JSON and stops at the first delta with text (the least any client
 * must do to hold the first token). No validation, no error handling, no comments or CR handling.
 */
export async function firstDeltaText(response: Response): Promise<string> {
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) throw new Error('stream ended before the first token');
    buffer += decoder.decode(value, { stream: true });
    let end = buffer.indexOf('\n\n');
    while (end !== -1) {
      const frame = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      if (frame.startsWith('data: {')) {
        const chunk = JSON.parse(frame.slice(6)) as { choices?: { delta?: { content?: string | null } }[] };
        const content = chunk.choices?.[0]?.delta?.content;
        if (content) {
          await reader.cancel();
          return content;
        }
      }
      end = buffer.indexOf('\n\n');
    }
  }
}

/** Starts a simulator in a child process; resolves with its URL and a close function. */
export async function startSimulatorWorker(
  kind: 'llamacpp' | 'mlx' | 'exo',
  options: Record<string, unknown>,
): Promise<{ url: string; close(): Promise<void> }> {
  const { fork } = await import('node:child_process');
  const { fileURLToPath } = await import('node:url');
  const child = fork(fileURLToPath(new URL('./simulator-worker.ts', import.meta.url)), [
    kind,
    JSON.stringify(options),
  ]);
  const url = await new Promise<string>((resolve, reject) => {
    child.once('message', (message: { url: string }) => resolve(message.url));
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`simulator process exited with ${code}`)));
  });
  return {
    url,
    async close() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.send('close');
      setTimeout(() => child.kill(), 2_000).unref();
      await exited;
    },
  };
}
