/**
 * Metering overhead per request. Target: <= 1 µs added per request.
 *
 * 1. `onAudit` alone on realistic records (local answer with shadow pricing; cloud answer;
 *    escalation with a discarded local answer), batched so timer overhead does not dominate.
 * 2. Whole `router.chat()` calls through fake providers, with and without the meter (both
 *    routers build audit records for a no-op sink, so the difference is the meter's work).
 *
 * Run: pnpm bench (node --conditions=@switchyard/source --import tsx bench/meter.bench.ts)
 */
import { type AuditRecord, createRouter, type PluginContext, type RoutePlan } from '@switchyard/core';
import { createFakeProvider } from '@switchyard/testing';
import { Bench } from 'tinybench';
import { createCostMeter } from '../src/index';

const TARGET_US = 1;
const BATCH = 2_000;

const usage = (input: number, output: number) => ({
  inputTokens: input,
  outputTokens: output,
  cacheReadTokens: 0,
  cacheWriteTokens: 0,
});
const plan: RoutePlan = {
  requestId: 'r',
  dataClass: 'internal',
  dataClassSource: 'caller',
  callerDataClass: undefined,
  classification: undefined,
  workload: 'summarize',
  candidates: [
    {
      provider: 'local',
      kind: 'local',
      model: 'qwen3-30b',
      eligible: true,
      rank: 0,
      rule: 'class-order',
      reason: '',
    },
    {
      provider: 'openai',
      kind: 'cloud',
      model: 'gpt-4o-mini',
      eligible: true,
      rank: 1,
      rule: 'class-order',
      reason: '',
    },
    {
      provider: 'anthropic',
      kind: 'cloud',
      model: 'claude-haiku-4-5',
      eligible: true,
      rank: 2,
      rule: 'class-order',
      reason: '',
    },
  ],
  order: ['local', 'openai', 'anthropic'],
};
const base = (overrides: Partial<AuditRecord>): AuditRecord => ({
  version: 1,
  id: 'r',
  timestamp: new Date().toISOString(),
  workload: 'summarize',
  tags: undefined,
  stream: false,
  dataClass: 'internal',
  dataClassSource: 'caller',
  callerDataClass: undefined,
  labels: [],
  detectors: {},
  outcome: 'success',
  errorCode: undefined,
  provider: 'local',
  providerKind: 'local',
  model: 'qwen3-30b',
  reason: '',
  attempts: [],
  fallbacks: 0,
  retries: 0,
  escalation: undefined,
  usage: usage(1_200, 300),
  latencyMs: 40,
  timeToFirstTokenMs: undefined,
  cost: undefined,
  ...overrides,
});
const records: AuditRecord[] = [
  base({
    attempts: [
      {
        provider: 'local',
        kind: 'local',
        model: 'qwen3-30b',
        outcome: 'success',
        retries: 0,
        latencyMs: 40,
        usage: usage(1_200, 300),
      },
    ],
  }),
  base({
    provider: 'openai',
    providerKind: 'cloud',
    model: 'gpt-4o-mini-2024-07-18',
    attempts: [
      {
        provider: 'openai',
        kind: 'cloud',
        model: 'gpt-4o-mini',
        outcome: 'success',
        retries: 0,
        latencyMs: 400,
        usage: usage(1_200, 300),
      },
    ],
  }),
  base({
    provider: 'anthropic',
    providerKind: 'cloud',
    model: 'claude-haiku-4-5',
    attempts: [
      {
        provider: 'local',
        kind: 'local',
        model: 'qwen3-30b',
        outcome: 'discarded',
        retries: 0,
        latencyMs: 40,
        usage: usage(1_200, 300),
      },
      {
        provider: 'anthropic',
        kind: 'cloud',
        model: 'claude-haiku-4-5',
        outcome: 'success',
        retries: 0,
        latencyMs: 600,
        usage: usage(1_200, 280),
      },
    ],
  }),
];
const context = { plan, requestId: 'r', state: new Map(), emit() {} } as unknown as PluginContext;

const meter = createCostMeter({ deployments: { local: 'mac-studio-m3-ultra-256gb' } });

function routerWith(plugins: ReturnType<typeof createCostMeter>[]) {
  const local = createFakeProvider({
    id: 'local',
    kind: 'local',
    model: 'qwen3-30b',
    reply: 'a short local answer',
  });
  const openai = createFakeProvider({ id: 'openai', kind: 'cloud', model: 'gpt-4o-mini', reply: 'cloud' });
  return createRouter({ providers: [local, openai], plugins, audit: { write() {} } });
}
const plain = routerWith([]);
const metered = routerWith([createCostMeter({ deployments: { local: 'mac-studio-m3-ultra-256gb' } })]);
const request = {
  messages: [{ role: 'user' as const, content: 'Summarize the incident report in one line.' }],
};

const bench = new Bench({ time: 1_500, warmup: true });
bench.add('onAudit (3 record shapes, per record)', () => {
  const started = bench.now();
  for (let index = 0; index < BATCH; index++) {
    const record = records[index % 3]!;
    meter.onAudit!(record, context);
  }
  const elapsed = bench.now() - started;
  return { overriddenDuration: elapsed / BATCH, overriddenIterationCost: elapsed };
});
bench.add('router.chat without meter', async () => {
  await plain.chat(request, { workload: 'summarize' });
});
bench.add('router.chat with meter', async () => {
  await metered.chat(request, { workload: 'summarize' });
});
await bench.run();

const meanUs = (name: string) => {
  const task = bench.getTask(name);
  const result = task?.result as { latency?: { mean: number; p50?: number } } | undefined;
  if (!result?.latency) throw new Error(`no result for ${name}`);
  return { mean: result.latency.mean * 1_000, p50: (result.latency.p50 ?? result.latency.mean) * 1_000 };
};
const onAudit = meanUs('onAudit (3 record shapes, per record)');
const without = meanUs('router.chat without meter');
const withMeter = meanUs('router.chat with meter');
const fmt = (value: number) => `${value.toFixed(3)} µs`;
console.log('Cost metering overhead (target <= 1 µs per request)');
console.log(
  `  onAudit per record:            mean ${fmt(onAudit.mean)}, p50 ${fmt(onAudit.p50)}  ${onAudit.mean <= TARGET_US ? 'PASS' : 'FAIL'}`,
);
console.log(`  router.chat without meter:     mean ${fmt(without.mean)}, p50 ${fmt(without.p50)}`);
console.log(`  router.chat with meter:        mean ${fmt(withMeter.mean)}, p50 ${fmt(withMeter.p50)}`);
console.log(
  `  difference (p50, noisy):       ${fmt(withMeter.p50 - without.p50)} (${((withMeter.p50 / without.p50 - 1) * 100).toFixed(1)}% of a request)`,
);
if (onAudit.mean > TARGET_US) process.exitCode = 1;
