import {
  AbortedError,
  type ChatRequest,
  collectStream,
  InvalidRequestError,
  type Provider,
  ProviderUnavailableError,
  type StreamEvent,
} from '@switchyard/core';
import { type AnthropicSimulator, startAnthropicSimulator } from '@switchyard/testing';
import Anthropic from '@anthropic-ai/sdk';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createAnthropic } from './anthropic-provider';

type Body = Record<string, unknown>;
type Block = Record<string, unknown>;

const collect = (provider: Provider, request: ChatRequest) =>
  collectStream(provider.stream(request), { provider: provider.id, model: provider.model });

const weather = {
  name: 'get_weather',
  description: 'Current weather for a city',
  parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
};
const ask: ChatRequest = { messages: [{ role: 'user', content: 'Hello?' }] };
const long = 'The travel policy says economy class for flights under six hours. '.repeat(20);

describe('Anthropic adapter quirks', () => {
  let simulator: AnthropicSimulator;
  const lastBody = (): Body => simulator.messageBodies().at(-1) as Body;
  const make = (settings: Partial<Parameters<typeof createAnthropic>[0]> = {}) =>
    createAnthropic({
      model: 'claude-sonnet-5',
      apiKey: 'sk-ant-test',
      baseURL: simulator.baseURL,
      ...settings,
    });

  beforeAll(async () => {
    simulator = await startAnthropicSimulator({ apiKey: 'sk-ant-test', minCacheableTokens: 64 });
  });
  afterAll(() => simulator.close());
  beforeEach(() => {
    simulator.script.set([]);
    simulator.setReply({ text: 'Fine, thanks.' });
    simulator.clearPromptCache();
  });

  it('lifts system messages into the top-level system field', async () => {
    await make().chat({
      messages: [
        { role: 'system', content: 'Be terse.' },
        { role: 'user', content: 'Hi' },
        { role: 'system', content: 'Answer in English.' },
      ],
    });
    expect(lastBody().system).toEqual([
      { type: 'text', text: 'Be terse.' },
      { type: 'text', text: 'Answer in English.' },
    ]);
    expect(lastBody().messages).toEqual([{ role: 'user', content: [{ type: 'text', text: 'Hi' }] }]);
  });

  it('sends multi-turn conversations, merging consecutive turns of one role', async () => {
    await make().chat({
      messages: [
        { role: 'user', content: 'One' },
        { role: 'user', content: [{ type: 'text', text: 'Two' }] },
        { role: 'assistant', content: 'Three' },
        { role: 'user', content: 'Four' },
      ],
    });
    expect(lastBody().messages).toEqual([
      {
        role: 'user',
        content: [
          { type: 'text', text: 'One' },
          { type: 'text', text: 'Two' },
        ],
      },
      { role: 'assistant', content: [{ type: 'text', text: 'Three' }] },
      { role: 'user', content: [{ type: 'text', text: 'Four' }] },
    ]);
  });

  it('always sends max_tokens: the request’s maxOutputTokens, else the default', async () => {
    await make().chat(ask);
    expect(lastBody().max_tokens).toBe(4096);
    await make({ maxOutputTokens: 1000 }).chat(ask);
    expect(lastBody().max_tokens).toBe(1000);
    await make().chat({ ...ask, maxOutputTokens: 50 });
    expect(lastBody().max_tokens).toBe(50);
  });

  it('sends tools with input_schema and maps every tool choice', async () => {
    simulator.setReply({ toolCalls: [{ id: 'toolu_1', name: 'get_weather', arguments: '{"city":"Oslo"}' }] });
    const provider = make();
    const response = await provider.chat({ ...ask, tools: [weather], toolChoice: 'required' });
    expect(lastBody().tools).toEqual([
      { name: 'get_weather', description: weather.description, input_schema: weather.parameters },
    ]);
    expect(lastBody().tool_choice).toEqual({ type: 'any' });
    expect(response.toolCalls).toEqual([
      { id: 'toolu_1', name: 'get_weather', arguments: '{"city":"Oslo"}' },
    ]);
    expect(response.finishReason).toBe('tool_calls');
    for (const [choice, wire] of [
      ['auto', { type: 'auto' }],
      ['none', { type: 'none' }],
      [
        { type: 'tool', name: 'get_weather' },
        { type: 'tool', name: 'get_weather' },
      ],
    ] as const) {
      await provider.chat({ ...ask, tools: [weather], toolChoice: choice });
      expect(lastBody().tool_choice).toEqual(wire);
    }
  });

  it('sends tool calls as tool_use blocks and tool results as tool_result blocks in one user turn', async () => {
    await make().chat({
      messages: [
        { role: 'user', content: 'Weather in Oslo and Lima?' },
        {
          role: 'assistant',
          content: 'Checking.',
          toolCalls: [
            { id: 'toolu_a', name: 'get_weather', arguments: '{"city":"Oslo"}' },
            { id: 'toolu_b', name: 'get_weather', arguments: '' },
          ],
        },
        { role: 'tool', toolCallId: 'toolu_a', content: 'clear' },
        { role: 'tool', toolCallId: 'toolu_b', content: 'rain' },
      ],
      tools: [weather],
    });
    const messages = lastBody().messages as Body[];
    expect(messages[1]).toEqual({
      role: 'assistant',
      content: [
        { type: 'text', text: 'Checking.' },
        { type: 'tool_use', id: 'toolu_a', name: 'get_weather', input: { city: 'Oslo' } },
        { type: 'tool_use', id: 'toolu_b', name: 'get_weather', input: {} },
      ],
    });
    expect(messages[2]).toEqual({
      role: 'user',
      content: [
        { type: 'tool_result', tool_use_id: 'toolu_a', content: 'clear' },
        { type: 'tool_result', tool_use_id: 'toolu_b', content: 'rain' },
      ],
    });
  });

  it('rejects tool-call arguments that are not a JSON object, naming the field', async () => {
    const error = await make()
      .chat({
        messages: [
          { role: 'user', content: 'x' },
          { role: 'assistant', toolCalls: [{ id: 't', name: 'get_weather', arguments: '[1,2]' }] },
        ],
      })
      .catch((caught: unknown) => caught);
    expect(InvalidRequestError.isInstance(error)).toBe(true);
    expect((error as InvalidRequestError).field).toBe('request.messages[1].toolCalls[0].arguments');
  });

  it('streams every event type into core events: text, tool input, usage, then finish', async () => {
    simulator.setReply({
      thinking: 'Let me think.',
      text: 'Checking the weather.',
      toolCalls: [{ id: 'toolu_w', name: 'get_weather', arguments: '{"city":"Lisbon","days":3}' }],
    });
    const received: StreamEvent[] = [];
    for await (const event of make().stream({ ...ask, tools: [weather] })) received.push(event);
    const text = received.flatMap((event) => (event.type === 'text-delta' ? [event.text] : [])).join('');
    expect(text).toBe('Checking the weather.');
    const tool = received.filter((event) => event.type === 'tool-call-delta');
    expect(tool[0]).toMatchObject({ id: 'toolu_w', name: 'get_weather' });
    expect(tool.map((event) => (event.type === 'tool-call-delta' ? event.argumentsDelta : '')).join('')).toBe(
      '{"city":"Lisbon","days":3}',
    );
    expect(received.at(-2)?.type).toBe('usage');
    expect(received.at(-1)).toMatchObject({
      type: 'finish',
      finishReason: 'tool_calls',
      model: 'claude-sonnet-5',
    });
  });

  it('maps an error event mid-stream (overloaded_error) to a retryable ProviderUnavailableError', async () => {
    simulator.script.set([{ fault: 'stream-error', afterChunks: 1 }]);
    const received: StreamEvent[] = [];
    for await (const event of make().stream(ask)) received.push(event);
    expect(received[0]).toEqual({ type: 'text-delta', text: 'Fine,' });
    const last = received.at(-1);
    const error = last?.type === 'error' ? last.error : undefined;
    expect(ProviderUnavailableError.isInstance(error)).toBe(true);
    expect(error?.isRetryable).toBe(true);
    expect(error?.message).toContain('Overloaded (in the stream)');
    expect(received.some((event) => event.type === 'finish')).toBe(false);
  });

  describe('prompt caching from one option', () => {
    const cached: ChatRequest = {
      messages: [
        { role: 'system', content: long },
        { role: 'user', content: long },
      ],
      tools: [weather],
    };

    it('is off by default: no cache_control anywhere', async () => {
      await make().chat(cached);
      expect(JSON.stringify(lastBody())).not.toContain('cache_control');
    });

    it("'5m' marks the last tool, the last system block and the last message block", async () => {
      await make({ promptCaching: '5m' }).chat(cached);
      const body = lastBody();
      expect((body.tools as Block[]).at(-1)?.cache_control).toEqual({ type: 'ephemeral' });
      expect((body.system as Block[]).at(-1)?.cache_control).toEqual({ type: 'ephemeral' });
      const lastMessage = (body.messages as Array<{ content: Block[] }>).at(-1)!;
      expect(lastMessage.content.at(-1)?.cache_control).toEqual({ type: 'ephemeral' });
      expect(JSON.stringify(body).match(/cache_control/g)).toHaveLength(3);
    });

    it("'1h' uses 1-hour breakpoints and usage reports the 1-hour writes, then reads", async () => {
      const provider = make({ promptCaching: '1h' });
      const first = await provider.chat(cached);
      expect((lastBody().system as Block[]).at(-1)?.cache_control).toEqual({ type: 'ephemeral', ttl: '1h' });
      expect(first.usage.cacheWriteTokens).toBeGreaterThan(0);
      expect(first.usage.cacheWrite1hTokens).toBe(first.usage.cacheWriteTokens);
      expect(first.usage.cacheReadTokens).toBe(0);
      const second = await provider.chat(cached);
      expect(second.usage.cacheReadTokens).toBe(first.usage.cacheWriteTokens);
      expect(second.usage.cacheWriteTokens).toBe(0);
    });

    it('usage: inputTokens counts every input token, whether fresh, written to or read from the cache', async () => {
      const uncached = await make().chat(cached);
      expect(uncached.usage.cacheWriteTokens + uncached.usage.cacheReadTokens).toBe(0);
      const provider = make({ promptCaching: '5m' });
      const first = await provider.chat(cached);
      const second = await provider.chat(cached);
      expect(first.usage.cacheWriteTokens).toBeGreaterThan(0);
      expect(first.usage.cacheWrite1hTokens).toBe(0);
      expect(second.usage.cacheReadTokens).toBeGreaterThan(0);
      expect(first.usage.inputTokens).toBe(uncached.usage.inputTokens);
      expect(second.usage.inputTokens).toBe(uncached.usage.inputTokens);
      const streamed = await collect(provider, cached);
      expect(streamed.usage).toEqual(second.usage);
    });
  });

  it('has no logprobs: none asked for, none returned, capability false (confidence unknown)', async () => {
    const provider = make();
    expect(provider.capabilities?.logprobs).toBe(false);
    const response = await provider.chat({ ...ask, logprobs: true, topLogprobs: 5 });
    expect(JSON.stringify(lastBody())).not.toContain('logprob');
    expect(response.logprobs).toBeUndefined();
  });

  it('sends no sampling parameters (the current Messages API takes none)', async () => {
    await make().chat({ ...ask, temperature: 0.3, topP: 0.9, topK: 40, stop: ['END'] });
    const body = lastBody();
    expect(body.temperature).toBeUndefined();
    expect(body.top_p).toBeUndefined();
    expect(body.top_k).toBeUndefined();
    expect(body.stop_sequences).toEqual(['END']);
  });

  it('asks for JSON matching a schema through output_config.format', async () => {
    const schema = { type: 'object', properties: { name: { type: 'string' } } };
    await make().chat({ ...ask, responseFormat: { type: 'json_schema', name: 'person', schema } });
    expect(lastBody().output_config).toEqual({ format: { type: 'json_schema', schema } });
  });

  it('passes providerOptions.anthropic and providerOptions[<id>] through as body fields', async () => {
    await make({ id: 'claude' }).chat({
      ...ask,
      providerOptions: {
        anthropic: { metadata: { user_id: 'u-1' } },
        claude: { service_tier: 'standard_only' },
      },
    });
    expect(lastBody()).toMatchObject({ metadata: { user_id: 'u-1' }, service_tier: 'standard_only' });
  });

  it('streams under the hood when max_tokens is too large for a non-streaming call', async () => {
    const response = await make().chat({ ...ask, maxOutputTokens: 64_000 });
    expect(response.text).toBe('Fine, thanks.');
    expect(lastBody()).toMatchObject({ stream: true, max_tokens: 64_000 });
  });

  it('never lets the SDK retry, even on a client built with retries', async () => {
    const before = simulator.messageBodies().length;
    simulator.script.set([{ status: 529 }, { status: 529 }, { status: 529 }]);
    await expect(make().chat(ask)).rejects.toThrow();
    const client = new Anthropic({ apiKey: 'sk-ant-test', baseURL: simulator.baseURL, maxRetries: 5 });
    await expect(createAnthropic({ model: 'claude-sonnet-5', client }).chat(ask)).rejects.toThrow();
    expect(simulator.messageBodies().length - before).toBe(2);
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

  it('is a cloud provider by default', () => {
    expect(make().kind).toBe('cloud');
    expect(make().id).toBe('anthropic');
  });
});
