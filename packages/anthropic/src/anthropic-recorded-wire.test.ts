import {
  type ChatResponse,
  collectStream,
  type Provider,
  type StreamEvent,
  StreamInterruptedError,
} from '@switchyard/core';
import { anthropicChunksToSse, type RecordedAnswer, startRecordingReplay } from '@switchyard/testing';
import { describe, expect, it } from 'vitest';
import { readRecording } from '../test/recorded-wire';
import { createAnthropic } from './anthropic-provider';

const question = { messages: [{ role: 'user' as const, content: 'Hello' }] };

async function replay(answer: RecordedAnswer) {
  const server = await startRecordingReplay([answer]);
  const provider = createAnthropic({
    id: 'replayed',
    model: 'claude-sonnet-5',
    apiKey: 'sk-ant-test',
    baseURL: server.url,
  });
  return { server, provider };
}

const json = (name: string): RecordedAnswer => ({ json: readRecording(`anthropic-messages/${name}`) });
const sse = (name: string): RecordedAnswer => ({
  sse: anthropicChunksToSse(readRecording(`anthropic-messages/${name}`)),
});

async function events(provider: Provider): Promise<StreamEvent[]> {
  const out: StreamEvent[] = [];
  for await (const event of provider.stream(question)) out.push(event);
  return out;
}

async function streamed(
  answer: RecordedAnswer,
): Promise<{ response: ChatResponse; received: StreamEvent[] }> {
  const { server, provider } = await replay(answer);
  await using _ = server;
  const received = await events(provider);
  const response = await collectStream(
    (async function* () {
      yield* received;
    })(),
    { provider: provider.id, model: provider.model },
  );
  return { response, received };
}

describe('Anthropic adapter on recorded real wire (replayed as-is)', () => {
  it('anthropic-text.json: text, usage with the cache split, model and id', async () => {
    const { server, provider } = await replay(json('anthropic-text.json'));
    await using _ = server;
    const response = await provider.chat(question);
    expect(response.text).toBe(
      "Hello! I'm doing well, thanks for asking. How are you doing today? Is there anything I can help you with?",
    );
    expect(response.finishReason).toBe('stop');
    expect(response.usage).toEqual({
      inputTokens: 12,
      outputTokens: 29,
      cacheReadTokens: 0,
      cacheWriteTokens: 0,
      cacheWrite1hTokens: 0,
    });
    expect(response.model).toBe('claude-sonnet-4-5-20250929');
    expect(response.responseId).toBe('msg_01VdEjxAP5ahtHKrrRdNBteQ');
    expect(server.requests[0]?.path).toBe('/v1/messages');
  });

  it('anthropic-text.chunks.txt: pings skipped, usage once, finish last', async () => {
    const { response, received } = await streamed(sse('anthropic-text.chunks.txt'));
    expect(response.text).toBe(
      "Hello! I'm doing well, thank you for asking. How are you doing today? Is there anything I can help you with?",
    );
    expect(received.filter((event) => event.type === 'usage')).toHaveLength(1);
    expect(received.at(-2)).toEqual({
      type: 'usage',
      usage: {
        inputTokens: 12,
        outputTokens: 30,
        cacheReadTokens: 0,
        cacheWriteTokens: 0,
        cacheWrite1hTokens: 0,
      },
    });
    expect(received.at(-1)).toEqual({
      type: 'finish',
      finishReason: 'stop',
      model: 'claude-sonnet-4-5-20250929',
      responseId: 'msg_01QC4g3HwBThD4BaNtBckFDJ',
    });
  });

  it('anthropic-json-tool.1.json and .chunks.txt: a tool call with JSON input', async () => {
    const { server, provider } = await replay(json('anthropic-json-tool.1.json'));
    await using _ = server;
    const response = await provider.chat(question);
    expect(response.finishReason).toBe('tool_calls');
    expect(response.toolCalls[0]?.name).toBe('json');
    expect(JSON.parse(response.toolCalls[0]!.arguments).elements).toHaveLength(4);
    const { response: fromStream } = await streamed(sse('anthropic-json-tool.1.chunks.txt'));
    expect(fromStream.toolCalls).toEqual([
      {
        id: 'toolu_01KFbKqPYSuAKujiL6mTfzYA',
        name: 'json',
        arguments: '{"elements": [{"location": "San Francisco", "temperature": 58, "condition": "sunny"}]}',
      },
    ]);
    expect(fromStream.usage.inputTokens).toBe(849);
  });

  it('anthropic-tool-no-args.json and .chunks.txt: a tool with no arguments gets {}', async () => {
    const { server, provider } = await replay(json('anthropic-tool-no-args.json'));
    await using _ = server;
    const response = await provider.chat(question);
    expect(response.toolCalls).toEqual([
      { id: 'toolu_01LRmxn9vGM1d2DZSDBowdZ1', name: 'updateIssueList', arguments: '{}' },
    ]);
    expect(response.text).toContain('Okay, I will update the current issue list:');
    const { response: fromStream } = await streamed(sse('anthropic-tool-no-args.chunks.txt'));
    expect(fromStream.text).toBe("I'll update the issue list for you.");
    expect(fromStream.toolCalls).toEqual([
      { id: 'toolu_01QE1WLsSVp5hy5Q3GmGTmjP', name: 'updateIssueList', arguments: '{}' },
    ]);
    expect(fromStream.finishReason).toBe('tool_calls');
  });

  it('anthropic-refusal.json and .chunks.txt: content_filter with no text', async () => {
    const { server, provider } = await replay(json('anthropic-refusal.json'));
    await using _ = server;
    expect(await provider.chat(question)).toMatchObject({
      text: '',
      finishReason: 'content_filter',
      toolCalls: [],
    });
    const { response } = await streamed(sse('anthropic-refusal.chunks.txt'));
    expect(response).toMatchObject({ text: '', finishReason: 'content_filter' });
    expect(response.usage).toMatchObject({ inputTokens: 18, outputTokens: 5 });
  });

  it('anthropic-message-delta-input-tokens.chunks.txt: message_delta input tokens replace message_start’s', async () => {
    const { response } = await streamed(sse('anthropic-message-delta-input-tokens.chunks.txt'));
    expect(response.text).toBe('pong');
    expect(response.usage).toEqual({
      inputTokens: 61,
      outputTokens: 2,
      cacheReadTokens: 0,
      cacheWriteTokens: 0,
    });
  });

  it('duplicate-message-start.chunks.txt: the repeated message_start is ignored, nothing counted twice', async () => {
    const { response, received } = await streamed(sse('duplicate-message-start.chunks.txt'));
    expect(response.text).toBe('Hello, World!');
    expect(response.usage).toEqual({
      inputTokens: 17,
      outputTokens: 227,
      cacheReadTokens: 0,
      cacheWriteTokens: 0,
    });
    expect(response.responseId).toBe('msg_dup');
    expect(received.filter((event) => event.type === 'finish')).toHaveLength(1);
  });

  it('spliced-message-start.chunks.txt: a second message inside the first ends the stream with StreamInterruptedError', async () => {
    const { server, provider } = await replay(sse('spliced-message-start.chunks.txt'));
    await using _ = server;
    const received = await events(provider);
    const last = received.at(-1);
    expect(last?.type).toBe('error');
    expect(StreamInterruptedError.isInstance(last?.type === 'error' ? last.error : undefined)).toBe(true);
    expect(received.some((event) => event.type === 'finish')).toBe(false);
    expect(received.some((event) => event.type === 'tool-call-delta' && event.id === 'toolu_second')).toBe(
      false,
    );
    expect(received.some((event) => event.type === 'text-delta')).toBe(false);
  });

  it('anthropic-fallback.json and .chunks.txt: an unknown fallback block is skipped', async () => {
    const { server, provider } = await replay(json('anthropic-fallback.json'));
    await using _ = server;
    const response = await provider.chat(question);
    expect(response.text).toBe('The printing press was invented by Johannes Gutenberg around 1440.');
    expect(response.usage).toMatchObject({ inputTokens: 412, outputTokens: 264 });
    const { response: fromStream } = await streamed(sse('anthropic-fallback.chunks.txt'));
    expect(fromStream.text).toBe('The printing press was invented by Johannes Gutenberg around 1440.');
    expect(fromStream.usage).toMatchObject({ inputTokens: 412, outputTokens: 264 });
  });
});
