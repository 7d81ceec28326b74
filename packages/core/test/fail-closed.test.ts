import { createFakeProvider, type FakeStep } from '@switchyard/testing';
import { describe, expect, it } from 'vitest';
import { createMemoryAuditSink, createRouter, type RouterPlugin, SwitchyardError } from '../src/index';
import { ask, drain } from './helpers';

const FAULTS: Array<[string, FakeStep]> = [
  ['HTTP 500', { fault: 'http', status: 500 }],
  ['HTTP 503', { fault: 'http', status: 503 }],
  ['HTTP 400', { fault: 'http', status: 400 }],
  ['HTTP 401', { fault: 'http', status: 401 }],
  ['429 with retry-after', { fault: 'rate-limit', retryAfterMs: 5 }],
  ['429 with a long retry-after', { fault: 'rate-limit', retryAfterMs: 600_000 }],
  ['timeout', { fault: 'timeout' }],
  ['hang', { fault: 'hang' }],
  ['disconnect', { fault: 'disconnect' }],
  ['context length', { fault: 'context-length' }],
  ['stream cut', { fault: 'cut', afterChunks: 1 }],
  ['in-stream error', { fault: 'error-event', afterChunks: 1 }],
  ['slow first token', { slowFirstTokenMs: 2_000 }],
];

/** A judge that always asks for cloud, and a route hook that always prefers cloud: hostile plugins. */
const hostile: RouterPlugin[] = [
  {
    name: 'always-escalate',
    judge: () => ({ escalate: true, to: ['cloud'], reason: 'hostile', confidence: 0 }),
    streamBuffer: () => 1,
  },
  { name: 'prefer-cloud', route: (draft) => draft.prefer(['cloud'], 'hostile', 'hostile') },
];

function setup(step: FakeStep) {
  const local = createFakeProvider({ id: 'local', reply: 'local answer here', thereafter: step });
  const cloud = createFakeProvider({ id: 'cloud', kind: 'cloud' });
  const router = createRouter({
    providers: [local, cloud],
    plugins: hostile,
    policy: { workloads: { any: { prefer: ['cloud', 'local'] } }, internal: { overflowToCloud: true } },
    retry: { retries: 2, minDelayMs: 1, maxDelayMs: 2 },
    timeouts: { attemptMs: 40, firstTokenMs: 40, idleMs: 40, totalMs: 400 },
    circuitBreaker: { failureThreshold: 1, cooldownMs: 60_000 },
    providerSettings: { local: { concurrency: 1, maxQueue: 0 } },
  });
  return { local, cloud, router };
}

describe('fail closed: regulated data never reaches cloud', () => {
  it.each(FAULTS)('under %s (chat and stream), with hostile plugins', async (_name, step) => {
    const { cloud, router } = setup(step);
    for (let round = 0; round < 3; round++) {
      const outcome = await router
        .chat({ ...ask(), logprobs: true }, { dataClass: 'regulated', workload: 'any' })
        .then(
          (response) => response,
          (error: unknown) => error,
        );
      if (SwitchyardError.isInstance(outcome)) expect(outcome.code.length).toBeGreaterThan(0);
      else expect((outcome as { provider: string }).provider).toBe('local');
      await drain(router.stream(ask(), { dataClass: 'regulated', workload: 'any' })).catch(
        (error: unknown) => {
          expect(SwitchyardError.isInstance(error)).toBe(true);
        },
      );
    }
    expect(cloud.calls).toHaveLength(0);
  });

  it('when the only local provider is down, loading, full, or in cooldown', async () => {
    for (const state of ['down', 'loading'] as const) {
      const local = createFakeProvider({ id: 'local', health: state });
      const cloud = createFakeProvider({ id: 'cloud', kind: 'cloud' });
      const router = createRouter({ providers: [local, cloud], probes: { healthTtlMs: 0 } });
      await expect(router.chat(ask(), { dataClass: 'regulated' })).rejects.toMatchObject({
        code: 'no_eligible_route',
      });
      expect(cloud.calls).toHaveLength(0);
    }
    const full = createFakeProvider({ id: 'local', latencyMs: 20, capacity: { freeSlots: 0 } });
    const cloud = createFakeProvider({ id: 'cloud', kind: 'cloud' });
    const router = createRouter({
      providers: [full, cloud],
      providerSettings: { local: { concurrency: 1, maxQueue: 0 } },
    });
    const results = await Promise.allSettled(
      [1, 2, 3].map(() => router.chat(ask(), { dataClass: 'regulated' })),
    );
    expect(results.some((result) => result.status === 'rejected')).toBe(true);
    expect(cloud.calls).toHaveLength(0);
  });

  it('when the classifier crashes, even if the caller says public', async () => {
    const local = createFakeProvider({ id: 'local' });
    const cloud = createFakeProvider({ id: 'cloud', kind: 'cloud' });
    const router = createRouter({
      providers: [local, cloud],
      classifier: () => {
        throw new RangeError('regex exploded');
      },
    });
    expect((await router.chat(ask(), { dataClass: 'public' })).provider).toBe('local');
    expect(cloud.calls).toHaveLength(0);
  });

  it('when a provider object changes its kind after createRouter()', async () => {
    const sneaky = createFakeProvider({ id: 'sneaky', kind: 'cloud' });
    const local = createFakeProvider({ id: 'local' });
    const router = createRouter({ providers: [local, sneaky] });
    (sneaky as { kind: string }).kind = 'local';
    await router.chat(ask(), { dataClass: 'regulated' });
    expect(sneaky.calls).toHaveLength(0);
  });

  it('audit records say so: regulated requests all served locally', async () => {
    const audit = createMemoryAuditSink();
    const local = createFakeProvider({ id: 'local', script: [{ fault: 'http', status: 500 }] });
    const cloud = createFakeProvider({ id: 'cloud', kind: 'cloud' });
    const router = createRouter({ providers: [local, cloud], audit, retry: { retries: 0 } });
    await router.chat(ask(), { dataClass: 'regulated' }).catch(() => {});
    await router.chat(ask(), { dataClass: 'regulated' });
    for (const record of audit.records) {
      expect(record.attempts.every((attempt) => attempt.kind === 'local')).toBe(true);
    }
  });
});
