import { collectStream, StreamInterruptedError, SwitchyardError } from '@switchyard/core';
import { describe, expect, it } from 'vitest';
import { createFakeProvider } from './fake-provider';

const request = { messages: [{ role: 'user' as const, content: 'hello there' }] };

describe('createFakeProvider', () => {
  it('answers, streams and reports usage; records every call', async () => {
    const fake = createFakeProvider({ id: 'f', reply: 'one two three' });
    const response = await fake.chat(request);
    expect(response).toMatchObject({
      text: 'one two three',
      provider: 'f',
      model: 'fake-f',
      finishReason: 'stop',
    });
    expect(response.usage.outputTokens).toBe(3);
    const streamed = await collectStream(fake.stream(request), { provider: 'f', model: 'fake-f' });
    expect(streamed.text).toBe('one two three');
    expect(fake.calls.map((call) => call.stream)).toEqual([false, true]);
  });

  it('returns logprobs only when asked and configured', async () => {
    const fake = createFakeProvider({ id: 'f', reply: 'a b', logprobs: (index) => -index });
    expect((await fake.chat(request)).logprobs).toBeUndefined();
    const response = await fake.chat({ ...request, logprobs: true, topLogprobs: 2 });
    expect(response.logprobs?.map((entry) => entry.logprob)).toEqual([-0, -1]);
    expect(response.logprobs?.[0]?.topLogprobs).toHaveLength(2);
    expect(
      (await createFakeProvider({ id: 'g' }).chat({ ...request, logprobs: true })).logprobs,
    ).toBeUndefined();
  });

  it('plays its script in order, then the `thereafter` step', async () => {
    const fake = createFakeProvider({
      id: 'f',
      script: [{ fault: 'http', status: 503 }, 'ok', { fault: 'rate-limit', retryAfterMs: 9 }],
      thereafter: { fault: 'http', status: 401 },
    });
    const codes: string[] = [];
    for (let index = 0; index < 4; index++) {
      await fake.chat(request).then(
        () => codes.push('ok'),
        (error: SwitchyardError) =>
          codes.push(`${error.code}${error.retryAfterMs ? `:${error.retryAfterMs}` : ''}`),
      );
    }
    expect(codes).toEqual(['provider_unavailable', 'ok', 'rate_limited:9', 'authentication']);
  });

  it('cuts a stream without its finish event', async () => {
    const fake = createFakeProvider({
      id: 'f',
      reply: 'a b c d',
      script: [{ fault: 'cut', afterChunks: 2 }],
    });
    await expect(collectStream(fake.stream(request), { provider: 'f', model: 'm' })).rejects.toSatisfy(
      (error) => StreamInterruptedError.isInstance(error),
    );
  });

  it('hangs until aborted, and reports health and capacity it is given', async () => {
    const fake = createFakeProvider({
      id: 'f',
      script: [{ fault: 'hang' }],
      health: 'loading',
      capacity: { freeSlots: 0 },
    });
    const controller = new AbortController();
    const pending = fake.chat({ ...request, signal: controller.signal });
    controller.abort();
    await expect(pending).rejects.toMatchObject({ code: 'aborted' });
    expect(fake.inFlight).toBe(0);
    expect(await fake.health?.()).toEqual({ status: 'loading' });
    fake.setHealth('ready');
    expect(await fake.health?.()).toEqual({ status: 'ready' });
    expect(await fake.capacity?.()).toEqual({ freeSlots: 0 });
    expect(createFakeProvider({ id: 'plain' }).health).toBeUndefined();
  });
});

describe('setScript', () => {
  it('plays the new script from the next call on', async () => {
    const fake = createFakeProvider({ id: 'f' });
    await fake.chat(request);
    fake.setScript([{ fault: 'http', status: 500 }]);
    await expect(fake.chat(request)).rejects.toMatchObject({ code: 'provider_unavailable' });
    await expect(fake.chat(request)).resolves.toMatchObject({ text: 'ok from f' });
  });
});
