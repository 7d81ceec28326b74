import { collectStream } from '@switchyard/core';
import { describe, expect, it } from 'vitest';
import { createOpenAI } from './openai-provider';

/**
 * Calls the real OpenAI API. Runs only through `pnpm test:live`, and only with OPENAI_API_KEY set
 * (OPENAI_MODEL picks the model, default gpt-4o-mini; OPENAI_BASE_URL another compatible cloud).
 */
const apiKey = process.env.OPENAI_API_KEY;
if (!apiKey) throw new Error('OPENAI_API_KEY is not set: the live tests call the real API');
const provider = createOpenAI({
  id: 'openai-live',
  model: process.env.OPENAI_MODEL ?? 'gpt-4o-mini',
  apiKey,
  ...(process.env.OPENAI_BASE_URL ? { baseURL: process.env.OPENAI_BASE_URL } : {}),
});
const ask = {
  messages: [{ role: 'user' as const, content: 'Reply with the single word: pong' }],
  maxOutputTokens: 16,
};

describe('OpenAI live smoke test', () => {
  it('answers, with usage and (for non-reasoning models) logprobs', async () => {
    const response = await provider.chat({ ...ask, logprobs: true, topLogprobs: 2 });
    expect(response.text.toLowerCase()).toContain('pong');
    expect(response.usage.inputTokens).toBeGreaterThan(0);
    if (!provider.reasoning) expect(response.logprobs?.length).toBeGreaterThan(0);
  });

  it('streams, with usage before the final finish', async () => {
    const response = await collectStream(provider.stream(ask), {
      provider: provider.id,
      model: provider.model,
    });
    expect(response.text.toLowerCase()).toContain('pong');
    expect(response.usage.outputTokens).toBeGreaterThan(0);
  });

  it('calls a tool', async () => {
    const response = await provider.chat({
      messages: [{ role: 'user', content: 'What is the weather in Paris? Use the tool.' }],
      tools: [
        {
          name: 'get_weather',
          parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
        },
      ],
      toolChoice: 'required',
      maxOutputTokens: 64,
    });
    expect(response.toolCalls[0]?.name).toBe('get_weather');
    expect(JSON.parse(response.toolCalls[0]?.arguments ?? '{}').city).toMatch(/paris/i);
  });
});
