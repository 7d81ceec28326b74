import { NoEligibleRouteError, createRouter } from '@switchyard/core';
import { createFakeProvider, startLlamaCppSimulator } from '@switchyard/testing';
import { describe, expect, it } from 'vitest';
import { createLlamaCpp } from './create-llamacpp';

const question = { messages: [{ role: 'user' as const, content: 'Summarize the ticket.' }] };

describe('llama.cpp health and capacity feed the router', () => {
  it('overflows internal work to cloud when slots are full, loading or down; regulated fails closed', async () => {
    await using llama = await startLlamaCppSimulator({ slots: 2, reply: { text: 'local answer' } });
    const local = createLlamaCpp({ baseURL: llama.url });
    const cloud = createFakeProvider({ id: 'cloud', kind: 'cloud', reply: 'cloud answer' });
    const router = createRouter({
      providers: [local, cloud],
      policy: { defaultDataClass: 'internal' },
      retry: { retries: 0 },
      probes: { healthTtlMs: 0, capacityTtlMs: 0 },
      circuitBreaker: { failureThreshold: 100 },
    });
    try {
      expect((await router.chat(question)).provider).toBe('llamacpp');

      const release = llama.occupySlots();
      expect((await router.chat(question)).provider).toBe('cloud');
      // Regulated work never overflows: it waits for a local slot.
      const regulated = router.chat(question, { dataClass: 'regulated' });
      await expect.poll(() => llama.slots.deferred).toBe(1);
      release();
      expect((await regulated).provider).toBe('llamacpp');

      llama.setLoading(true);
      expect((await router.chat(question)).provider).toBe('cloud');
      const whileLoading = await router
        .chat(question, { dataClass: 'regulated' })
        .catch((caught: unknown) => caught);
      expect(NoEligibleRouteError.isInstance(whileLoading)).toBe(true);
      llama.setLoading(false);

      await llama.setDown(true);
      expect((await router.chat(question)).provider).toBe('cloud');
      const whileDown = await router
        .chat(question, { dataClass: 'regulated' })
        .catch((caught: unknown) => caught);
      expect(NoEligibleRouteError.isInstance(whileDown)).toBe(true);
      await llama.setDown(false);
      expect((await router.chat(question)).provider).toBe('llamacpp');
    } finally {
      await router.close();
    }
  });
});
