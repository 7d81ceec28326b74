import {
  BudgetExceededError,
  createMemoryAuditSink,
  createRouter,
  estimatePromptTokens,
  type RouterEvents,
} from '@switchyard/core';
import { createFakeProvider, type FakeStep } from '@switchyard/testing';
import { describe, expect, it } from 'vitest';
import { createPriceCatalog } from '../catalog/price-catalog';
import { createCostMeter } from '../meter/create-cost-meter';
import type { RequestCost } from '../meter/request-cost';
import { priceUsage } from '../pricing/price-usage';
import type { BudgetRule } from './budget-rule';
import { createMemoryBudgetStore } from './memory-budget-store';

const request = {
  messages: [{ role: 'user' as const, content: 'Write a two-line status update for the team.' }],
  // The fake cloud answers with exactly 3 tokens: reservations equal actual cost.
  maxOutputTokens: 3,
};
const gpt4o = createPriceCatalog().resolve('gpt-4o')!;
const perRequest = priceUsage(
  { inputTokens: estimatePromptTokens(request), outputTokens: 3, cacheReadTokens: 0, cacheWriteTokens: 0 },
  gpt4o,
);

function setup(
  budgets: BudgetRule[],
  options: { now?: () => number; cloudScript?: FakeStep[]; withLocal?: boolean } = {},
) {
  const local = createFakeProvider({ id: 'local', kind: 'local', reply: 'local answer' });
  const cloud = createFakeProvider({
    id: 'cloud',
    kind: 'cloud',
    model: 'gpt-4o',
    reply: 'the cloud answer',
    ...(options.cloudScript ? { script: options.cloudScript } : {}),
  });
  const backup = createFakeProvider({
    id: 'backup',
    kind: 'cloud',
    model: 'gpt-4o',
    reply: 'the backup answer',
  });
  const store = createMemoryBudgetStore(options.now ? { now: options.now } : {});
  const meter = createCostMeter({
    deployments: { local: 'rtx-4090' },
    budgets,
    store,
    ...(options.now ? { now: options.now } : {}),
  });
  const audit = createMemoryAuditSink();
  const providers = options.withLocal === false ? [cloud, backup] : [local, cloud, backup];
  const router = createRouter({
    providers,
    plugins: [meter],
    audit,
    retry: { retries: 0 },
    policy: { regulated: { requireLocalProvider: options.withLocal !== false } },
  });
  const warnings: RouterEvents['warning'][] = [];
  router.on('warning', (warning) => warnings.push(warning));
  return { router, audit, store, warnings, cloud, local };
}

const costOf = (record: { cost?: unknown } | undefined) => record?.cost as RequestCost;

describe('budgets: hard limit, route-local', () => {
  it('removes capped cloud providers from the route once the limit is reached', async () => {
    const { router, audit, store } = setup([{ name: 'daily', window: 'day', limitUsd: perRequest * 2.5 }]);
    const served: string[] = [];
    for (let index = 0; index < 5; index++) {
      served.push((await router.chat(request, { dataClass: 'public' })).provider);
    }
    // Three calls fit under 2.5 requests' worth (the third crosses it), then cloud is capped.
    expect(served).toEqual(['cloud', 'cloud', 'cloud', 'local', 'local']);
    const counters = Object.values(store.snapshot());
    expect(counters).toHaveLength(1);
    expect(counters[0]!.spent / 1e9).toBeCloseTo(perRequest * 3, 8);
    expect(counters[0]!.reserved).toBe(0);
    expect(costOf(audit.records[3]).budget).toEqual({
      excluded: [
        { provider: 'cloud', budget: 'daily' },
        { provider: 'backup', budget: 'daily' },
      ],
    });
    const plan = await router.explain(request, { dataClass: 'public' });
    // explain() runs route hooks too: the plan shows the budget rule.
    expect(plan.candidates.find((candidate) => candidate.provider === 'cloud')).toMatchObject({
      eligible: false,
      rule: 'budget',
      reason: expect.stringContaining("budget 'daily' reached"),
    });
  });

  it('raises BudgetExceededError when no local provider can take the request', async () => {
    const { router } = setup([{ name: 'daily', window: 'day', limitUsd: perRequest / 2 }], {
      withLocal: false,
    });
    await router.chat(request, { dataClass: 'public' });
    await expect(router.chat(request, { dataClass: 'public' })).rejects.toSatisfy(
      (error) => BudgetExceededError.isInstance(error) && error.budget === 'daily',
    );
  });

  it('caps only the named provider with a provider budget', async () => {
    const { router } = setup([
      { name: 'cloud-only', window: 'day', limitUsd: perRequest / 2, provider: 'cloud' },
    ]);
    expect((await router.chat(request, { dataClass: 'public' })).provider).toBe('cloud');
    expect((await router.chat(request, { dataClass: 'public' })).provider).toBe('backup');
  });

  it('starts a fresh window each day', async () => {
    let clock = Date.UTC(2026, 10, 28, 23, 59);
    const { router } = setup([{ name: 'daily', window: 'day', limitUsd: perRequest / 2 }], {
      now: () => clock,
    });
    expect((await router.chat(request, { dataClass: 'public' })).provider).toBe('cloud');
    expect((await router.chat(request, { dataClass: 'public' })).provider).toBe('local');
    clock = Date.UTC(2026, 10, 29, 0, 1);
    expect((await router.chat(request, { dataClass: 'public' })).provider).toBe('cloud');
  });
});

describe('budgets: raise', () => {
  it('fails the request with BudgetExceededError when a capped cloud provider comes first', async () => {
    const { router, audit } = setup([
      { name: 'strict', window: 'month', limitUsd: perRequest / 2, onLimit: 'raise' },
    ]);
    await router.chat(request, { dataClass: 'public' });
    const failure = await router.chat(request, { dataClass: 'public' }).catch((error: unknown) => error);
    expect(BudgetExceededError.isInstance(failure)).toBe(true);
    expect((failure as BudgetExceededError).budget).toBe('strict');
    expect((failure as Error).message).toMatch(/budget 'strict' reached/);
    expect(audit.records[1]).toMatchObject({ outcome: 'error', errorCode: 'budget_exceeded' });
    // Local-first work is not blocked: it spends nothing in cloud.
    expect((await router.chat(request, { dataClass: 'internal' })).provider).toBe('local');
  });

  it('never lets a budget send regulated data to cloud, nor block it locally', async () => {
    const { router, cloud } = setup([
      { name: 'strict', window: 'month', limitUsd: perRequest / 2, onLimit: 'raise' },
    ]);
    await router.chat(request, { dataClass: 'public' });
    const calls = cloud.calls.length;
    expect((await router.chat(request, { dataClass: 'regulated' })).provider).toBe('local');
    expect(cloud.calls.length).toBe(calls);
  });
});

describe('budgets: scopes and soft limits', () => {
  it('keeps one budget per tag value (a tenant)', async () => {
    const { router } = setup([{ name: 'tenant', window: 'day', limitUsd: perRequest / 2, tag: 'tenant' }]);
    expect((await router.chat(request, { dataClass: 'public', tags: { tenant: 'acme' } })).provider).toBe(
      'cloud',
    );
    expect((await router.chat(request, { dataClass: 'public', tags: { tenant: 'acme' } })).provider).toBe(
      'local',
    );
    expect((await router.chat(request, { dataClass: 'public', tags: { tenant: 'globex' } })).provider).toBe(
      'cloud',
    );
    // Untagged requests are outside a per-tag budget.
    expect((await router.chat(request, { dataClass: 'public' })).provider).toBe('cloud');
  });

  it('applies workload budgets to that workload only', async () => {
    const { router } = setup([
      { name: 'agents', window: 'day', limitUsd: perRequest / 2, workload: 'agent' },
    ]);
    await router.chat(request, { dataClass: 'public', workload: 'agent' });
    expect((await router.chat(request, { dataClass: 'public', workload: 'agent' })).provider).toBe('local');
    expect((await router.chat(request, { dataClass: 'public', workload: 'chat' })).provider).toBe('cloud');
  });

  it('emits one budget_soft_limit warning when spend crosses the soft limit', async () => {
    const { router, warnings } = setup([
      { name: 'daily', window: 'day', limitUsd: perRequest * 10, softLimitUsd: perRequest * 1.5 },
    ]);
    for (let index = 0; index < 4; index++) await router.chat(request, { dataClass: 'public' });
    const soft = warnings.filter((warning) => warning.code === 'budget_soft_limit');
    expect(soft).toHaveLength(1);
    expect(soft[0]).toMatchObject({
      detail: { budget: 'daily', window: 'day', softLimitUsd: perRequest * 1.5, limitUsd: perRequest * 10 },
    });
    expect((soft[0]!.detail as { spentUsd: number }).spentUsd).toBeCloseTo(perRequest * 2, 8);
  });
});

describe('budgets: reservations', () => {
  it('releases the reservation of a failed call (providers do not bill errors)', async () => {
    const { router, store } = setup([{ name: 'daily', window: 'day', limitUsd: 1 }], {
      cloudScript: [{ fault: 'http', status: 500 }],
    });
    const answer = await router.chat(request, { dataClass: 'public' });
    expect(answer.provider).toBe('backup');
    const [counter] = Object.values(store.snapshot());
    expect(counter!.reserved).toBe(0);
    expect(counter!.spent / 1e9).toBeCloseTo(perRequest, 8);
  });

  it('settles streamed calls too', async () => {
    const { router, store, audit } = setup([{ name: 'daily', window: 'day', limitUsd: 1 }]);
    let text = '';
    for await (const event of router.stream(request, { dataClass: 'public' })) {
      if (event.type === 'text-delta') text += event.text;
    }
    expect(text).toBe('the cloud answer');
    const [counter] = Object.values(store.snapshot());
    expect(counter!.reserved).toBe(0);
    expect(counter!.spent / 1e9).toBeCloseTo(perRequest, 8);
    expect(costOf(audit.records[0]).cloudUsd).toBeCloseTo(perRequest, 12);
  });

  it('refuses calls past the limit at reservation time, so concurrent requests overshoot by at most one', async () => {
    const limit = perRequest * 10.5;
    const { router, store, audit } = setup([{ name: 'burst', window: 'day', limitUsd: limit }]);
    const answers = await Promise.all(
      Array.from({ length: 60 }, () => router.chat(request, { dataClass: 'public' })),
    );
    const cloudServed = answers.filter((answer) => answer.provider !== 'local').length;
    const [counter] = Object.values(store.snapshot());
    const spent = counter!.spent / 1e9;
    expect(spent).toBeLessThanOrEqual(limit + perRequest + 1e-12);
    expect(spent).toBeGreaterThanOrEqual(limit);
    expect(spent).toBeCloseTo(cloudServed * perRequest, 8);
    expect(counter!.reserved).toBe(0);
    // Refused cloud calls fell back to local and say why.
    const refused = audit.records.filter((record) => costOf(record).budget?.refused);
    expect(refused.length).toBeGreaterThan(0);
    expect(refused.every((record) => record.provider === 'local')).toBe(true);
  });
});
