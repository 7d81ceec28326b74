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

const bench = new Bench({ time: 2_000, warmupTime: 500 });
bench
  .add('direct chat', async () => {
    local.calls.length = 0;
    await local.chat(request);
  })
  .add('router chat', async () => {
    local.calls.length = 0;
    await router.chat(request, { dataClass: 'internal', workload: 'summarize' });
  })
  .add('direct stream', async () => {
    local.calls.length = 0;
    await drain(local.stream(request));
  })
  .add('router stream', async () => {
    local.calls.length = 0;
    await drain(router.stream(request, { dataClass: 'internal', workload: 'summarize' }));
  });

await bench.run();

const micro = (name: string, key: 'p50' | 'p99') => {
  const task = bench.getTask(name);
  const result = task?.result as { latency?: { p50: number; p99: number } } | undefined;
  if (!result?.latency) throw new Error(`no result for ${name}`);
  return result.latency[key] * 1000;
};

const target = 20;
let failed = false;
console.log('Router overhead over calling the same fake provider directly (2 KB prompt)');
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
