import { type StreamEvent, StreamInterruptedError } from '@switchyard/core';
import type { ChatCompletionChunk } from 'openai/resources/chat/completions';
import { describe, expect, it } from 'vitest';
import { toStreamEvents } from './to-stream-events';

function chunk(choices: unknown[], extra: Record<string, unknown> = {}): ChatCompletionChunk {
  return {
    id: 'c1',
    object: 'chat.completion.chunk',
    created: 0,
    model: 'm',
    choices,
    ...extra,
  } as ChatCompletionChunk;
}

async function run(chunks: ChatCompletionChunk[], logprobs = false): Promise<StreamEvent[]> {
  const out: StreamEvent[] = [];
  const source = (async function* () {
    yield* chunks;
  })();
  for await (const event of toStreamEvents(source, { id: 'p', signal: undefined, logprobs })) out.push(event);
  return out;
}

describe('OpenAI chunks → core stream events', () => {
  it('reads only the first choice when several are streamed interleaved', async () => {
    const events = await run([
      chunk([{ index: 0, delta: { content: 'A' } }]),
      chunk([{ index: 1, delta: { content: 'B' } }]),
      chunk([{ index: 0, delta: {}, finish_reason: 'stop' }]),
      chunk([{ index: 1, delta: {}, finish_reason: 'length' }]),
    ]);
    expect(events).toEqual([
      { type: 'text-delta', text: 'A' },
      { type: 'finish', finishReason: 'stop', model: 'm', responseId: 'c1' },
    ]);
  });

  it('passes a tool name on once even when a server repeats it on every piece', async () => {
    const events = await run([
      chunk([
        {
          index: 0,
          delta: { tool_calls: [{ index: 0, id: 't', function: { name: 'f', arguments: '{"a"' } }] },
        },
      ]),
      chunk([{ index: 0, delta: { tool_calls: [{ index: 0, function: { name: 'f', arguments: ':1}' } }] } }]),
      chunk([{ index: 0, delta: {}, finish_reason: 'tool_calls' }]),
    ]);
    expect(events.filter((event) => event.type === 'tool-call-delta')).toEqual([
      { type: 'tool-call-delta', index: 0, id: 't', name: 'f', argumentsDelta: '{"a"' },
      { type: 'tool-call-delta', index: 0, argumentsDelta: ':1}' },
    ]);
  });

  it('holds finish until the usage chunk that follows the finish_reason', async () => {
    const usage = { prompt_tokens: 5, completion_tokens: 1, total_tokens: 6 };
    const events = await run([
      chunk([{ index: 0, delta: { content: 'Hi' } }]),
      chunk([{ index: 0, delta: {}, finish_reason: 'stop' }]),
      chunk([], { usage }),
    ]);
    expect(events.map((event) => event.type)).toEqual(['text-delta', 'usage', 'finish']);
  });

  it('ends a stream without finish_reason with StreamInterruptedError', async () => {
    const events = await run([chunk([{ index: 0, delta: { content: 'Hi' } }])]);
    const last = events.at(-1);
    expect(StreamInterruptedError.isInstance(last?.type === 'error' ? last.error : undefined)).toBe(true);
  });
});
