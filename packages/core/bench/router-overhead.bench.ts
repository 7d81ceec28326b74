/**
 * The router's own overhead per request: the same fake provider called directly vs through
 * `createRouter()` (validation, data-class resolution, planning, slots, retries, events, audit
 * record), for a 2 KB prompt, non-streaming and streaming. Classification excluded (none configured).
 * Target: <= 20 µs p50 added per request. Runs against the built packages (`pnpm bench` builds first).
 */
import { createFakeProvider } from '@switchyard/testing';
import { Bench } from 'tinybench';
import { type ChatRequest, createMemoryAuditSink, createRouter } from '@switchyard/core';

const prompt = 'The quarterly report shows steady growth across regions. '.repeat(37).slice(0, 2048);
const request: ChatRequest = { messages: [{ role: 'user', content: prompt }], maxOutputTokens: 64 };

const local = createFakeProvider({ id: 'local', reply: 'ok' });
const cloud = createFakeProvider({ id: 'cloud', kind: 'cloud', reply: 'ok' });
const audit = createMemoryAuditSink({ limit: 1_000 });
const router = createRouter({ providers: [local, cloud], audit });
router.on('response', () => {});

async function drain(iterable: AsyncIterable<unknown>): Promise<void> {
  for await (const _ of iterable) {
    // consume
  }
}

const context = { dataClass: 'internal', workload: 'summarize' } as const;
const tasks: Record<string, () => Promise<void>> = {
  'direct chat': async () => {
    local.calls.length = 0;
    await local.chat(request);
  },
  'router chat': async () => {
    local.calls.length = 0;
    await router.chat(request, context);
  },
  'direct stream': async () => {
    local.calls.length = 0;
    await drain(local.stream(request));
  },
  'router stream': async () => {
    local.calls.length = 0;
    await drain(router.stream(request, context));
  },
};

// Many short tinybench rounds, the task order reversed every other round, samples pooled: the speed
// of a shared machine drifts over seconds, and one long run per task would put that drift between
// the direct call and the router (it moved the added figure by ±5 µs run to run).
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 40);
const samples = new Map<string, number[]>(Object.keys(tasks).map((name) => [name, []]));
for (let round = 0; round < ROUNDS; round++) {
  const bench = new Bench({ time: 100, warmupTime: round === 0 ? 1_000 : 20, retainSamples: true });
  const names = round % 2 === 0 ? Object.keys(tasks) : Object.keys(tasks).reverse();
  for (const name of names) bench.add(name, tasks[name]!);
  await bench.run();
  for (const task of bench.tasks) {
    const latency = (task.result as { latency?: { samples?: readonly number[] } } | undefined)?.latency;
    if (!latency?.samples) throw new Error(`no samples for ${task.name}`);
    const pooled = samples.get(task.name)!;
    for (const sample of latency.samples) pooled.push(sample);
  }
}

const micro = (name: string, key: 'p50' | 'p99') => {
  const sorted = [...samples.get(name)!].sort((a, b) => a - b);
  const at = key === 'p50' ? 0.5 : 0.99;
  return sorted[Math.round(at * (sorted.length - 1))]! * 1000;
};

const target = 20;
let failed = false;
console.log(
  `Router overhead over calling the same fake provider directly (2 KB prompt; tinybench, ${ROUNDS} alternating rounds)`,
);
console.log(
  'mode        direct p50   router p50   added p50   direct p99   router p99   added p99   ratio p50',
);
for (const mode of ['chat', 'stream'] as const) {
  const directP50 = micro(`direct ${mode}`, 'p50');
  const routerP50 = micro(`router ${mode}`, 'p50');
  const directP99 = micro(`direct ${mode}`, 'p99');
  const routerP99 = micro(`router ${mode}`, 'p99');
  const added = routerP50 - directP50;
  if (added > target) failed = true;
  console.log(
    `${mode.padEnd(10)} ${directP50.toFixed(1).padStart(9)}µs ${routerP50.toFixed(1).padStart(10)}µs ${added
      .toFixed(1)
      .padStart(9)}µs ${directP99.toFixed(1).padStart(10)}µs ${routerP99.toFixed(1).padStart(10)}µs ${(
      routerP99 - directP99
    )
      .toFixed(1)
      .padStart(9)}µs ${(routerP50 / directP50).toFixed(2).padStart(10)}x`,
  );
}
console.log(`target: <= ${target} µs added at p50 — ${failed ? 'MISSED' : 'met'}`);
process.exitCode = failed ? 1 : 0;
