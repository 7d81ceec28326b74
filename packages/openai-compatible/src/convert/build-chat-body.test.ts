import { describe, expect, it } from 'vitest';
import { buildChatBody } from './build-chat-body';

const options = { model: 'm', stream: false, streamUsage: true, providerOptionKeys: ['local', 'my-id'] };

describe('buildChatBody', () => {
  it('maps every message role, tool calls and tool results', () => {
    const body = buildChatBody(
      {
        messages: [
          { role: 'system', content: 'Be brief.' },
          { role: 'user', content: [{ type: 'text', text: 'Weather?' }] },
          {
            role: 'assistant',
            content: null,
            toolCalls: [{ id: 'c1', name: 'get_weather', arguments: '{"city":"Oslo"}' }],
          },
          { role: 'tool', toolCallId: 'c1', content: '{"sky":"grey"}' },
        ],
      },
      options,
    );
    expect(body.messages).toEqual([
      { role: 'system', content: 'Be brief.' },
      { role: 'user', content: [{ type: 'text', text: 'Weather?' }] },
      {
        role: 'assistant',
        content: null,
        tool_calls: [
          { id: 'c1', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Oslo"}' } },
        ],
      },
      { role: 'tool', tool_call_id: 'c1', content: '{"sky":"grey"}' },
    ]);
    expect(body.model).toBe('m');
    expect(body.stream).toBeUndefined();
  });

  it('maps sampling, tools, tool choice, response format and logprobs', () => {
    const body = buildChatBody(
      {
        messages: [{ role: 'user', content: 'x' }],
        maxOutputTokens: 12,
        temperature: 0,
        topP: 0.9,
        topK: 40,
        seed: 7,
        stop: ['END'],
        tools: [{ name: 't', description: 'd', parameters: { type: 'object' } }],
        toolChoice: { type: 'tool', name: 't' },
        responseFormat: { type: 'json_schema', name: 's', schema: { type: 'object' }, strict: true },
        logprobs: true,
        topLogprobs: 4,
      },
      { ...options, stream: true },
    );
    expect(body).toMatchObject({
      stream: true,
      stream_options: { include_usage: true },
      max_tokens: 12,
      temperature: 0,
      top_p: 0.9,
      top_k: 40,
      seed: 7,
      stop: ['END'],
      tools: [
        { type: 'function', function: { name: 't', description: 'd', parameters: { type: 'object' } } },
      ],
      tool_choice: { type: 'function', function: { name: 't' } },
      response_format: {
        type: 'json_schema',
        json_schema: { name: 's', schema: { type: 'object' }, strict: true },
      },
      logprobs: true,
      top_logprobs: 4,
    });
  });

  it('merges providerOptions for the adapter name, then the provider id, and no other key', () => {
    const body = buildChatBody(
      {
        messages: [{ role: 'user', content: 'x' }],
        providerOptions: { local: { a: 1, b: 1 }, 'my-id': { b: 2 }, other: { c: 3 } },
      },
      options,
    );
    expect(body).toMatchObject({ a: 1, b: 2 });
    expect(body.c).toBeUndefined();
  });
});
