import { describe, expect, it } from 'vitest';
import { createExo } from './create-exo';

// Runs only through `pnpm test:live` with EXO_URL (and EXO_MODEL) set (see vitest.live.config.ts).
describe('EXO live smoke test', () => {
  const provider = createExo({
    baseURL: process.env.EXO_URL ?? '',
    model: process.env.EXO_MODEL ?? 'mlx-community/Llama-3.2-1B-Instruct-4bit',
  });
  const question = {
    messages: [{ role: 'user' as const, content: 'Reply with the single word: ready' }],
    maxOutputTokens: 8,
  };

  it('is up, serves the model, and answers with logprobs', async () => {
    expect((await provider.health?.())?.status).toBe('ready');
    const answer = await provider.chat({ ...question, logprobs: true, topLogprobs: 2 });
    expect(answer.text.length).toBeGreaterThan(0);
    expect(answer.logprobs?.length).toBeGreaterThan(0);
  });

  it('streams to a final finish', async () => {
    const types: string[] = [];
    for await (const event of provider.stream(question)) types.push(event.type);
    expect(types.at(-1)).toBe('finish');
  });
});
