import {
  type AuditRecord,
  ConfigError,
  createMemoryAuditSink,
  createRouter,
  type RouterEvents,
  type RouterPlugin,
} from '@switchyard/core';
import { createFakeProvider } from '@switchyard/testing';
import { describe, expect, it } from 'vitest';
import { createPriceCatalog } from '../catalog/price-catalog';
import { busySeconds, usdPerBusySecond } from '../local/compute-tco';
import { resolveLocalDeployment } from '../local/hardware-presets';
import { priceUsage } from '../pricing/price-usage';
import { formatCostSummary, summarizeCosts } from '../summary/cost-summary';
import { createCostMeter } from './create-cost-meter';
import type { RequestCost } from './request-cost';

const catalog = createPriceCatalog();
const price = (model: string) => catalog.resolve(model)!;
const deployment = resolveLocalDeployment({ preset: 'mac-studio-m3-ultra-256gb', utilization: 0.4 });
const request = {
  messages: [{ role: 'user' as const, content: 'Summarize the quarterly numbers in two lines please.' }],
};

function setup(options: { meter?: Parameters<typeof createCostMeter>[0]; plugins?: RouterPlugin[] } = {}) {
  const local = createFakeProvider({
    id: 'local-qwen',
    kind: 'local',
    model: 'qwen3-30b-a3b',
    reply: 'the local answer here',
  });
  const openai = createFakeProvider({
    id: 'openai',
    kind: 'cloud',
    model: 'gpt-4o-mini-2024-07-18',
    reply: 'the cloud answer',
  });
  const anthropic = createFakeProvider({
    id: 'anthropic',
    kind: 'cloud',
    model: 'claude-haiku-4-5-20251001',
    reply: 'claude says',
  });
  const meter = createCostMeter({ deployments: { 'local-qwen': deployment }, ...options.meter });
  const audit = createMemoryAuditSink();
  const warnings: RouterEvents['warning'][] = [];
  const router = createRouter({
    providers: [local, openai, anthropic],
    plugins: [meter, ...(options.plugins ?? [])],
    audit,
  });
  router.on('warning', (warning) => warnings.push(warning));
  return { router, meter, audit, warnings, local, openai };
}

const costOf = (record: AuditRecord | undefined) => record?.cost as RequestCost;

describe('createCostMeter in a router', () => {
  it('prices a locally served request by busy time and compares it with the cheapest cloud candidate', async () => {
    const { router, audit } = setup();
    await router.chat(request, { workload: 'summarize', dataClass: 'internal' });
    const record = audit.records[0]!;
    expect(record.provider).toBe('local-qwen');
    const cost = costOf(record);
    const usage = record.usage!;
    const localUsd = busySeconds(usage, deployment) * usdPerBusySecond(deployment);
    expect(cost.localUsd).toBeCloseTo(localUsd, 15);
    expect(cost.cloudUsd).toBe(0);
    expect(cost.totalUsd).toBeCloseTo(localUsd, 15);
    // gpt-4o-mini is cheaper than claude-haiku-4-5 for the same usage: it is the shadow.
    const mini = priceUsage(usage, price('gpt-4o-mini'));
    expect(mini).toBeLessThan(priceUsage(usage, price('claude-haiku-4-5')));
    expect(cost.shadow).toEqual({ provider: 'openai', model: 'gpt-4o-mini', usd: mini });
    expect(cost.allCloudUsd).toBeCloseTo(mini, 15);
    expect(cost.savingsUsd).toBeCloseTo(mini - localUsd, 15);
    expect(cost.attempts).toEqual([
      {
        provider: 'local-qwen',
        kind: 'local',
        model: 'qwen3-30b-a3b',
        outcome: 'success',
        usd: localUsd,
        busySeconds: expect.any(Number),
      },
    ]);
  });

  it('prices a cloud answer by its model, resolving dated snapshots', async () => {
    const { router, audit } = setup();
    await router.chat(request, { dataClass: 'public' });
    const record = audit.records[0]!;
    expect(record.provider).toBe('openai');
    const cost = costOf(record);
    const expected = priceUsage(record.usage!, price('gpt-4o-mini'));
    expect(cost.cloudUsd).toBeCloseTo(expected, 15);
    expect(cost.totalUsd).toBeCloseTo(expected, 15);
    expect(cost.allCloudUsd).toBeCloseTo(expected, 15);
    expect(cost.savingsUsd).toBe(0);
    expect(cost.shadow).toBeUndefined();
  });

  it('counts the discarded local answer of an escalation in the cost', async () => {
    const escalateLocal: RouterPlugin = {
      name: 'always-escalate',
      judge: (_response, _context, info) =>
        info.provider.kind === 'local'
          ? { escalate: true, to: ['anthropic'], reason: 'low confidence', confidence: 0.2 }
          : undefined,
    };
    const { router, audit } = setup({ plugins: [escalateLocal] });
    const answer = await router.chat(request, { workload: 'extract', dataClass: 'internal' });
    expect(answer.provider).toBe('anthropic');
    const record = audit.records[0]!;
    expect(record.attempts.map((attempt) => attempt.outcome)).toEqual(['discarded', 'success']);
    const cost = costOf(record);
    const [discarded, served] = cost.attempts;
    expect(discarded).toMatchObject({ provider: 'local-qwen', outcome: 'discarded' });
    expect(served).toMatchObject({
      provider: 'anthropic',
      outcome: 'success',
      model: 'claude-haiku-4-5-20251001',
    });
    expect(served!.usd).toBeCloseTo(priceUsage(record.attempts[1]!.usage!, price('claude-haiku-4-5')), 15);
    expect(cost.discardedUsd).toBeCloseTo(discarded!.usd!, 15);
    expect(cost.totalUsd).toBeCloseTo(discarded!.usd! + served!.usd!, 15);
    // All-cloud would have paid for the cloud answer only: the escalation cost the local call extra.
    expect(cost.savingsUsd).toBeCloseTo(-discarded!.usd!, 15);
  });

  it('never prices an unknown model at zero: cost null and a warning event', async () => {
    const local = createFakeProvider({ id: 'local', kind: 'local' });
    const mystery = createFakeProvider({ id: 'mystery', kind: 'cloud', model: 'mystery-model-9000' });
    const meter = createCostMeter({ deployments: { local: 'rtx-4090' } });
    const audit = createMemoryAuditSink();
    const router = createRouter({ providers: [local, mystery], plugins: [meter], audit });
    const warnings: RouterEvents['warning'][] = [];
    router.on('warning', (warning) => warnings.push(warning));
    const answer = await router.chat(request, { dataClass: 'public' });
    const cost = costOf(audit.records[0]);
    expect(cost.totalUsd).toBeNull();
    expect(cost.cloudUsd).toBeNull();
    expect(cost.attempts[0]!.usd).toBeNull();
    expect(cost.unknown).toEqual(['mystery-model-9000']);
    expect(warnings).toEqual([
      expect.objectContaining({
        requestId: answer.requestId,
        code: 'unknown_price',
        message: expect.stringContaining("'mystery-model-9000'"),
        detail: { provider: 'mystery', model: 'mystery-model-9000', kind: 'cloud' },
      }),
    ]);
    expect(meter.totals()).toMatchObject({ requests: 1, unknownCost: 1, cloudUsd: 0 });
  });

  it('warns when a local provider has no deployment (cost unknown, not free)', async () => {
    const local = createFakeProvider({ id: 'local', kind: 'local' });
    const meter = createCostMeter();
    const audit = createMemoryAuditSink();
    const router = createRouter({ providers: [local], plugins: [meter], audit });
    const warnings: RouterEvents['warning'][] = [];
    router.on('warning', (warning) => warnings.push(warning));
    await router.chat(request);
    expect(costOf(audit.records[0]).localUsd).toBeNull();
    expect(warnings[0]).toMatchObject({ code: 'unknown_local_cost' });
  });

  it("prices every unlisted local provider with the '*' deployment", async () => {
    const local = createFakeProvider({ id: 'any-local', kind: 'local' });
    const meter = createCostMeter({ deployments: { '*': 'l40s' } });
    const audit = createMemoryAuditSink();
    const router = createRouter({ providers: [local], plugins: [meter], audit });
    await router.chat(request);
    const l40s = resolveLocalDeployment('l40s');
    const record = audit.records[0]!;
    expect(costOf(record).localUsd).toBeCloseTo(
      busySeconds(record.usage!, l40s) * usdPerBusySecond(l40s),
      15,
    );
    expect(meter.totals().local.map((entry) => entry.provider)).toEqual(['any-local']);
  });

  it('uses the prices map (and its batch flag) over the adapter model', async () => {
    const local = createFakeProvider({ id: 'local', kind: 'local' });
    const batchy = createFakeProvider({ id: 'batchy', kind: 'cloud', model: 'house-alias' });
    const meter = createCostMeter({
      deployments: { local: 'l40s' },
      prices: { batchy: { model: 'claude-sonnet-4-6', batch: true } },
    });
    const audit = createMemoryAuditSink();
    const router = createRouter({ providers: [local, batchy], plugins: [meter], audit });
    await router.chat(request, { dataClass: 'public' });
    const record = audit.records[0]!;
    expect(costOf(record).cloudUsd).toBeCloseTo(
      priceUsage(record.usage!, price('claude-sonnet-4-6')) / 2,
      15,
    );
  });

  it('takes explicit shadow candidates, per workload', async () => {
    const { router, audit } = setup({
      meter: { shadow: { candidates: ['gpt-4.1', { model: 'gpt-4.1-nano', workloads: ['classify'] }] } },
    });
    await router.chat(request, { workload: 'summarize', dataClass: 'internal' });
    await router.chat(request, { workload: 'classify', dataClass: 'internal' });
    expect(costOf(audit.records[0]).shadow?.model).toBe('gpt-4.1');
    expect(costOf(audit.records[1]).shadow?.model).toBe('gpt-4.1-nano');
  });

  it('computes shadow costs for regulated requests even though cloud was never eligible', async () => {
    const { router, audit } = setup();
    await router.chat(request, { workload: 'patient-notes', dataClass: 'regulated' });
    const record = audit.records[0]!;
    expect(record.provider).toBe('local-qwen');
    expect(costOf(record).shadow?.model).toBe('gpt-4o-mini');
  });

  it('keeps totals: cloud spend, local cost, savings versus all-cloud, observed utilization', async () => {
    let clock = 1_000_000;
    const { router, meter, audit } = setup({ meter: { now: () => clock } });
    await router.chat(request, { workload: 'summarize', dataClass: 'internal' });
    await router.chat(request, { workload: 'summarize', dataClass: 'internal' });
    await router.chat(request, { workload: 'answer', dataClass: 'public' });
    clock += 60_000;
    const totals = meter.totals();
    const fromRecords = summarizeCosts(audit.records);
    expect(totals).toMatchObject({ requests: 3, servedLocal: 2, servedCloud: 1, failed: 0 });
    expect(totals.cloudUsd).toBeCloseTo(fromRecords.cloudUsd, 15);
    expect(totals.localUsd).toBeCloseTo(fromRecords.localUsd, 15);
    expect(totals.savingsUsd).toBeCloseTo(fromRecords.savingsUsd, 15);
    expect(totals.totalUsd).toBeCloseTo(totals.cloudUsd + totals.localUsd, 15);
    expect(totals.allCloudUsd - totals.totalUsd).toBeCloseTo(totals.savingsUsd, 15);
    expect(totals.localShare).toBeCloseTo(2 / 3, 12);
    const [utilization] = totals.local;
    expect(utilization!.provider).toBe('local-qwen');
    expect(utilization!.elapsedSeconds).toBe(60);
    expect(utilization!.observedUtilization).toBeCloseTo(utilization!.busySeconds / 60, 12);
    // Mostly idle: each token costs far more than at the planned 40%.
    expect(utilization!.usdPerMTokObserved).toBeGreaterThan(utilization!.usdPerMTokPlanned);
    expect(formatCostSummary(totals)).toContain('Savings:');
    meter.reset();
    expect(meter.totals().requests).toBe(0);
  });

  it('prices records offline with costOf', async () => {
    const { router, meter, audit } = setup();
    await router.chat(request, { dataClass: 'public' });
    const record = audit.records[0]!;
    expect(meter.costOf({ ...record, cost: undefined }).totalUsd).toBeCloseTo(costOf(record).totalUsd!, 15);
  });
});

describe('createCostMeter options', () => {
  it('rejects bad options with a ConfigError naming the field', () => {
    const cases: [unknown, RegExp][] = [
      [{ prices: { openai: 'gpt-17' } }, /prices\.openai: no price for model 'gpt-17'/],
      [
        { shadow: { candidates: ['nope-model'] } },
        /shadow\.candidates\[0\]: no price for model 'nope-model'/,
      ],
      [{ deployments: { local: 'gtx-1080' } }, /deployments\.local: unknown hardware preset 'gtx-1080'/],
      [
        { deployments: { local: { preset: 'l40s', utilization: 2 } } },
        /deployments\.local\.utilization: must be at most 1/,
      ],
      [
        { budgets: [{ name: 'a', window: 'week', limitUsd: 1 }] },
        /budgets\[0\]\.window: must be 'day' or 'month'/,
      ],
      [
        { budgets: [{ name: 'a', window: 'day', limitUsd: 5, softLimitUsd: 6 }] },
        /budgets\[0\]\.softLimitUsd: must be below limitUsd/,
      ],
      [
        {
          budgets: [
            { name: 'a', window: 'day', limitUsd: 1 },
            { name: 'a', window: 'month', limitUsd: 2 },
          ],
        },
        /budgets\[1\]\.name: 'a' is used/,
      ],
      [
        { budgets: [{ name: 'a', window: 'day', limitUsd: -1 }] },
        /budgets\[0\]\.limitUsd: must be greater than 0/,
      ],
      [{ store: {} }, /store: must be a budget store/],
      [{ colour: 'red' }, /unknown option 'colour'/],
    ];
    for (const [options, message] of cases) {
      let thrown: unknown;
      try {
        createCostMeter(options as never);
      } catch (error) {
        thrown = error;
      }
      expect(ConfigError.isInstance(thrown), String(message)).toBe(true);
      expect((thrown as Error).message).toMatch(message);
    }
  });

  it('uses the catalog it is given', () => {
    const meter = createCostMeter({
      catalog: catalog.with([
        {
          id: 'x',
          provider: 'y',
          inputPerMTok: 1,
          outputPerMTok: 1,
          asOf: '2026-01-01',
          source: 'https://x',
        },
      ]),
    });
    expect(meter.catalog.resolve('x')?.id).toBe('x');
  });
});
