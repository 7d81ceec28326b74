import { readFileSync } from 'node:fs';
import { ContextLengthExceededError, type StreamEvent } from '@switchyard/core';
import { type SimulatorServer, startMlxSimulator, startSimulatorServer } from '@switchyard/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { createMlx } from './create-mlx';

// biome-ignore lint/suspicious/noExplicitAny: the test reads a raw wire body, whatever its shape.
type WireJson = any;

const fixture = (name: string) => readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url), 'utf8');

let servers: SimulatorServer[] = [];
afterEach(async () => {
  await Promise.all(servers.map((server) => server.close()));
  servers = [];
});

async function serve(path: string, file: string, type: string, status = 200): Promise<string> {
  const server = await startSimulatorServer((request, response) => {
    if (request.path !== path) {
      response.writeHead(404).end('Not Found');
      return;
    }
    response.writeHead(status, { 'content-type': type });
    response.end(fixture(file));
  });
  servers.push(server);
  return server.url;
}

const question = { messages: [{ role: 'user' as const, content: 'Say hello.' }] };

function shapeOf(value: unknown): unknown {
  if (Array.isArray(value)) return value.length === 0 ? [] : [shapeOf(value[0])];
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) out[key] = shapeOf((value as Record<string, unknown>)[key]);
    return out;
  }
  return value === null ? 'null' : typeof value;
}

describe('MLX adapter on recorded-shape fixtures', () => {
  it('takes the sampled token from an unordered top_logprobs list and decodes its piece', async () => {
    const baseURL = await serve(
      '/v1/chat/completions',
      'chat-completion-top-logprobs.json',
      'application/json',
    );
    const response = await createMlx({ baseURL, model: 'qwen-mlx' }).chat({
      ...question,
      logprobs: true,
      topLogprobs: 2,
      temperature: 0,
    });
    expect(response.text).toBe('Hello there!');
    expect(response.model).toBe('qwen-mlx');
    expect(response.logprobs?.map((entry) => entry.token)).toEqual(['Hello', ' there', '!']);
    expect(response.logprobs?.map((entry) => entry.logprob)).toEqual([-0.0413, -0.3009, -0.0122]);
    expect(response.logprobs?.[1]?.topLogprobs).toEqual([
      { token: ' there', logprob: -0.3009 },
      { token: ' that', logprob: -2.5107 },
    ]);
    expect(response.logprobs?.[2]?.topLogprobs[1]).toEqual({ token: '\n', logprob: -4.8125 });
    expect(response.usage.cacheReadTokens).toBe(0);
  });

  it('reads the sampled-token logprobs sent without top_logprobs', async () => {
    const baseURL = await serve('/v1/chat/completions', 'chat-completion-logprobs.json', 'application/json');
    const response = await createMlx({ baseURL }).chat({ ...question, logprobs: true });
    expect(response.logprobs).toEqual([
      { token: '', logprob: -0.9177, topLogprobs: [] },
      { token: '', logprob: -0.0101, topLogprobs: [] },
    ]);
    expect(response.usage).toMatchObject({ inputTokens: 30, cacheReadTokens: 24 });
  });

  it('reads the older token_logprobs / tokens / top_logprobs shape', async () => {
    const baseURL = await serve(
      '/v1/chat/completions',
      'chat-completion-legacy-logprobs.json',
      'application/json',
    );
    const response = await createMlx({ baseURL }).chat({ ...question, logprobs: true, topLogprobs: 2 });
    expect(response.logprobs?.map((entry) => entry.logprob)).toEqual([-0.2031, -0.0156]);
    expect(response.logprobs?.[0]?.topLogprobs.map((entry) => entry.logprob)).toEqual([-0.2031, -1.8281]);
  });

  it('ignores the keepalive comment and holds finish until the usage chunk that follows it', async () => {
    const baseURL = await serve('/v1/chat/completions', 'chat-stream-usage.sse', 'text/event-stream');
    const events: StreamEvent[] = [];
    for await (const event of createMlx({ baseURL }).stream(question)) events.push(event);
    expect(events.map((event) => event.type)).toEqual(['text-delta', 'text-delta', 'usage', 'finish']);
    expect(events.at(-1)).toMatchObject({ type: 'finish', finishReason: 'stop', model: 'default_model' });
  });

  it('maps {"error": "Prompt exceeds max prompt token limit ..."} to ContextLengthExceededError', async () => {
    const baseURL = await serve(
      '/v1/chat/completions',
      'error-prompt-too-long.json',
      'application/json',
      500,
    );
    const error = await createMlx({ baseURL })
      .chat(question)
      .catch((caught: unknown) => caught);
    expect(ContextLengthExceededError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ promptTokens: 40961, contextWindow: 32768 });
  });

  it('the simulator answers in the same shapes as the fixtures', async () => {
    await using mlx = await startMlxSimulator({ reply: { text: 'Hello there!' } });
    const post = (body: unknown) =>
      fetch(`${mlx.url}/v1/chat/completions`, { method: 'POST', body: JSON.stringify(body) });
    const top = await (await post({ ...question, logprobs: true, top_logprobs: 2 })).json();
    expect(shapeOf(top)).toEqual(shapeOf(JSON.parse(fixture('chat-completion-top-logprobs.json'))));
    const plain = await (await post({ ...question, logprobs: true })).json();
    expect(shapeOf(plain)).toEqual(shapeOf(JSON.parse(fixture('chat-completion-logprobs.json'))));
    const streamed = await (
      await post({ ...question, stream: true, stream_options: { include_usage: true } })
    ).text();
    expect(streamed.startsWith(': keepalive')).toBe(true);
    const blocks = (text: string) => text.split('\n\n').filter((block) => block.startsWith('data: {'));
    const mine = blocks(streamed).map((block) => shapeOf(JSON.parse(block.slice(6))));
    const theirs = blocks(fixture('chat-stream-usage.sse')).map((block) =>
      shapeOf(JSON.parse(block.slice(6))),
    );
    expect(mine[0]).toEqual(theirs[0]);
    expect(mine.at(-1)).toEqual(theirs.at(-1));
    expect(await (await fetch(`${mlx.url}/health`)).text()).toBe(fixture('health.json'));
    await using legacy = await startMlxSimulator({ logprobsShape: 'legacy', reply: { text: 'Hello!' } });
    const old: WireJson = await (
      await fetch(`${legacy.url}/v1/chat/completions`, {
        method: 'POST',
        body: JSON.stringify({ ...question, logprobs: 2 }),
      })
    ).json();
    const oldFixture = JSON.parse(fixture('chat-completion-legacy-logprobs.json'));
    expect(Object.keys(old.choices[0].logprobs).sort()).toEqual(
      Object.keys(oldFixture.choices[0].logprobs).sort(),
    );
  });
});
