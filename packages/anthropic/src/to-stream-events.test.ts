import type { RawMessageStreamEvent } from '@anthropic-ai/sdk/resources/messages';
import type { StreamEvent } from '@switchyard/core';
import { describe, expect, it } from 'vitest';
import { toStreamEvents } from './to-stream-events';

async function run(events: unknown[]): Promise<StreamEvent[]> {
  const out: StreamEvent[] = [];
  const source = (async function* () {
    yield* events as RawMessageStreamEvent[];
  })();
  for await (const event of toStreamEvents(source, { id: 'p', signal: undefined })) out.push(event);
  return out;
}

const start = {
  type: 'message_start',
  message: { id: 'msg_1', model: 'm', content: [], usage: { input_tokens: 10, output_tokens: 1 } },
};
const end = [
  {
    type: 'message_delta',
    delta: { stop_reason: 'end_turn', stop_sequence: null },
    usage: { output_tokens: 4 },
  },
  { type: 'message_stop' },
];

describe('Anthropic events → core stream events', () => {
  it('does not turn a server tool’s input into a tool call', async () => {
    const events = await run([
      start,
      {
        type: 'content_block_start',
        index: 0,
        content_block: { type: 'server_tool_use', id: 's', name: 'web_search', input: {} },
      },
      {
        type: 'content_block_delta',
        index: 0,
        delta: { type: 'input_json_delta', partial_json: '{"query":"x"}' },
      },
      { type: 'content_block_stop', index: 0 },
      { type: 'content_block_start', index: 1, content_block: { type: 'text', text: '' } },
      { type: 'content_block_delta', index: 1, delta: { type: 'text_delta', text: 'Found.' } },
      { type: 'content_block_stop', index: 1 },
      ...end,
    ]);
    expect(events.some((event) => event.type === 'tool-call-delta')).toBe(false);
    expect(events[0]).toEqual({ type: 'text-delta', text: 'Found.' });
  });

  it('skips thinking and signature deltas', async () => {
    const events = await run([
      start,
      { type: 'content_block_start', index: 0, content_block: { type: 'thinking', thinking: '' } },
      { type: 'content_block_delta', index: 0, delta: { type: 'thinking_delta', thinking: 'hmm' } },
      { type: 'content_block_delta', index: 0, delta: { type: 'signature_delta', signature: 'sig' } },
      { type: 'content_block_stop', index: 0 },
      ...end,
    ]);
    expect(events.map((event) => event.type)).toEqual(['usage', 'finish']);
  });

  it('sends usage once, before finish, with message_delta totals over message_start', async () => {
    const events = await run([start, ...end]);
    expect(events).toEqual([
      { type: 'usage', usage: { inputTokens: 10, outputTokens: 4, cacheReadTokens: 0, cacheWriteTokens: 0 } },
      { type: 'finish', finishReason: 'stop', model: 'm', responseId: 'msg_1' },
    ]);
  });
});
