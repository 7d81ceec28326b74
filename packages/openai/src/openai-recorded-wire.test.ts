import { collectStream, ProviderError, type StreamEvent } from '@switchyard/core';
import { type RecordedAnswer, openAIChunksToSse, startRecordingReplay } from '@switchyard/testing';
import { describe, expect, it } from 'vitest';
import { readRecording, recordedChunks } from '../test/recorded-wire';
import { createOpenAI } from './openai-provider';

const question = { messages: [{ role: 'user' as const, content: 'Invent a new holiday.' }] };

async function replay(answer: RecordedAnswer, model = 'gpt-4.1-nano') {
  const server = await startRecordingReplay([answer]);
  const provider = createOpenAI({ id: 'replayed', model, apiKey: 'sk-test', baseURL: `${server.url}/v1` });
  return { server, provider };
}

async function events(provider: ReturnType<typeof createOpenAI>) {
  const out: StreamEvent[] = [];
  for await (const event of provider.stream(question)) out.push(event);
  return out;
}

function recordedText(name: string): string {
  return recordedChunks(name)
    .map((chunk) => (chunk.choices as Array<{ delta?: { content?: string } }>)[0]?.delta?.content ?? '')
    .join('');
}

describe('OpenAI adapter on recorded real wire (replayed as-is)', () => {
  it('openai-chat/openai-text.json: text, usage with cached_tokens, model and id', async () => {
    const { server, provider } = await replay({ json: readRecording('openai-chat/openai-text.json') });
    await using _ = server;
    const response = await provider.chat(question);
    const recorded = JSON.parse(readRecording('openai-chat/openai-text.json'));
    expect(response.text).toBe(recorded.choices[0].message.content);
    expect(response.finishReason).toBe('stop');
    expect(response.usage).toEqual({
      inputTokens: 16,
      outputTokens: 363,
      cacheReadTokens: 0,
      cacheWriteTokens: 0,
      reasoningTokens: 0,
    });
    expect(response.model).toBe('gpt-4.1-nano-2025-04-14');
    expect(response.responseId).toBe('chatcmpl-D8Z5f52zQqikDBEKQMQoYcWMcWPeU');
    expect(server.requests[0]?.path).toBe('/v1/chat/completions');
  });

  it('openai-chat/openai-text.chunks.txt: usage chunk after finish_reason, finish last', async () => {
    const { server, provider } = await replay({
      sse: openAIChunksToSse(readRecording('openai-chat/openai-text.chunks.txt')),
    });
    await using _ = server;
    const received = await events(provider);
    expect(received.at(-1)).toMatchObject({
      type: 'finish',
      finishReason: 'stop',
      model: 'gpt-4.1-nano-2025-04-14',
    });
    expect(received.at(-2)).toEqual({
      type: 'usage',
      usage: {
        inputTokens: 16,
        outputTokens: 300,
        cacheReadTokens: 0,
        cacheWriteTokens: 0,
        reasoningTokens: 0,
      },
    });
    const text = received.flatMap((event) => (event.type === 'text-delta' ? [event.text] : [])).join('');
    expect(text).toBe(recordedText('openai-chat/openai-text.chunks.txt'));
    expect((server.requests[0]!.body as { stream_options?: unknown }).stream_options).toEqual({
      include_usage: true,
    });
  });

  it('openai-chat/azure-model-router.1.chunks.txt: skips the empty prompt-filter chunk, counts reasoning tokens', async () => {
    const { server, provider } = await replay({
      sse: openAIChunksToSse(readRecording('openai-chat/azure-model-router.1.chunks.txt')),
    });
    await using _ = server;
    const response = await collectStream(provider.stream(question), {
      provider: provider.id,
      model: provider.model,
    });
    expect(response.text).toBe(recordedText('openai-chat/azure-model-router.1.chunks.txt'));
    expect(response.model).toBe('gpt-5-nano-2025-08-07');
    expect(response.usage).toEqual({
      inputTokens: 15,
      outputTokens: 78,
      cacheReadTokens: 0,
      cacheWriteTokens: 0,
      reasoningTokens: 64,
    });
  });

  it('openai-chat/reasoning-model-legacy-parameter-error.json: a non-retryable ProviderError with the API message', async () => {
    const { server, provider } = await replay({
      json: readRecording('openai-chat/reasoning-model-legacy-parameter-error.json'),
      status: 400,
      headers: { 'x-request-id': 'req_123' },
    });
    await using _ = server;
    const error = await provider.chat(question).catch((caught: unknown) => caught);
    expect(ProviderError.isInstance(error)).toBe(true);
    expect((error as ProviderError).isRetryable).toBe(false);
    expect((error as ProviderError).status).toBe(400);
    expect((error as ProviderError).message).toContain("Unsupported parameter: 'max_tokens'");
    expect((error as ProviderError).message).toContain('req_123');
  });

  describe('an OpenAI-compatible cloud (xAI) through baseURL', () => {
    it('openai-compatible-chat/xai-text.json: cached and reasoning tokens', async () => {
      const { server, provider } = await replay(
        { json: readRecording('openai-compatible-chat/xai-text.json') },
        'grok-3-mini',
      );
      await using _ = server;
      const response = await provider.chat(question);
      expect(response.text).toBe('Grok');
      expect(response.usage).toEqual({
        inputTokens: 12,
        outputTokens: 2,
        cacheReadTokens: 2,
        cacheWriteTokens: 0,
        reasoningTokens: 320,
      });
    });

    it('openai-compatible-chat/xai-text.chunks.txt: reasoning_content ignored, text and usage kept', async () => {
      const { server, provider } = await replay(
        { sse: openAIChunksToSse(readRecording('openai-compatible-chat/xai-text.chunks.txt')) },
        'grok-3-mini',
      );
      await using _ = server;
      const response = await collectStream(provider.stream(question), {
        provider: provider.id,
        model: provider.model,
      });
      expect(response.text).toBe('Grok');
      expect(response.finishReason).toBe('stop');
      expect(response.usage.cacheReadTokens).toBe(11);
      expect(response.usage.reasoningTokens).toBe(340);
    });

    it('openai-compatible-chat/xai-tool-call.json: a tool call with empty content', async () => {
      const { server, provider } = await replay(
        { json: readRecording('openai-compatible-chat/xai-tool-call.json') },
        'grok-3-mini',
      );
      await using _ = server;
      const response = await provider.chat(question);
      expect(response.text).toBe('');
      expect(response.finishReason).toBe('tool_calls');
      expect(response.toolCalls).toEqual([
        { id: 'call_46427107', name: 'weather', arguments: '{"location":"San Francisco"}' },
      ]);
      expect(response.usage.cacheReadTokens).toBe(244);
    });

    it('openai-compatible-chat/xai-tool-call.chunks.txt: a whole tool call in one chunk', async () => {
      const { server, provider } = await replay(
        { sse: openAIChunksToSse(readRecording('openai-compatible-chat/xai-tool-call.chunks.txt')) },
        'grok-3-mini',
      );
      await using _ = server;
      const response = await collectStream(provider.stream(question), {
        provider: provider.id,
        model: provider.model,
      });
      expect(response.finishReason).toBe('tool_calls');
      expect(response.toolCalls).toEqual([
        { id: 'call_79382389', name: 'weather', arguments: '{"location":"San Francisco"}' },
      ]);
    });

    it('openai-compatible-chat/anthropic-fallback-tool-call.sse (raw): tool call at index 1, empty argument pieces, no usage', async () => {
      const { server, provider } = await replay(
        { sse: readRecording('openai-compatible-chat/anthropic-fallback-tool-call.sse') },
        'claude-haiku-4-5',
      );
      await using _ = server;
      const received = await events(provider);
      const response = await collectStream(
        (async function* () {
          yield* received;
        })(),
        { provider: provider.id, model: provider.model },
      );
      expect(response.text).toBe('Reading it.');
      expect(response.toolCalls).toEqual([
        { id: 'toolu_sanitized', name: 'read_file', arguments: '{"path": "a.txt"}' },
      ]);
      expect(response.finishReason).toBe('tool_calls');
      expect(
        received
          .filter((event) => event.type === 'tool-call-delta')
          .every((event) => event.type === 'tool-call-delta' && event.index === 1),
      ).toBe(true);
      expect(received.some((event) => event.type === 'usage')).toBe(false);
      expect(received.at(-1)?.type).toBe('finish');
    });
  });
});
