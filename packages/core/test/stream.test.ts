import { createFakeProvider } from '@switchyard/testing';
import { describe, expect, it, vi } from 'vitest';
import {
  AbortedError,
  createMemoryAuditSink,
  createRouter,
  type RouterStreamEvent,
  StreamInterruptedError,
  SwitchyardError,
  TimeoutError,
} from '../src/index';
import { ask, drain, failure, fast, recordEvents } from './helpers';

const textOf = (events: RouterStreamEvent[]) =>
  events.flatMap((event) => (event.type === 'text-delta' ? [event.text] : [])).join('');

describe('router.stream()', () => {
  it('yields route, deltas and a finish carrying the assembled answer', async () => {
    const local = createFakeProvider({ id: 'local', reply: 'one two three', logprobs: -0.1 });
    const router = createRouter({ providers: [local] });
    const events = await drain(
      router.stream({ ...ask(), logprobs: true, topLogprobs: 2 }, { dataClass: 'regulated' }),
    );
    expect(events[0]).toMatchObject({
      type: 'route',
      provider: 'local',
      dataClass: 'regulated',
      providerKind: 'local',
    });
    expect(textOf(events)).toBe('one two three');
    const finish = events.at(-1);
    expect(finish?.type).toBe('finish');
    if (finish?.type !== 'finish') throw new Error('no finish');
    expect(finish.response.text).toBe('one two three');
    expect(finish.response.logprobs).toHaveLength(3);
    expect(finish.response.usage.outputTokens).toBe(3);
    expect(finish.response.routing.dataClass).toBe('regulated');
  });

  it('throws StreamInterruptedError when a stream ends without its finish event', async () => {
    const local = createFakeProvider({
      id: 'local',
      reply: 'a b c d e f',
      script: [{ fault: 'cut', afterChunks: 3 }],
    });
    const router = createRouter({ providers: [local], retry: { retries: 0 } });
    const seen: RouterStreamEvent[] = [];
    const error = await failure(async () => {
      for await (const event of router.stream(ask(), { dataClass: 'regulated' })) seen.push(event);
    });
    expect(StreamInterruptedError.isInstance(error)).toBe(true);
    expect(textOf(seen)).toBe('a b c');
    expect(seen.some((event) => event.type === 'finish')).toBe(false);
  });

  it("throws the provider's in-stream error as a typed error", async () => {
    const local = createFakeProvider({
      id: 'local',
      reply: 'a b c d',
      script: [{ fault: 'error-event', afterChunks: 2 }],
    });
    const router = createRouter({ providers: [local], retry: { retries: 0 } });
    const error = await failure(() => drain(router.stream(ask(), { dataClass: 'regulated' })));
    expect(SwitchyardError.isInstance(error)).toBe(true);
    expect((error as SwitchyardError).code).toBe('provider_unavailable');
  });

  it('fails over before the first token: the caller sees one answer from the fallback', async () => {
    const local = createFakeProvider({ id: 'local', thereafter: { fault: 'http', status: 503 } });
    const cloud = createFakeProvider({ id: 'cloud', kind: 'cloud', reply: 'from cloud' });
    const router = createRouter({ providers: [local, cloud], ...fast });
    const log = recordEvents(router);
    const events = await drain(router.stream(ask(), { dataClass: 'internal' }));
    expect(events.filter((event) => event.type === 'route')).toHaveLength(1);
    expect(events[0]).toMatchObject({ type: 'route', provider: 'cloud' });
    expect(textOf(events)).toBe('from cloud');
    expect(local.calls).toHaveLength(3);
    expect(log.named('retry')).toHaveLength(2);
  });

  it('retries a stream that ended before any event', async () => {
    const local = createFakeProvider({
      id: 'local',
      reply: 'fine now',
      script: [{ fault: 'cut', afterChunks: 0 }],
    });
    const router = createRouter({ providers: [local], ...fast });
    const events = await drain(router.stream(ask(), { dataClass: 'regulated' }));
    expect(textOf(events)).toBe('fine now');
    expect(local.calls).toHaveLength(2);
  });

  it('times out a slow first token and moves on', async () => {
    const local = createFakeProvider({ id: 'local', script: [{ slowFirstTokenMs: 5_000 }] });
    const cloud = createFakeProvider({ id: 'cloud', kind: 'cloud', reply: 'fast' });
    const router = createRouter({
      providers: [local, cloud],
      retry: { retries: 0 },
      timeouts: { firstTokenMs: 20 },
    });
    const log = recordEvents(router);
    const events = await drain(router.stream(ask(), { dataClass: 'internal' }));
    expect(textOf(events)).toBe('fast');
    expect(TimeoutError.isInstance(log.named('fallback')[0]?.error)).toBe(true);
    expect(local.inFlight).toBe(0);
  });

  it('times out a stream that stalls between events', async () => {
    const local = createFakeProvider({ id: 'local', reply: 'a b c', tokenIntervalMs: 5_000 });
    const router = createRouter({ providers: [local], retry: { retries: 0 }, timeouts: { idleMs: 20 } });
    const error = await failure(() => drain(router.stream(ask(), { dataClass: 'regulated' })));
    expect(TimeoutError.isInstance(error)).toBe(true);
  });

  it('stops the provider stream and frees its slot when the caller aborts mid-stream', async () => {
    const local = createFakeProvider({ id: 'local', reply: 'a b c d e f g h', tokenIntervalMs: 5 });
    const router = createRouter({ providers: [local], providerSettings: { local: { concurrency: 1 } } });
    const controller = new AbortController();
    const error = await failure(async () => {
      for await (const event of router.stream(
        { ...ask(), signal: controller.signal },
        { dataClass: 'regulated' },
      )) {
        if (event.type === 'text-delta') controller.abort();
      }
    });
    expect(AbortedError.isInstance(error)).toBe(true);
    expect(local.inFlight).toBe(0);
    expect(router.status()[0]?.inFlight).toBe(0);
    // The slot is free again.
    expect(textOf(await drain(router.stream(ask(), { dataClass: 'regulated' })))).toBe('a b c d e f g h');
  });

  it('frees the slot and audits an abort when the caller stops reading early', async () => {
    const local = createFakeProvider({ id: 'local', reply: 'a b c d e f' });
    const audit = createMemoryAuditSink();
    const router = createRouter({
      providers: [local],
      audit,
      providerSettings: { local: { concurrency: 1 } },
    });
    for await (const event of router.stream(ask(), { dataClass: 'regulated' })) {
      if (event.type === 'text-delta') break;
    }
    expect(router.status()[0]?.inFlight).toBe(0);
    expect(audit.records[0]).toMatchObject({ outcome: 'error', errorCode: 'aborted', stream: true });
  });

  it('rejects bad input at once, before iteration', () => {
    const local = createFakeProvider({ id: 'local' });
    const router = createRouter({ providers: [local] });
    expect(() => router.stream({ messages: [] })).toThrow(/request.messages/);
  });

  it('can be iterated only once', async () => {
    const local = createFakeProvider({ id: 'local' });
    const router = createRouter({ providers: [local] });
    const stream = router.stream(ask());
    await drain(stream);
    expect(() => stream[Symbol.asyncIterator]()).toThrow(/only once/);
  });
});

describe('abandoned streams', () => {
  it('frees the slot at the total deadline when the caller stops reading without closing', async () => {
    const local = createFakeProvider({ id: 'local', reply: 'a b c d e f', tokenIntervalMs: 5 });
    const router = createRouter({
      providers: [local],
      providerSettings: { local: { concurrency: 1 } },
      timeouts: { totalMs: 40 },
    });
    const iterator = router.stream(ask(), { dataClass: 'regulated' })[Symbol.asyncIterator]();
    await iterator.next(); // route
    await iterator.next(); // first delta; then the caller walks away
    // Freed by the deadline's timer, however late a loaded machine fires it.
    await vi.waitFor(
      () => {
        expect(router.status()[0]?.inFlight).toBe(0);
        expect(local.inFlight).toBe(0);
      },
      { timeout: 5_000, interval: 5 },
    );
  });
});
