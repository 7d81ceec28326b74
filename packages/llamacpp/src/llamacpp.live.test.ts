import { createRouter } from '@switchyard/core';
import { describe, expect, it } from 'vitest';
import { createLlamaCpp } from './create-llamacpp';

// Runs only through `pnpm test:live` with LLAMACPP_URL set (see vitest.live.config.ts).
const baseURL = process.env.LLAMACPP_URL ?? '';

describe('llama-server live smoke test', () => {
  const provider = createLlamaCpp({ baseURL, capacity: 'slots' });
  const question = {
    messages: [{ role: 'user' as const, content: 'Reply with the single word: ready' }],
    maxOutputTokens: 8,
  };

  it('is healthy and reports its context window', async () => {
    expect((await provider.health?.())?.status).toBe('ready');
    expect(provider.contextWindow).toBeGreaterThan(0);
  });

  it('answers, streams and gives logprobs', async () => {
    const answer = await provider.chat({ ...question, logprobs: true, topLogprobs: 2, temperature: 0 });
    expect(answer.text.length).toBeGreaterThan(0);
    expect(answer.logprobs?.length).toBeGreaterThan(0);
    const router = createRouter({ providers: [provider], policy: { defaultDataClass: 'regulated' } });
    const chunks: string[] = [];
    for await (const event of router.stream(question))
      if (event.type === 'text-delta') chunks.push(event.text);
    expect(chunks.join('').length).toBeGreaterThan(0);
    await router.close();
  });
});
