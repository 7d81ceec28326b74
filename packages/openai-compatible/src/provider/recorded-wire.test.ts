import { readFileSync } from 'node:fs';
import { collectStream } from '@switchyard/core';
import { type SimulatorServer, startSimulatorServer } from '@switchyard/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { createOpenAICompatible } from './create-openai-compatible-provider';

// Real responses recorded from OpenAI and an OpenAI-compatible cloud, kept with the simulators in
// @switchyard/testing (src/simulators/__fixtures__/recorded-wire): the shared base must parse them
// replayed as-is.
const root = new URL('../../../testing/src/simulators/__fixtures__/recorded-wire/', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), 'utf8');

/** `*.chunks.txt` hold one `data:` payload per line, without the SSE framing: add it back. */
const toSse = (chunks: string) =>
  `${chunks
    .split('\n')
    .filter((line) => line.trim().length > 0)
    .map((line) => `data: ${line}\n\n`)
    .join('')}data: [DONE]\n\n`;

let server: SimulatorServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function replay(body: string, type: string) {
  server = await startSimulatorServer((_request, response) => {
    response.writeHead(200, { 'content-type': type });
    response.end(body);
  });
  return createOpenAICompatible({ baseURL: server.url, model: 'recorded' });
}

const question = { messages: [{ role: 'user' as const, content: 'hi' }] };

describe('recorded OpenAI-compatible wire', () => {
  it('parses an xAI completion with cached and reasoning tokens', async () => {
    const provider = await replay(read('openai-compatible-chat/xai-text.json'), 'application/json');
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

  it('parses an xAI tool call', async () => {
    const provider = await replay(read('openai-compatible-chat/xai-tool-call.json'), 'application/json');
    const response = await provider.chat(question);
    expect(response.finishReason).toBe('tool_calls');
    expect(response.toolCalls).toEqual([
      { id: 'call_46427107', name: 'weather', arguments: '{"location":"San Francisco"}' },
    ]);
  });

  it('streams xAI text and tool-call recordings to a finish', async () => {
    for (const file of ['xai-text.chunks.txt', 'xai-tool-call.chunks.txt']) {
      const provider = await replay(toSse(read(`openai-compatible-chat/${file}`)), 'text/event-stream');
      const response = await collectStream(provider.stream(question), { provider: 'p', model: 'recorded' });
      expect(response.usage.outputTokens).toBeGreaterThan(0);
      if (file.includes('tool')) expect(response.toolCalls[0]?.name).toBe('weather');
      await server?.close();
      server = undefined;
    }
  });

  it('streams a raw SSE recording whose tool call index starts at 1', async () => {
    const provider = await replay(
      read('openai-compatible-chat/anthropic-fallback-tool-call.sse'),
      'text/event-stream',
    );
    const response = await collectStream(provider.stream(question), { provider: 'p', model: 'recorded' });
    expect(response.text).toBe('Reading it.');
    expect(response.toolCalls).toEqual([
      { id: 'toolu_sanitized', name: 'read_file', arguments: '{"path": "a.txt"}' },
    ]);
    expect(response.finishReason).toBe('tool_calls');
  });

  it('parses the OpenAI chat recordings', async () => {
    const provider = await replay(read('openai-chat/openai-text.json'), 'application/json');
    expect((await provider.chat(question)).text).toContain('Galaxy Day');
    await server?.close();
    const streamed = await replay(toSse(read('openai-chat/openai-text.chunks.txt')), 'text/event-stream');
    const response = await collectStream(streamed.stream(question), { provider: 'p', model: 'recorded' });
    expect(response.text.startsWith('**Holiday Name:**')).toBe(true);
    expect(response.finishReason).toBe('stop');
  });
});
