import {
  AbortedError,
  type ChatRequest,
  collectStream,
  type Provider,
  type StreamEvent,
} from '@switchyard/core';
import { type OpenAISimulator, startOpenAISimulator } from '@switchyard/testing';
import OpenAI from 'openai';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createOpenAI } from './openai-provider';

type Body = Record<string, unknown>;

const collect = (provider: Provider, request: ChatRequest) =>
  collectStream(provider.stream(request), { provider: provider.id, model: provider.model });

const weather = {
  name: 'get_weather',
  description: 'Current weather for a city',
  parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
};
const ask: ChatRequest = { messages: [{ role: 'user', content: 'Hello?' }] };

describe('OpenAI adapter quirks', () => {
  let simulator: OpenAISimulator;
  const lastBody = (): Body => simulator.chatBodies().at(-1) as Body;
  const make = (settings: Partial<Parameters<typeof createOpenAI>[0]> = {}) =>
    createOpenAI({ model: 'gpt-4o-mini', apiKey: 'sk-test', baseURL: simulator.baseURL, ...settings });

  beforeAll(async () => {
    simulator = await startOpenAISimulator({ apiKey: 'sk-test' });
  });
  afterAll(() => simulator.close());
  beforeEach(() => {
    simulator.script.set([]);
    simulator.setReply({ text: 'Fine, thanks.' });
  });

  it('sends system and multi-turn messages in order', async () => {
    await make().chat({
      messages: [
        { role: 'system', content: 'Be terse.' },
        { role: 'user', content: 'Hi' },
        { role: 'assistant', content: 'Hello.' },
        {
          role: 'user',
          content: [
            { type: 'text', text: 'Part one. ' },
            { type: 'text', text: 'Part two.' },
          ],
        },
      ],
    });
    expect(lastBody().messages).toEqual([
      { role: 'system', content: 'Be terse.' },
      { role: 'user', content: 'Hi' },
      { role: 'assistant', content: 'Hello.' },
      {
        role: 'user',
        content: [
          { type: 'text', text: 'Part one. ' },
          { type: 'text', text: 'Part two.' },
        ],
      },
    ]);
  });

  it('sends tools and a named tool choice, and maps the tool calls returned', async () => {
    simulator.setReply({ toolCalls: [{ id: 'call_9', name: 'get_weather', arguments: '{"city":"Oslo"}' }] });
    const response = await make().chat({
      ...ask,
      tools: [weather],
      toolChoice: { type: 'tool', name: 'get_weather' },
    });
    expect(lastBody().tools).toEqual([{ type: 'function', function: weather }]);
    expect(lastBody().tool_choice).toEqual({ type: 'function', function: { name: 'get_weather' } });
    expect(response.toolCalls).toEqual([{ id: 'call_9', name: 'get_weather', arguments: '{"city":"Oslo"}' }]);
    expect(response.finishReason).toBe('tool_calls');
    expect(response.text).toBe('');
  });

  it('sends tool results as role "tool" after the assistant turn that called them', async () => {
    const call = { id: 'call_1', name: 'get_weather', arguments: '{"city":"Oslo"}' };
    await make().chat({
      messages: [
        { role: 'user', content: 'Weather in Oslo?' },
        { role: 'assistant', content: null, toolCalls: [call] },
        { role: 'tool', toolCallId: 'call_1', content: '{"sky":"clear"}' },
      ],
      tools: [weather],
    });
    const messages = lastBody().messages as Body[];
    expect(messages[1]).toEqual({
      role: 'assistant',
      content: null,
      tool_calls: [
        { id: 'call_1', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Oslo"}' } },
      ],
    });
    expect(messages[2]).toEqual({ role: 'tool', tool_call_id: 'call_1', content: '{"sky":"clear"}' });
  });

  it('streams parallel tool calls as indexed deltas that assemble to each call', async () => {
    simulator.setReply({
      toolCalls: [
        { id: 'call_a', name: 'get_weather', arguments: '{"city":"Oslo"}' },
        { id: 'call_b', name: 'get_weather', arguments: '{"city":"Lima","units":"metric"}' },
      ],
    });
    const provider = make();
    const response = await collect(provider, { ...ask, tools: [weather] });
    expect(response.toolCalls).toEqual([
      { id: 'call_a', name: 'get_weather', arguments: '{"city":"Oslo"}' },
      { id: 'call_b', name: 'get_weather', arguments: '{"city":"Lima","units":"metric"}' },
    ]);
    expect(response.finishReason).toBe('tool_calls');
  });

  it('asks for any JSON object with response_format json_object', async () => {
    await make().chat({ ...ask, responseFormat: { type: 'json' } });
    expect(lastBody().response_format).toEqual({ type: 'json_object' });
  });

  it('asks for JSON matching a schema with response_format json_schema', async () => {
    const schema = { type: 'object', properties: { name: { type: 'string' } }, required: ['name'] };
    await make().chat({
      ...ask,
      responseFormat: { type: 'json_schema', name: 'person', schema, strict: true },
    });
    expect(lastBody().response_format).toEqual({
      type: 'json_schema',
      json_schema: { name: 'person', schema, strict: true },
    });
  });

  it('streams with stream_options.include_usage and ends with finish after the usage', async () => {
    const received: StreamEvent[] = [];
    for await (const event of make().stream(ask)) received.push(event);
    expect(lastBody().stream_options).toEqual({ include_usage: true });
    expect(received.at(-1)).toMatchObject({ type: 'finish', finishReason: 'stop' });
    expect(received.at(-2)?.type).toBe('usage');
    expect(received.filter((event) => event.type === 'finish')).toHaveLength(1);
  });

  it('leaves stream_options out when streamUsage is off (servers that reject it)', async () => {
    const provider = make({ streamUsage: false });
    const response = await collect(provider, ask);
    expect(lastBody().stream_options).toBeUndefined();
    expect(response.text).toBe('Fine, thanks.');
    expect(response.usage.outputTokens).toBe(0);
  });

  it('asks for logprobs with top_logprobs and maps them to core shape', async () => {
    const response = await make().chat({ ...ask, logprobs: true, topLogprobs: 5 });
    expect(lastBody()).toMatchObject({ logprobs: true, top_logprobs: 5 });
    expect(response.logprobs?.map((entry) => entry.token).join('')).toBe('Fine, thanks.');
    for (const entry of response.logprobs ?? []) {
      expect(entry.topLogprobs).toHaveLength(5);
      expect(entry.topLogprobs[0]).toEqual({ token: entry.token, logprob: entry.logprob });
    }
  });

  it('caps top_logprobs at the API maximum of 20', async () => {
    const response = await make().chat({ ...ask, logprobs: true, topLogprobs: 25 });
    expect(lastBody().top_logprobs).toBe(20);
    expect(response.logprobs?.[0]?.topLogprobs).toHaveLength(20);
  });

  it('maps streamed logprobs chunk by chunk', async () => {
    const provider = make();
    const response = await collect(provider, { ...ask, logprobs: true, topLogprobs: 2 });
    expect(response.logprobs?.map((entry) => entry.token).join('')).toBe('Fine, thanks.');
    expect(response.logprobs?.[0]?.topLogprobs).toHaveLength(2);
  });

  it('returns no logprobs unless asked', async () => {
    const response = await make().chat(ask);
    expect(lastBody().logprobs).toBeUndefined();
    expect(response.logprobs).toBeUndefined();
  });

  it('reports cached prompt tokens (prompt_tokens_details.cached_tokens) inside inputTokens', async () => {
    simulator.setReply({ text: 'Cached.', cachedTokens: 3 });
    const response = await make().chat({
      messages: [{ role: 'user', content: 'A prompt long enough to count.' }],
    });
    expect(response.usage.cacheReadTokens).toBe(3);
    expect(response.usage.inputTokens).toBeGreaterThan(3);
    expect(response.usage.cacheWriteTokens).toBe(0);
  });

  describe('reasoning models', () => {
    it('never sends logprobs, temperature, top_p, penalties or stop, and returns no logprobs', async () => {
      const provider = make({ model: 'o4-mini' });
      expect(provider.reasoning).toBe(true);
      expect(provider.capabilities?.logprobs).toBe(false);
      simulator.setReply({ text: 'Thought about it.', reasoningTokens: 12 });
      const response = await provider.chat({
        ...ask,
        logprobs: true,
        topLogprobs: 3,
        temperature: 0.2,
        topP: 0.5,
        presencePenalty: 1,
        frequencyPenalty: 1,
        stop: ['END'],
        maxOutputTokens: 50,
      });
      const body = lastBody();
      for (const key of [
        'logprobs',
        'top_logprobs',
        'temperature',
        'top_p',
        'presence_penalty',
        'frequency_penalty',
        'stop',
        'max_tokens',
      ]) {
        expect(body[key]).toBeUndefined();
      }
      expect(body.max_completion_tokens).toBe(50);
      expect(response.logprobs).toBeUndefined();
      expect(response.usage.reasoningTokens).toBe(12);
    });

    it('streams without logprobs too', async () => {
      const provider = make({ model: 'gpt-5-mini' });
      const response = await collect(provider, { ...ask, logprobs: true });
      expect(lastBody().logprobs).toBeUndefined();
      expect(response.logprobs).toBeUndefined();
      expect(response.finishReason).toBe('stop');
    });

    it('is detected by model name, or forced with the reasoning option', async () => {
      expect(make({ model: 'gpt-4o' }).reasoning).toBe(false);
      expect(make({ model: 'gpt-5-chat-latest' }).reasoning).toBe(false);
      expect(make({ model: 'o3' }).reasoning).toBe(true);
      const forced = make({ model: 'my-deployment', reasoning: true });
      await forced.chat({ ...ask, logprobs: true });
      expect(lastBody().logprobs).toBeUndefined();
      expect(make({ model: 'o3', reasoning: false }).capabilities?.logprobs).toBe(true);
    });
  });

  it('sends max_tokens instead when maxTokensParameter says so', async () => {
    await make({ maxTokensParameter: 'max_tokens' }).chat({ ...ask, maxOutputTokens: 77 });
    expect(lastBody().max_tokens).toBe(77);
    expect(lastBody().max_completion_tokens).toBeUndefined();
  });

  it('passes providerOptions.openai and providerOptions[<id>] through as body fields', async () => {
    await make({ id: 'gpt' }).chat({
      ...ask,
      providerOptions: {
        openai: { user: 'u-1', service_tier: 'flex' },
        gpt: { service_tier: 'priority' },
        other: { x: 1 },
      },
    });
    expect(lastBody()).toMatchObject({ user: 'u-1', service_tier: 'priority' });
    expect(lastBody().x).toBeUndefined();
  });

  it('never lets the SDK retry, even on a client built with retries', async () => {
    const before = simulator.chatBodies().length;
    simulator.script.set([{ status: 500 }, { status: 500 }, { status: 500 }]);
    await expect(make().chat(ask)).rejects.toThrow();
    const client = new OpenAI({ apiKey: 'sk-test', baseURL: simulator.baseURL, maxRetries: 5 });
    await expect(createOpenAI({ model: 'gpt-4o-mini', client }).chat(ask)).rejects.toThrow();
    expect(simulator.chatBodies().length - before).toBe(2);
  });

  it("honours the caller's signal while waiting for an answer", async () => {
    simulator.script.set([{ fault: 'hang' }]);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 30);
    const error = await make()
      .chat({ ...ask, signal: controller.signal })
      .catch((caught: unknown) => caught);
    expect(AbortedError.isInstance(error)).toBe(true);
  });

  it('maps a structured-output refusal to content_filter with no text', async () => {
    simulator.setReply({ refusal: "I'm sorry, I can't help with that." });
    const provider = make();
    const response = await provider.chat(ask);
    expect(response).toMatchObject({ text: '', finishReason: 'content_filter' });
    const streamed = await collect(provider, ask);
    expect(streamed).toMatchObject({ text: '', finishReason: 'content_filter' });
  });

  it('is a cloud provider by default, local on request', () => {
    expect(make().kind).toBe('cloud');
    expect(make({ kind: 'local' }).kind).toBe('local');
    expect(make().id).toBe('openai');
  });
});
