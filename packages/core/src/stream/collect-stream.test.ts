import { describe, expect, it } from 'vitest';
import { ProviderUnavailableError, StreamInterruptedError } from '../errors/errors';
import type { StreamEvent } from '../types/stream-event';
import { collectStream } from './collect-stream';

async function* events(list: StreamEvent[]): AsyncGenerator<StreamEvent> {
  for (const event of list) yield event;
}

const meta = { provider: 'p', model: 'm' };

describe('collectStream', () => {
  it('assembles text, parallel tool calls, logprobs and usage', async () => {
    const response = await collectStream(
      events([
        { type: 'text-delta', text: 'Hel' },
        { type: 'logprobs', logprobs: [{ token: 'Hel', logprob: -0.1, topLogprobs: [] }] },
        { type: 'text-delta', text: 'lo' },
        { type: 'tool-call-delta', index: 1, id: 'b', name: 'second', argumentsDelta: '{"y":' },
        { type: 'tool-call-delta', index: 0, id: 'a', name: 'first', argumentsDelta: '{}' },
        { type: 'tool-call-delta', index: 1, argumentsDelta: '2}' },
        {
          type: 'usage',
          usage: { inputTokens: 3, outputTokens: 2, cacheReadTokens: 1, cacheWriteTokens: 0 },
        },
        { type: 'finish', finishReason: 'tool_calls', model: 'm-2025', responseId: 'r1' },
      ]),
      meta,
    );
    expect(response).toMatchObject({
      text: 'Hello',
      finishReason: 'tool_calls',
      model: 'm-2025',
      responseId: 'r1',
      usage: { inputTokens: 3, outputTokens: 2, cacheReadTokens: 1 },
      toolCalls: [
        { id: 'a', name: 'first', arguments: '{}' },
        { id: 'b', name: 'second', arguments: '{"y":2}' },
      ],
    });
    expect(response.logprobs).toHaveLength(1);
  });

  it('throws StreamInterruptedError when the finish event never comes', async () => {
    await expect(collectStream(events([{ type: 'text-delta', text: 'par' }]), meta)).rejects.toSatisfy(
      (error: unknown) => StreamInterruptedError.isInstance(error),
    );
  });

  it('throws an in-stream error event', async () => {
    const error = new ProviderUnavailableError({ message: 'overloaded' });
    await expect(
      collectStream(
        events([
          { type: 'text-delta', text: 'a' },
          { type: 'error', error },
        ]),
        meta,
      ),
    ).rejects.toBe(error);
  });
});
