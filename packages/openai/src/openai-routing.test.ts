import { createRouter, NoEligibleRouteError } from '@switchyard/core';
import { createFakeProvider, type OpenAISimulator, startOpenAISimulator } from '@switchyard/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOpenAI } from './openai-provider';

const ask = { messages: [{ role: 'user' as const, content: 'Summarize the quarterly plan.' }] };

describe('OpenAI adapter behind the router', () => {
  let simulator: OpenAISimulator;
  beforeAll(async () => {
    simulator = await startOpenAISimulator({ reply: { text: 'From the cloud.' } });
  });
  afterAll(() => simulator.close());

  const setup = (capacity: { freeSlots: number; totalSlots: number }, health: 'ready' | 'down' = 'ready') => {
    const local = createFakeProvider({ id: 'local', kind: 'local', reply: 'From local.', capacity, health });
    const openai = createOpenAI({ model: 'gpt-4o-mini', apiKey: 'sk-test', baseURL: simulator.baseURL });
    return createRouter({
      providers: [local, openai],
      retry: { retries: 1, minDelayMs: 1, maxDelayMs: 5 },
    });
  };

  it('overflows internal work to OpenAI when the local server has no free slot', async () => {
    const router = setup({ freeSlots: 0, totalSlots: 2 });
    const answer = await router.chat(ask, { dataClass: 'internal' });
    expect(answer.provider).toBe('openai');
    expect(answer.text).toBe('From the cloud.');
    expect(answer.routing.providerKind).toBe('cloud');
    await router.close();
  });

  it('keeps internal work local while it has room', async () => {
    const router = setup({ freeSlots: 2, totalSlots: 2 });
    expect((await router.chat(ask, { dataClass: 'internal' })).provider).toBe('local');
    await router.close();
  });

  it('fails closed for regulated work when the local server is down: never OpenAI', async () => {
    const router = setup({ freeSlots: 0, totalSlots: 2 }, 'down');
    const before = simulator.chatBodies().length;
    const error = await router.chat(ask, { dataClass: 'regulated' }).catch((caught: unknown) => caught);
    expect(NoEligibleRouteError.isInstance(error)).toBe(true);
    expect(simulator.chatBodies().length).toBe(before);
    await router.close();
  });

  it('lets the router retry a 429 after the retry-after-ms OpenAI sent', async () => {
    const router = setup({ freeSlots: 0, totalSlots: 2 });
    simulator.script.set([{ status: 429, headers: { 'retry-after-ms': '5' } }]);
    const answer = await router.chat(ask, { dataClass: 'internal' });
    expect(answer.provider).toBe('openai');
    expect(answer.routing.retries).toBe(1);
    await router.close();
  });
});
