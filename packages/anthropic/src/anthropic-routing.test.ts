import { createRouter } from '@switchyard/core';
import { type AnthropicSimulator, createFakeProvider, startAnthropicSimulator } from '@switchyard/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAnthropic } from './anthropic-provider';

const ask = { messages: [{ role: 'user' as const, content: 'Write a tagline for our public blog.' }] };

describe('Anthropic adapter behind the router', () => {
  let simulator: AnthropicSimulator;
  beforeAll(async () => {
    simulator = await startAnthropicSimulator({ reply: { text: 'From Claude.' } });
  });
  afterAll(() => simulator.close());

  const setup = () => {
    const local = createFakeProvider({ id: 'local', kind: 'local', reply: 'From local.' });
    const anthropic = createAnthropic({
      model: 'claude-sonnet-5',
      apiKey: 'sk-ant-test',
      baseURL: simulator.baseURL,
    });
    const backup = createFakeProvider({ id: 'backup-cloud', kind: 'cloud', reply: 'From the backup.' });
    return createRouter({
      providers: [local, anthropic, backup],
      policy: { public: { providers: ['anthropic', 'backup-cloud', 'local'] } },
      retry: { retries: 2, minDelayMs: 1, maxDelayMs: 5 },
    });
  };

  it('serves public work from Anthropic', async () => {
    const router = setup();
    const answer = await router.chat(ask, { dataClass: 'public' });
    expect(answer.provider).toBe('anthropic');
    expect(answer.text).toBe('From Claude.');
    await router.close();
  });

  it('retries 529 overloaded with backoff, on the same provider', async () => {
    const router = setup();
    simulator.script.set([{ status: 529 }, { status: 529 }]);
    const answer = await router.chat(ask, { dataClass: 'public' });
    expect(answer.provider).toBe('anthropic');
    expect(answer.routing.retries).toBe(2);
    await router.close();
  });

  it('does not retry a 402 or a spend limit: falls back to the next provider at once', async () => {
    const router = setup();
    simulator.script.set([{ status: 402 }]);
    const answer = await router.chat(ask, { dataClass: 'public' });
    expect(answer.provider).toBe('backup-cloud');
    expect(answer.routing).toMatchObject({ retries: 0, fallbacks: 1 });
    simulator.script.set([{ status: 400, message: 'You have reached your specified API usage limits.' }]);
    expect((await router.chat(ask, { dataClass: 'public' })).provider).toBe('backup-cloud');
    await router.close();
  });

  it('streams through the router, the mid-stream overloaded error surfacing as a typed error', async () => {
    const router = setup();
    simulator.script.set([{ fault: 'stream-error', afterChunks: 1 }]);
    const error = await (async () => {
      for await (const _ of router.stream(ask, { dataClass: 'public' })) {
        // read until it fails
      }
    })().catch((caught: unknown) => caught);
    expect((error as { code?: string }).code).toBe('provider_unavailable');
    await router.close();
  });
});
