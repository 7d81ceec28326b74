import type { ChatRequest, StreamEvent } from '@switchyard/core';
import { describe, expect, it } from 'vitest';
import type { OpenAICompatibleDialect } from '../provider/dialect';
import { createChatStreamState } from './chat-stream-state';

const dialect: OpenAICompatibleDialect = { name: 'test', bodyModel: 'm', streamUsage: true };
const request: ChatRequest = { messages: [{ role: 'user', content: 'hi' }] };
const data = (payload: unknown) => ({
  kind: 'event' as const,
  event: undefined,
  data: JSON.stringify(payload),
  errorField: false,
});
const done = { kind: 'event' as const, event: undefined, data: '[DONE]', errorField: false };
const chunk = (delta: unknown, finish: string | null = null, extra: Record<string, unknown> = {}) =>
  data({ id: 'r1', model: 'm1', choices: [{ index: 0, delta, finish_reason: finish }], ...extra });
const usage = { prompt_tokens: 3, completion_tokens: 2 };

function run(
  items: Parameters<ReturnType<typeof createChatStreamState>['handle']>[0][],
  options: { end?: boolean; req?: ChatRequest } = {},
) {
  const state = createChatStreamState(options.req ?? request, { provider: 'p', dialect });
  const events: StreamEvent[] = [];
  for (const item of items) events.push(...state.handle(item));
  if (options.end) events.push(...state.end());
  return { events, done: state.done };
}

describe('createChatStreamState', () => {
  it('holds finish until the usage chunk that follows it', () => {
    const { events, done: finished } = run([
      chunk({ content: 'Hi' }),
      chunk({}, 'stop'),
      data({ choices: [], usage }),
    ]);
    expect(events.map((event) => event.type)).toEqual(['text-delta', 'usage', 'finish']);
    expect(events.at(-1)).toEqual({ type: 'finish', finishReason: 'stop', model: 'm1', responseId: 'r1' });
    expect(finished).toBe(true);
  });

  it('finishes at once when usage comes with the finish chunk', () => {
    const { events } = run([chunk({ content: 'Hi' }, 'stop', { usage })]);
    expect(events.map((event) => event.type)).toEqual(['text-delta', 'usage', 'finish']);
  });

  it('finishes without usage at [DONE] when the server sent none', () => {
    const { events } = run([chunk({ content: 'Hi' }), chunk({}, 'length'), done]);
    expect(events.map((event) => event.type)).toEqual(['text-delta', 'finish']);
    expect(events.at(-1)).toMatchObject({ finishReason: 'length' });
  });

  it('turns a stream that ends without finish_reason into StreamInterruptedError', () => {
    for (const items of [[chunk({ content: 'Hi' })], [chunk({ content: 'Hi' }), done]]) {
      const { events } = run(items, { end: true });
      expect(events.at(-1)).toMatchObject({ type: 'error', error: { code: 'stream_interrupted' } });
    }
  });

  it('sends a tool call name and id once, however often the server repeats them', () => {
    const call = (piece: Record<string, unknown>) => chunk({ tool_calls: [{ index: 0, ...piece }] });
    const { events } = run([
      call({ id: 'c1', type: 'function', function: { name: 'get', arguments: '' } }),
      call({ id: 'c1', function: { name: 'get', arguments: '{"a"' } }),
      call({ function: { arguments: ':1}' } }),
      chunk({}, 'tool_calls', { usage }),
    ]);
    expect(events.filter((event) => event.type === 'tool-call-delta')).toEqual([
      { type: 'tool-call-delta', index: 0, id: 'c1', name: 'get', argumentsDelta: '' },
      { type: 'tool-call-delta', index: 0, argumentsDelta: '{"a"' },
      { type: 'tool-call-delta', index: 0, argumentsDelta: ':1}' },
    ]);
    expect(events.at(-1)).toMatchObject({ finishReason: 'tool_calls' });
  });

  it('maps logprobs only when the request asked for them', () => {
    const withLogprobs = chunk({ content: 'A' }, null);
    const payload = JSON.parse(withLogprobs.data);
    payload.choices[0].logprobs = {
      content: [{ token: 'A', logprob: -3.4028234663852886e38, top_logprobs: [] }],
    };
    const item = data(payload);
    expect(run([item]).events.map((event) => event.type)).toEqual(['text-delta']);
    const asked = run([item], { req: { ...request, logprobs: true } }).events;
    expect(asked[1]).toEqual({
      type: 'logprobs',
      logprobs: [{ token: 'A', logprob: -9999, topLogprobs: [] }],
    });
  });

  it('reports an error payload and stops', () => {
    const { events, done: finished } = run([
      chunk({ content: 'A' }),
      data({ error: { code: 503, message: 'Loading model', type: 'unavailable_error' } }),
      chunk({ content: 'ignored' }),
    ]);
    expect(events.map((event) => event.type)).toEqual(['text-delta', 'error']);
    expect(events.at(-1)).toMatchObject({ error: { code: 'provider_unavailable', status: 503 } });
    expect(finished).toBe(true);
  });

  it('reports an `error:` field line with a non-JSON payload', () => {
    const { events } = run([
      { kind: 'event', event: undefined, data: 'upstream exploded', errorField: true },
    ]);
    expect(events).toMatchObject([
      { type: 'error', error: { message: expect.stringContaining('upstream exploded') } },
    ]);
  });

  it('reports a data line that is not JSON as a ProviderError', () => {
    const { events } = run([{ kind: 'event', event: undefined, data: '{"choices": [', errorField: false }]);
    expect(events).toMatchObject([{ type: 'error', error: { code: 'provider_error' } }]);
  });
});
