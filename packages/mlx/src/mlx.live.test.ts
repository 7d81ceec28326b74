import { describe, expect, it } from 'vitest';
import { createMlx } from './create-mlx';

// Runs only through `pnpm test:live` with MLX_URL set (see vitest.live.config.ts).
describe('mlx_lm.server live smoke test', () => {
  const provider = createMlx({ baseURL: process.env.MLX_URL ?? '' });
  const question = {
    messages: [{ role: 'user' as const, content: 'Reply with the single word: ready' }],
    maxOutputTokens: 8,
  };

  it('is healthy and answers with exact logprobs', async () => {
    expect((await provider.health?.())?.status).toBe('ready');
    const answer = await provider.chat({ ...question, logprobs: true });
    expect(answer.text.length).toBeGreaterThan(0);
    expect(answer.logprobs?.length).toBeGreaterThan(0);
  });

  it('streams with usage and a final finish', async () => {
    const types: string[] = [];
    for await (const event of provider.stream(question)) types.push(event.type);
    expect(types.at(-1)).toBe('finish');
  });
});
