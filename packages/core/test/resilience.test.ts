import { createFakeProvider } from '@switchyard/testing';
import { describe, expect, it, vi } from 'vitest';
import {
  AbortedError,
  AuthenticationError,
  createRouter,
  ProviderUnavailableError,
  RateLimitedError,
  type SwitchyardError,
  TimeoutError,
} from '../src/index';
import { ask, failure, fast, frozenClock, recordEvents } from './helpers';

describe('retries', () => {
  it('retries a retryable failure on the same provider, then succeeds', async () => {
    const local = createFakeProvider({
      id: 'local',
      script: [
        { fault: 'http', status: 503 },
        { fault: 'http', status: 500 },
      ],
    });
    const router = createRouter({ providers: [local], ...fast });
    const log = recordEvents(router);
    const response = await router.chat(ask());
    expect(response.provider).toBe('local');
    expect(local.calls).toHaveLength(3);
    expect(response.routing.retries).toBe(2);
    expect(log.named('retry').map((event) => event.error.code)).toEqual([
      'provider_unavailable',
      'provider_unavailable',
    ]);
  });

  it('waits for retry-after when it is longer than the backoff', async () => {
    const local = createFakeProvider({ id: 'local', script: [{ fault: 'rate-limit', retryAfterMs: 40 }] });
    const router = createRouter({ providers: [local], retry: { retries: 1, minDelayMs: 1, maxDelayMs: 1 } });
    const log = recordEvents(router);
    const started = performance.now();
    await router.chat(ask());
    const [retry] = log.named('retry');
    expect(retry?.delayMs).toBe(40);
    expect(RateLimitedError.isInstance(retry?.error)).toBe(true);
    // The wait really happened (a lower bound, not a speed target).
    expect(performance.now() - started).toBeGreaterThanOrEqual(35);
  });

  it('falls back instead of waiting when retry-after exceeds maxRetryAfterMs', async () => {
    const cloudA = createFakeProvider({
      id: 'cloud-a',
      kind: 'cloud',
      script: [{ fault: 'rate-limit', retryAfterMs: 60_000 }],
    });
    const cloudB = createFakeProvider({ id: 'cloud-b', kind: 'cloud' });
    const local = createFakeProvider({ id: 'local' });
    const router = createRouter({
      providers: [local, cloudA, cloudB],
      retry: { retries: 3, maxRetryAfterMs: 1_000 },
    });
    const log = recordEvents(router);
    const response = await router.chat(ask(), { dataClass: 'public' });
    expect(response.provider).toBe('cloud-b');
    expect(cloudA.calls).toHaveLength(1);
    expect(log.named('retry')).toHaveLength(0);
    expect(log.named('fallback')[0]).toMatchObject({ from: 'cloud-a', to: 'cloud-b' });
  });

  it('keeps a rate-limited provider out of new routes until its retry-after passes', async () => {
    const cloudA = createFakeProvider({
      id: 'cloud-a',
      kind: 'cloud',
      script: [{ fault: 'rate-limit', retryAfterMs: 60_000 }],
    });
    const cloudB = createFakeProvider({ id: 'cloud-b', kind: 'cloud' });
    const local = createFakeProvider({ id: 'local' });
    const router = createRouter({ providers: [local, cloudA, cloudB], retry: { retries: 0 } });
    await router.chat(ask(), { dataClass: 'public' });
    const plan = await router.explain(ask(), { dataClass: 'public' });
    expect(plan.candidates.find((candidate) => candidate.provider === 'cloud-a')?.rule).toBe('rate-limited');
  });

  it('does not retry non-retryable errors, and falls back', async () => {
    const cloudA = createFakeProvider({
      id: 'cloud-a',
      kind: 'cloud',
      script: [{ fault: 'http', status: 401 }],
    });
    const cloudB = createFakeProvider({ id: 'cloud-b', kind: 'cloud' });
    const local = createFakeProvider({ id: 'local' });
    const router = createRouter({ providers: [local, cloudA, cloudB], ...fast });
    const log = recordEvents(router);
    const response = await router.chat(ask(), { dataClass: 'public' });
    expect(response.provider).toBe('cloud-b');
    expect(cloudA.calls).toHaveLength(1);
    expect(AuthenticationError.isInstance(log.named('fallback')[0]?.error)).toBe(true);
  });
});

describe('fallbacks', () => {
  it('walks the chain until a provider answers and reports the path', async () => {
    const localA = createFakeProvider({ id: 'local-a', thereafter: { fault: 'disconnect' } });
    const localB = createFakeProvider({ id: 'local-b', thereafter: { fault: 'http', status: 500 } });
    const cloud = createFakeProvider({ id: 'cloud', kind: 'cloud' });
    const router = createRouter({ providers: [localA, localB, cloud], retry: { retries: 0 } });
    const log = recordEvents(router);
    const response = await router.chat(ask(), { dataClass: 'internal' });
    expect(response.provider).toBe('cloud');
    expect(response.routing.fallbacks).toBe(2);
    expect(response.routing.reason).toMatch(/after 2 fallbacks/);
    expect(log.named('fallback').map((event) => [event.from, event.to])).toEqual([
      ['local-a', 'local-b'],
      ['local-b', 'cloud'],
    ]);
  });

  it('throws the last typed error when every provider fails', async () => {
    const local = createFakeProvider({ id: 'local', thereafter: { fault: 'http', status: 503 } });
    const cloud = createFakeProvider({
      id: 'cloud',
      kind: 'cloud',
      thereafter: { fault: 'http', status: 502 },
    });
    const router = createRouter({ providers: [local, cloud], ...fast });
    const log = recordEvents(router);
    const error = await failure(() => router.chat(ask(), { dataClass: 'internal' }));
    expect(ProviderUnavailableError.isInstance(error)).toBe(true);
    expect((error as SwitchyardError).provider).toBe('cloud');
    expect(log.named('error')).toHaveLength(1);
    expect(log.named('response')).toHaveLength(0);
  });

  it('falls back past a too-small context window reported by the provider', async () => {
    const small = createFakeProvider({ id: 'local-small', script: [{ fault: 'context-length' }] });
    const large = createFakeProvider({ id: 'local-large' });
    const router = createRouter({ providers: [small, large], ...fast });
    const response = await router.chat(ask(), { dataClass: 'regulated' });
    expect(response.provider).toBe('local-large');
    expect(small.calls).toHaveLength(1);
  });
});

describe('cooldown and recovery', () => {
  it('puts a repeatedly failing provider in cooldown and brings it back through a health probe', async () => {
    let health: 'ready' | 'down' = 'ready';
    const local = createFakeProvider({
      id: 'local',
      thereafter: { fault: 'disconnect' },
      health: () => ({ status: health }),
    });
    const cloud = createFakeProvider({ id: 'cloud', kind: 'cloud' });
    const router = createRouter({
      providers: [local, cloud],
      retry: { retries: 0 },
      circuitBreaker: { failureThreshold: 2, cooldownMs: 40 },
      probes: { healthTtlMs: 60_000, capacityTtlMs: 60_000 },
    });
    const log = recordEvents(router);
    // The router's clock, moved by hand: a slow machine cannot end the cooldown early.
    const clock = frozenClock();
    await router.chat(ask(), { dataClass: 'internal' });
    await router.chat(ask(), { dataClass: 'internal' });
    expect(local.calls).toHaveLength(2);
    expect(log.named('health').at(-1)).toMatchObject({ provider: 'local', status: 'cooldown' });

    // In cooldown: not even tried.
    const plan = await router.explain(ask(), { dataClass: 'internal' });
    expect(plan.candidates.find((candidate) => candidate.provider === 'local')?.rule).toBe('cooldown');
    await router.chat(ask(), { dataClass: 'internal' });
    expect(local.calls).toHaveLength(2);

    // Cooldown over, but the probe says down: stays out.
    health = 'down';
    clock.advance(50);
    await router.chat(ask(), { dataClass: 'internal' });
    expect(local.calls).toHaveLength(2);

    // Healthy again: the probe closes the breaker and traffic returns.
    health = 'ready';
    local.setScript([], 'ok');
    clock.advance(50);
    const response = await router.chat(ask(), { dataClass: 'internal' });
    expect(response.provider).toBe('local');
    expect(log.named('health').at(-1)).toMatchObject({ provider: 'local', status: 'ready' });
  });

  it('recovers a provider without a health probe through one trial call', async () => {
    const local = createFakeProvider({ id: 'local', script: [{ fault: 'disconnect' }] });
    const cloud = createFakeProvider({ id: 'cloud', kind: 'cloud' });
    const router = createRouter({
      providers: [local, cloud],
      retry: { retries: 0 },
      circuitBreaker: { failureThreshold: 1, cooldownMs: 20 },
    });
    const clock = frozenClock();
    expect((await router.chat(ask(), { dataClass: 'internal' })).provider).toBe('cloud');
    expect((await router.chat(ask(), { dataClass: 'internal' })).provider).toBe('cloud');
    clock.advance(30);
    expect((await router.chat(ask(), { dataClass: 'internal' })).provider).toBe('local');
    expect(router.status().find((status) => status.provider === 'local')?.unavailable).toBeUndefined();
  });

  it('excludes a provider whose probe reports it is loading', async () => {
    const local = createFakeProvider({ id: 'local', health: 'loading' });
    const cloud = createFakeProvider({ id: 'cloud', kind: 'cloud' });
    const router = createRouter({ providers: [local, cloud], ...fast });
    const plan = await router.explain(ask(), { dataClass: 'internal' });
    expect(plan.candidates.find((candidate) => candidate.provider === 'local')).toMatchObject({
      rule: 'unhealthy',
      reason: 'loading',
    });
    expect((await router.chat(ask(), { dataClass: 'internal' })).provider).toBe('cloud');
  });
});

describe('concurrency limits and queue bounds', () => {
  it('never runs more calls at once than the provider limit', async () => {
    const local = createFakeProvider({ id: 'local', latencyMs: 5 });
    const router = createRouter({
      providers: [local],
      providerSettings: { local: { concurrency: 3, maxQueue: 100 } },
    });
    await Promise.all(Array.from({ length: 20 }, () => router.chat(ask(), { dataClass: 'regulated' })));
    expect(local.calls).toHaveLength(20);
    expect(local.maxInFlight).toBe(3);
  });

  it('rejects work beyond the queue bound with a typed error, without losing the queued ones', async () => {
    const local = createFakeProvider({ id: 'local', latencyMs: 20 });
    const router = createRouter({
      providers: [local],
      providerSettings: { local: { concurrency: 1, maxQueue: 2 } },
    });
    const results = await Promise.allSettled(
      Array.from({ length: 5 }, () => router.chat(ask(), { dataClass: 'regulated' })),
    );
    const fulfilled = results.filter((result) => result.status === 'fulfilled');
    const rejected = results.filter(
      (result): result is PromiseRejectedResult => result.status === 'rejected',
    );
    expect(fulfilled).toHaveLength(3);
    expect(rejected).toHaveLength(2);
    for (const result of rejected) {
      expect(ProviderUnavailableError.isInstance(result.reason)).toBe(true);
      expect((result.reason as Error).message).toMatch(/queue is full/);
    }
    expect(local.maxInFlight).toBe(1);
  });

  it('passes over a full provider for one with a free slot, and skips full queues', async () => {
    const first = createFakeProvider({ id: 'local-a', latencyMs: 20 });
    const second = createFakeProvider({ id: 'local-b', latencyMs: 20 });
    const cloud = createFakeProvider({ id: 'cloud', kind: 'cloud' });
    const router = createRouter({
      providers: [first, second, cloud],
      providerSettings: {
        'local-a': { concurrency: 1, maxQueue: 0 },
        'local-b': { concurrency: 1, maxQueue: 0 },
      },
    });
    const log = recordEvents(router);
    const results = await Promise.allSettled(
      Array.from({ length: 3 }, () => router.chat(ask(), { dataClass: 'regulated' })),
    );
    const served = results.flatMap((result) =>
      result.status === 'fulfilled' ? [result.value.provider] : [],
    );
    expect(served.sort()).toEqual(['local-a', 'local-b']);
    const [rejected] = results.filter(
      (result): result is PromiseRejectedResult => result.status === 'rejected',
    );
    expect(ProviderUnavailableError.isInstance(rejected?.reason)).toBe(true);
    expect((rejected?.reason as Error | undefined)?.message).toMatch(/queue is full/);
    expect(log.named('fallback').map((event) => event.from)).toEqual(['local-a', 'local-b']);
    expect(cloud.calls).toHaveLength(0);
  });
});

describe('abort and timeouts', () => {
  it('ends everything at once when the caller aborts, with no retry or fallback', async () => {
    const local = createFakeProvider({ id: 'local', thereafter: { fault: 'hang' } });
    const cloud = createFakeProvider({ id: 'cloud', kind: 'cloud' });
    const router = createRouter({ providers: [local, cloud], ...fast });
    const log = recordEvents(router);
    const controller = new AbortController();
    const pending = router.chat({ ...ask(), signal: controller.signal }, { dataClass: 'internal' });
    setTimeout(() => controller.abort(), 10);
    const error = await failure(() => pending);
    expect(AbortedError.isInstance(error)).toBe(true);
    expect(cloud.calls).toHaveLength(0);
    expect(log.named('retry')).toHaveLength(0);
    expect(local.inFlight).toBe(0);
  });

  it('fails fast on an already-aborted signal without calling any provider', async () => {
    const local = createFakeProvider({ id: 'local' });
    const router = createRouter({ providers: [local] });
    const error = await failure(() => router.chat({ ...ask(), signal: AbortSignal.abort() }));
    expect(AbortedError.isInstance(error)).toBe(true);
    expect(local.calls).toHaveLength(0);
  });

  it('times out a hung attempt, retries it, then falls back', async () => {
    const local = createFakeProvider({ id: 'local', script: [{ fault: 'hang' }, { fault: 'hang' }] });
    const cloud = createFakeProvider({ id: 'cloud', kind: 'cloud' });
    const router = createRouter({
      providers: [local, cloud],
      retry: { retries: 1, minDelayMs: 1 },
      timeouts: { attemptMs: 20 },
    });
    const log = recordEvents(router);
    const response = await router.chat(ask(), { dataClass: 'internal' });
    expect(response.provider).toBe('cloud');
    expect(local.calls).toHaveLength(2);
    expect(TimeoutError.isInstance(log.named('retry')[0]?.error)).toBe(true);
    expect(local.inFlight).toBe(0);
  });

  it('does not wait on a provider that ignores its AbortSignal', async () => {
    const stubborn = createFakeProvider({ id: 'local', script: [{ fault: 'hang', ignoreAbort: true }] });
    const cloud = createFakeProvider({ id: 'cloud', kind: 'cloud' });
    const router = createRouter({
      providers: [stubborn, cloud],
      retry: { retries: 0 },
      timeouts: { attemptMs: 20 },
    });
    expect((await router.chat(ask(), { dataClass: 'internal' })).provider).toBe('cloud');
    const controller = new AbortController();
    stubborn.setScript([{ fault: 'hang', ignoreAbort: true }]);
    const pending = router.chat({ ...ask(), signal: controller.signal }, { dataClass: 'regulated' });
    setTimeout(() => controller.abort(), 5);
    expect(AbortedError.isInstance(await failure(() => pending))).toBe(true);
  });

  it('stops at the overall deadline', async () => {
    const local = createFakeProvider({ id: 'local', thereafter: { fault: 'hang' } });
    const cloud = createFakeProvider({ id: 'cloud', kind: 'cloud', thereafter: { fault: 'hang' } });
    const router = createRouter({ providers: [local, cloud], timeouts: { attemptMs: 1_000, totalMs: 30 } });
    const error = await failure(() => router.chat(ask(), { dataClass: 'internal' }));
    expect(TimeoutError.isInstance(error)).toBe(true);
    expect((error as Error).message).toMatch(/totalMs/);
  });

  it("frees a queued call's place when it is aborted while waiting", async () => {
    const local = createFakeProvider({ id: 'local', latencyMs: 300 });
    const router = createRouter({
      providers: [local],
      providerSettings: { local: { concurrency: 1, maxQueue: 5 } },
    });
    const first = router.chat(ask(), { dataClass: 'regulated' });
    const controller = new AbortController();
    const queued = router.chat({ ...ask(), signal: controller.signal }, { dataClass: 'regulated' });
    await vi.waitFor(() => expect(router.status()[0]?.queued).toBe(1), { interval: 1 });
    controller.abort();
    expect(AbortedError.isInstance(await failure(() => queued))).toBe(true);
    await first;
    await router.chat(ask(), { dataClass: 'regulated' });
    expect(local.calls).toHaveLength(2);
  });
});

describe('misbehaving probes', () => {
  it('treats a health probe that hangs, throws or returns garbage as down, without stalling requests', async () => {
    const cloud = createFakeProvider({ id: 'cloud', kind: 'cloud' });
    const probes = {
      hangs: () => new Promise<never>(() => {}),
      throws: () => {
        throw new Error('probe exploded');
      },
      garbage: () => Promise.resolve('ok' as never),
    };
    for (const [name, health] of Object.entries(probes)) {
      const local = createFakeProvider({ id: `local-${name}`, health: health as never });
      const router = createRouter({
        providers: [local, cloud],
        probes: { healthTtlMs: 0 },
        timeouts: { probeMs: 20, totalMs: 2_000 },
      });
      const response = await router.chat(ask(), { dataClass: 'internal' });
      expect({ name, provider: response.provider }).toEqual({ name, provider: 'cloud' });
      expect(router.status()[0]?.health).toBe('down');
    }
  });
});
