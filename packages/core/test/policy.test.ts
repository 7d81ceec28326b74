import { createFakeProvider } from '@switchyard/testing';
import { describe, expect, it } from 'vitest';
import { createRouter, NoEligibleRouteError } from '../src/index';
import { ask, failure, fast } from './helpers';

function providers() {
  return {
    local: createFakeProvider({ id: 'local-qwen', kind: 'local' }),
    bigLocal: createFakeProvider({ id: 'local-70b', kind: 'local' }),
    openai: createFakeProvider({ id: 'openai', kind: 'cloud' }),
    anthropic: createFakeProvider({ id: 'anthropic', kind: 'cloud' }),
  };
}

describe('data-class policy', () => {
  it('sends regulated requests to local providers only', async () => {
    const { local, openai } = providers();
    const router = createRouter({ providers: [openai, local] });
    const plan = await router.explain(ask(), { dataClass: 'regulated' });
    expect(plan.order).toEqual(['local-qwen']);
    expect(plan.candidates.find((candidate) => candidate.provider === 'openai')).toMatchObject({
      eligible: false,
      rule: 'regulated-local-only',
    });
    const response = await router.chat(ask(), { dataClass: 'regulated' });
    expect(response.provider).toBe('local-qwen');
    expect(openai.calls).toHaveLength(0);
  });

  it('fails closed with a typed error when no local provider is healthy for regulated data', async () => {
    const local = createFakeProvider({ id: 'local-qwen', health: 'down' });
    const openai = createFakeProvider({ id: 'openai', kind: 'cloud' });
    const router = createRouter({ providers: [local, openai], ...fast });
    const error = await failure(() => router.chat(ask(), { dataClass: 'regulated' }));
    expect(NoEligibleRouteError.isInstance(error)).toBe(true);
    expect((error as NoEligibleRouteError).rejected.map((entry) => entry.rule).sort()).toEqual([
      'regulated-local-only',
      'unhealthy',
    ]);
    expect((error as Error).message).toMatch(/regulated/);
    expect(openai.calls).toHaveLength(0);
    expect(local.calls).toHaveLength(0);
  });

  it('sends internal requests local first', async () => {
    const { local, openai } = providers();
    const router = createRouter({ providers: [openai, local] });
    const plan = await router.explain(ask(), { dataClass: 'internal' });
    expect(plan.order).toEqual(['local-qwen', 'openai']);
    expect((await router.chat(ask(), { dataClass: 'internal' })).provider).toBe('local-qwen');
  });

  it('overflows internal requests to cloud when local reports no free slot', async () => {
    const local = createFakeProvider({ id: 'local-qwen', capacity: { freeSlots: 0, totalSlots: 2 } });
    const openai = createFakeProvider({ id: 'openai', kind: 'cloud' });
    const router = createRouter({ providers: [local, openai], ...fast });
    const plan = await router.explain(ask(), { dataClass: 'internal' });
    expect(plan.order).toEqual(['openai', 'local-qwen']);
    expect(plan.candidates.find((candidate) => candidate.provider === 'local-qwen')?.rule).toBe('overflow');
    const overflowed = await router.chat(ask(), { dataClass: 'internal' });
    expect(overflowed.provider).toBe('openai');
    expect(overflowed.routing.reason).toBe('overflow: local-qwen at capacity');
    local.setCapacity({ freeSlots: 1, totalSlots: 2 });
    expect((await router.chat(ask(), { dataClass: 'internal' })).provider).toBe('local-qwen');
  });

  it("overflows internal requests when the router's own slots for local are all busy", async () => {
    const local = createFakeProvider({ id: 'local-qwen', latencyMs: 30 });
    const openai = createFakeProvider({ id: 'openai', kind: 'cloud' });
    const router = createRouter({
      providers: [local, openai],
      providerSettings: { 'local-qwen': { concurrency: 1 } },
    });
    const [first, second] = await Promise.all([
      router.chat(ask(), { dataClass: 'internal' }),
      router.chat(ask(), { dataClass: 'internal' }),
    ]);
    expect(first.provider).toBe('local-qwen');
    expect(second.provider).toBe('openai');
    expect(second.routing.reason).toBe('overflow: local-qwen at capacity');
  });

  it('keeps internal requests local (queued) when overflow to cloud is disabled', async () => {
    const local = createFakeProvider({ id: 'local-qwen', capacity: { freeSlots: 0 } });
    const openai = createFakeProvider({ id: 'openai', kind: 'cloud' });
    const router = createRouter({
      providers: [local, openai],
      policy: { internal: { overflowToCloud: false } },
      ...fast,
    });
    const plan = await router.explain(ask(), { dataClass: 'internal' });
    expect(plan.order).toEqual(['local-qwen']);
    expect(plan.candidates.find((candidate) => candidate.provider === 'openai')?.rule).toBe(
      'internal-local-only',
    );
  });

  it('prefers cloud for public requests, with local as fallback', async () => {
    const { local, openai } = providers();
    const router = createRouter({ providers: [local, openai] });
    const plan = await router.explain(ask(), { dataClass: 'public' });
    expect(plan.order).toEqual(['openai', 'local-qwen']);
    expect((await router.chat(ask(), { dataClass: 'public' })).provider).toBe('openai');
  });

  it('can prefer local for public requests by policy', async () => {
    const { local, openai } = providers();
    const router = createRouter({ providers: [local, openai], policy: { public: { prefer: 'local' } } });
    expect((await router.explain(ask(), { dataClass: 'public' })).order).toEqual(['local-qwen', 'openai']);
  });

  it('uses the configured default class when neither caller nor classifier sets one', async () => {
    const { local, openai } = providers();
    const router = createRouter({ providers: [local, openai] });
    const plan = await router.explain(ask());
    expect(plan).toMatchObject({ dataClass: 'internal', dataClassSource: 'default' });
    const publicByDefault = createRouter({
      providers: [local, openai],
      policy: { defaultDataClass: 'public' },
    });
    expect((await publicByDefault.explain(ask())).dataClass).toBe('public');
  });

  it('takes the class from the classifier when the caller gives none', async () => {
    const { local, openai } = providers();
    const router = createRouter({
      providers: [local, openai],
      classifier: () => ({ dataClass: 'regulated', labels: ['phi'], detectors: { icd10: 1, us_ssn: 1 } }),
    });
    const plan = await router.explain(ask());
    expect(plan).toMatchObject({ dataClass: 'regulated', dataClassSource: 'classifier' });
    expect(plan.classification?.detectors).toEqual({ icd10: 1, us_ssn: 1 });
  });

  it('lets a caller raise the class above the classifier', async () => {
    const { local, openai } = providers();
    const router = createRouter({
      providers: [local, openai],
      classifier: () => ({ labels: [], detectors: {} }),
    });
    expect(await router.explain(ask(), { dataClass: 'regulated' })).toMatchObject({
      dataClass: 'regulated',
      dataClassSource: 'caller',
    });
  });

  it("does not let a caller lower the classifier's class unless the policy allows it", async () => {
    const { local, openai } = providers();
    const classifier = () => ({ dataClass: 'regulated' as const, labels: ['npi'], detectors: { us_ssn: 1 } });
    const strict = createRouter({ providers: [local, openai], classifier });
    const plan = await strict.explain(ask(), { dataClass: 'public' });
    expect(plan).toMatchObject({
      dataClass: 'regulated',
      dataClassSource: 'classifier',
      callerDataClass: 'public',
    });
    expect((await strict.chat(ask(), { dataClass: 'public' })).provider).toBe('local-qwen');
    expect(openai.calls).toHaveLength(0);

    const lenient = createRouter({
      providers: [local, openai],
      classifier,
      policy: { callerMayLower: true },
    });
    expect((await lenient.explain(ask(), { dataClass: 'public' })).dataClass).toBe('public');
  });

  it('treats a throwing classifier as regulated', async () => {
    const { local, openai } = providers();
    const router = createRouter({
      providers: [local, openai],
      classifier: () => {
        throw new Error('model crashed');
      },
    });
    const warnings: string[] = [];
    router.on('warning', (warning) => warnings.push(warning.code));
    const plan = await router.explain(ask(), { dataClass: 'public' });
    expect(plan).toMatchObject({ dataClass: 'regulated', dataClassSource: 'classifier-failed' });
    expect(warnings).toContain('classifier_failed');
  });

  it('treats a classifier that times out or returns garbage as regulated', async () => {
    const { local, openai } = providers();
    const slow = createRouter({
      providers: [local, openai],
      classifier: () => new Promise(() => {}),
      timeouts: { classifierMs: 20 },
    });
    expect((await slow.explain(ask(), { dataClass: 'public' })).dataClass).toBe('regulated');
    const garbage = createRouter({
      providers: [local, openai],
      classifier: (() => 'public') as never,
    });
    expect((await garbage.explain(ask())).dataClass).toBe('regulated');
  });

  it("applies a workload's minimum data class", async () => {
    const { local, openai } = providers();
    const router = createRouter({
      providers: [local, openai],
      policy: { workloads: { 'patient-notes': { minDataClass: 'regulated' } } },
    });
    const plan = await router.explain(ask(), { workload: 'patient-notes', dataClass: 'public' });
    expect(plan).toMatchObject({ dataClass: 'regulated', dataClassSource: 'workload-floor' });
    expect(plan.order).toEqual(['local-qwen']);
  });

  it("orders providers by a workload's preference, within what the class allows", async () => {
    const { local, bigLocal, openai, anthropic } = providers();
    const router = createRouter({
      providers: [local, bigLocal, openai, anthropic],
      policy: {
        workloads: {
          summarize: { prefer: ['local-70b'] },
          reason: { prefer: ['anthropic', 'openai'] },
        },
      },
    });
    const summarize = await router.explain(ask(), { workload: 'summarize', dataClass: 'internal' });
    expect(summarize.order).toEqual(['local-70b', 'local-qwen', 'openai', 'anthropic']);
    expect(summarize.candidates[0]).toMatchObject({ provider: 'local-70b', rule: 'workload-prefer' });
    const reason = await router.explain(ask(), { workload: 'reason', dataClass: 'public' });
    expect(reason.order.slice(0, 2)).toEqual(['anthropic', 'openai']);
    const regulatedReason = await router.explain(ask(), { workload: 'reason', dataClass: 'regulated' });
    expect(regulatedReason.order).toEqual(['local-qwen', 'local-70b']);
  });

  it('applies workload allow and deny lists', async () => {
    const { local, bigLocal, openai } = providers();
    const router = createRouter({
      providers: [local, bigLocal, openai],
      policy: { workloads: { extract: { allow: ['local-qwen', 'openai'], deny: ['openai'] } } },
    });
    const plan = await router.explain(ask(), { workload: 'extract', dataClass: 'public' });
    expect(plan.order).toEqual(['local-qwen']);
    const rules = Object.fromEntries(
      plan.candidates.map((candidate) => [candidate.provider, candidate.rule]),
    );
    expect(rules).toMatchObject({ 'local-70b': 'workload-allow', openai: 'workload-deny' });
  });

  it('restricts a class to its configured providers', async () => {
    const { local, bigLocal, openai } = providers();
    const router = createRouter({
      providers: [local, bigLocal, openai],
      policy: { regulated: { providers: ['local-70b'] } },
    });
    const plan = await router.explain(ask(), { dataClass: 'regulated' });
    expect(plan.order).toEqual(['local-70b']);
    expect(plan.candidates.find((candidate) => candidate.provider === 'local-qwen')?.rule).toBe(
      'class-providers',
    );
  });

  it('skips providers whose context window is too small', async () => {
    const small = createFakeProvider({ id: 'local-small', contextWindow: 50 });
    const large = createFakeProvider({ id: 'local-large', contextWindow: 100_000 });
    const router = createRouter({ providers: [small, large] });
    const plan = await router.explain(ask('x'.repeat(2_000)), { dataClass: 'regulated' });
    expect(plan.order).toEqual(['local-large']);
    expect(plan.candidates.find((candidate) => candidate.provider === 'local-small')).toMatchObject({
      rule: 'context-window',
      eligible: false,
    });
  });

  it('explain() calls no provider and lists every candidate with a rule and reason', async () => {
    const { local, bigLocal, openai, anthropic } = providers();
    const router = createRouter({ providers: [local, bigLocal, openai, anthropic] });
    const plan = await router.explain(ask(), { dataClass: 'regulated', workload: 'summarize' });
    expect(plan.candidates).toHaveLength(4);
    for (const candidate of plan.candidates) {
      expect(candidate.rule.length).toBeGreaterThan(0);
      expect(candidate.reason.length).toBeGreaterThan(0);
      expect(candidate.eligible).toBe(candidate.rank !== undefined);
    }
    expect(plan.workload).toBe('summarize');
    for (const provider of [local, bigLocal, openai, anthropic]) expect(provider.calls).toHaveLength(0);
  });
});

describe('capacity across local providers', () => {
  it('sends regulated work to a local provider with a free slot before a full one', async () => {
    const full = createFakeProvider({ id: 'local-a', capacity: { freeSlots: 0 } });
    const spare = createFakeProvider({ id: 'local-b' });
    const cloud = createFakeProvider({ id: 'cloud', kind: 'cloud' });
    const router = createRouter({ providers: [full, spare, cloud], ...fast });
    const plan = await router.explain(ask(), { dataClass: 'regulated' });
    expect(plan.order).toEqual(['local-b', 'local-a']);
    expect(plan.candidates.find((candidate) => candidate.provider === 'local-a')?.rule).toBe('capacity');
    const response = await router.chat(ask(), { dataClass: 'regulated' });
    expect(response.provider).toBe('local-b');
  });

  it('passes over a local provider that filled up since planning', async () => {
    const busy = createFakeProvider({ id: 'local-a', latencyMs: 20 });
    const spare = createFakeProvider({ id: 'local-b' });
    const router = createRouter({
      providers: [busy, spare],
      providerSettings: { 'local-a': { concurrency: 1 } },
    });
    const [first, second] = await Promise.all([
      router.chat(ask(), { dataClass: 'regulated' }),
      router.chat(ask(), { dataClass: 'regulated' }),
    ]);
    expect(first.provider).toBe('local-a');
    expect(second.provider).toBe('local-b');
    expect(second.routing.reason).toMatch(/local-a at capacity/);
  });
});
