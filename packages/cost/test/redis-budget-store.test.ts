import { randomUUID } from 'node:crypto';
import {
  createMemoryAuditSink,
  createRouter,
  estimatePromptTokens,
  type RouterEvents,
} from '@switchyard/core';
import { createFakeProvider } from '@switchyard/testing';
import Redis from 'ioredis';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createRedisBudgetStore } from '../src/budgets/redis-budget-store';
import { createPriceCatalog } from '../src/catalog/price-catalog';
import { createCostMeter } from '../src/meter/create-cost-meter';
import { priceUsage } from '../src/pricing/price-usage';

const url = inject('redisUrl');
const clients: Redis[] = [];
const connect = () => {
  const client = new Redis(url, { lazyConnect: false, maxRetriesPerRequest: 1 });
  clients.push(client);
  return client;
};
afterAll(async () => {
  await Promise.all(clients.map((client) => client.quit().catch(() => undefined)));
});

const key = (name: string, limit: number) => ({ key: name, limit, expiresAt: Date.now() + 3_600_000 });

describe('createRedisBudgetStore', () => {
  it('reserves, settles and reads counters under a namespaced, expiring key', async () => {
    const client = connect();
    const prefix = `{test-${randomUUID()}}`;
    const store = createRedisBudgetStore({ client, prefix });
    const counter = key('team:*:d2026-11-28', 1_000);
    expect(await store.read([counter])).toEqual([{ spent: 0, reserved: 0 }]);
    expect(await store.reserve([counter], 400)).toEqual({ ok: true });
    expect(await store.read([counter])).toEqual([{ spent: 0, reserved: 400 }]);
    expect(await store.settle([counter], 400, 350)).toEqual({ spentBefore: [0], spentAfter: [350] });
    expect(await store.read([counter])).toEqual([{ spent: 350, reserved: 0 }]);
    const stored = `${prefix}:team:*:d2026-11-28`;
    expect(await client.hgetall(stored)).toEqual({ spent: '350', reserved: '0' });
    const ttl = await client.pttl(stored);
    expect(ttl).toBeGreaterThan(3_500_000);
    expect(ttl).toBeLessThanOrEqual(3_600_000);
  });

  it('refuses a reservation once spent + reserved reaches the limit, on any of its keys', async () => {
    const store = createRedisBudgetStore({ client: connect(), prefix: `{test-${randomUUID()}}` });
    const wide = key('wide', 10_000);
    const narrow = key('narrow', 500);
    expect(await store.reserve([wide, narrow], 300)).toEqual({ ok: true });
    expect(await store.reserve([wide, narrow], 300)).toEqual({ ok: true });
    // narrow now holds 600 ≥ 500: refused, and nothing changes on either key.
    expect(await store.reserve([wide, narrow], 300)).toEqual({
      ok: false,
      index: 1,
      counter: { spent: 0, reserved: 600 },
    });
    expect(await store.read([wide, narrow])).toEqual([
      { spent: 0, reserved: 600 },
      { spent: 0, reserved: 600 },
    ]);
  });

  it('reloads its scripts after SCRIPT FLUSH (EVALSHA falls back to EVAL)', async () => {
    const client = connect();
    const store = createRedisBudgetStore({ client, prefix: `{test-${randomUUID()}}` });
    const counter = key('flush', 1_000);
    await store.reserve([counter], 10);
    await client.script('FLUSH');
    expect(await store.reserve([counter], 10)).toEqual({ ok: true });
    expect(await store.read([counter])).toEqual([{ spent: 0, reserved: 20 }]);
  });

  it('admits concurrent reservations from two clients only while below the limit', async () => {
    const prefix = `{test-${randomUUID()}}`;
    const stores = [
      createRedisBudgetStore({ client: connect(), prefix }),
      createRedisBudgetStore({ client: connect(), prefix }),
    ];
    const counter = key('race', 10_000);
    const results = await Promise.all(
      Array.from({ length: 400 }, (_, index) => stores[index % 2]!.reserve([counter], 97)),
    );
    const admitted = results.filter((result) => result.ok).length;
    // Admission stops at the first reservation that reaches the limit: ceil(10,000 / 97) = 104.
    expect(admitted).toBe(104);
    const [state] = await stores[0]!.read([counter]);
    expect(state!.reserved).toBe(104 * 97);
    expect(state!.reserved - 10_000).toBeLessThan(97);
  });

  it('rejects a missing client with a ConfigError', () => {
    expect(() => createRedisBudgetStore({} as never)).toThrow(/`client` must be an ioredis client/);
  });
});

describe('two routers sharing one Redis budget', () => {
  const request = {
    messages: [{ role: 'user' as const, content: 'Summarize this ticket for the on-call engineer.' }],
    maxOutputTokens: 3,
  };
  const perRequest = priceUsage(
    { inputTokens: estimatePromptTokens(request), outputTokens: 3, cacheReadTokens: 0, cacheWriteTokens: 0 },
    createPriceCatalog().resolve('gpt-4o')!,
  );

  async function instance(prefix: string, budgetUsd: number, softUsd?: number) {
    const client = connect();
    // Both instances must be connected before the race starts, or one would spend it all alone.
    await client.ping();
    const local = createFakeProvider({ id: 'local', kind: 'local', latencyMs: 1, reply: 'local answer' });
    const cloud = createFakeProvider({
      id: 'cloud',
      kind: 'cloud',
      model: 'gpt-4o',
      latencyMs: 5,
      reply: 'the cloud answer',
    });
    const meter = createCostMeter({
      deployments: { local: 'l40s' },
      budgets: [
        { name: 'shared', window: 'day', limitUsd: budgetUsd, ...(softUsd ? { softLimitUsd: softUsd } : {}) },
      ],
      store: createRedisBudgetStore({ client, prefix }),
    });
    const audit = createMemoryAuditSink();
    const router = createRouter({
      providers: [local, cloud],
      plugins: [meter],
      audit,
      retry: { retries: 0 },
      providerSettings: { local: { concurrency: 256, maxQueue: 1_024 } },
    });
    const warnings: RouterEvents['warning'][] = [];
    router.on('warning', (warning) => warnings.push(warning));
    return { router, audit, cloud, warnings };
  }

  it('spend concurrently and overshoot the limit by at most one request’s cost', async () => {
    const prefix = `{test-${randomUUID()}}`;
    const limit = perRequest * 40.5;
    const a = await instance(prefix, limit, perRequest * 20);
    const b = await instance(prefix, limit, perRequest * 20);
    // Waves of 30 concurrent requests (15 per instance) until the budget runs out: within a wave the
    // two instances race for the same counter.
    const answers = [];
    for (let wave = 0; wave < 8; wave++) {
      answers.push(
        ...(await Promise.all(
          Array.from({ length: 30 }, (_, index) =>
            (index % 2 === 0 ? a : b).router.chat(request, { dataClass: 'public' }),
          ),
        )),
      );
    }
    const cloudCalls = a.cloud.calls.length + b.cloud.calls.length;
    const inspector = connect();
    const keys = await inspector.keys(`${prefix}:*`);
    expect(keys).toHaveLength(1);
    const counter = await inspector.hgetall(keys[0]!);
    const spent = Number(counter.spent) / 1e9;
    expect(Number(counter.reserved)).toBe(0);
    // Every cloud call was settled at its real cost ...
    expect(spent).toBeCloseTo(cloudCalls * perRequest, 8);
    // ... the budget was used up, and overshot by no more than one request.
    expect(spent).toBeGreaterThanOrEqual(limit);
    expect(spent).toBeLessThanOrEqual(limit + perRequest + 1e-12);
    // Both instances spent from the one budget, and the rest went local.
    expect(a.cloud.calls.length).toBeGreaterThan(0);
    expect(b.cloud.calls.length).toBeGreaterThan(0);
    expect(answers.filter((answer) => answer.provider === 'local')).toHaveLength(240 - cloudCalls);
    // The soft limit was crossed once, by one instance.
    const soft = [...a.warnings, ...b.warnings].filter((warning) => warning.code === 'budget_soft_limit');
    expect(soft).toHaveLength(1);
  });

  it('fails closed to local when Redis is unreachable', async () => {
    const dead = new Redis('redis://127.0.0.1:1', {
      lazyConnect: true,
      maxRetriesPerRequest: 0,
      retryStrategy: () => null,
    });
    dead.on('error', () => {});
    clients.push(dead);
    const local = createFakeProvider({ id: 'local', kind: 'local' });
    const cloud = createFakeProvider({ id: 'cloud', kind: 'cloud', model: 'gpt-4o' });
    const meter = createCostMeter({
      deployments: { local: 'l40s' },
      budgets: [{ name: 'shared', window: 'day', limitUsd: 100 }],
      store: createRedisBudgetStore({ client: dead }),
    });
    const router = createRouter({ providers: [local, cloud], plugins: [meter], retry: { retries: 0 } });
    const warnings: RouterEvents['warning'][] = [];
    router.on('warning', (warning) => warnings.push(warning));
    const answer = await router.chat(request, { dataClass: 'public' });
    expect(answer.provider).toBe('local');
    expect(cloud.calls).toHaveLength(0);
    expect(warnings.map((warning) => warning.code)).toContain('budget_store_error');
  });
});
