import { collectStream } from '@switchyard/core';
import { describe, expect, it } from 'vitest';
import { createAnthropic } from './anthropic-provider';

/**
 * Calls the real Anthropic API. Runs only through `pnpm test:live`, and only with ANTHROPIC_API_KEY
 * set (ANTHROPIC_MODEL picks the model, default claude-haiku-4-5).
 */
const apiKey = process.env.ANTHROPIC_API_KEY;
if (!apiKey) throw new Error('ANTHROPIC_API_KEY is not set: the live tests call the real API');
const provider = createAnthropic({
  id: 'anthropic-live',
  model: process.env.ANTHROPIC_MODEL ?? 'claude-haiku-4-5',
  apiKey,
  promptCaching: '5m',
});
const ask = {
  messages: [{ role: 'user' as const, content: 'Reply with the single word: pong' }],
  maxOutputTokens: 16,
};

describe('Anthropic live smoke test', () => {
  it('answers, with usage and no logprobs', async () => {
    const response = await provider.chat({ ...ask, logprobs: true });
    expect(response.text.toLowerCase()).toContain('pong');
    expect(response.usage.inputTokens).toBeGreaterThan(0);
    expect(response.logprobs).toBeUndefined();
  });

  it('streams to a finish with usage', async () => {
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
      maxOutputTokens: 128,
    });
    expect(response.toolCalls[0]?.name).toBe('get_weather');
  });
});
