import { readFileSync } from 'node:fs';
import { ProviderUnavailableError, type StreamEvent, collectStream } from '@switchyard/core';
import { type SimulatorServer, startExoSimulator, startSimulatorServer } from '@switchyard/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { createExo } from './create-exo';

// biome-ignore lint/suspicious/noExplicitAny: the test reads a raw wire body, whatever its shape.
type WireJson = any;

const MODEL = 'mlx-community/Llama-3.2-1B-Instruct-4bit';
const fixture = (name: string) => readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url), 'utf8');

let servers: SimulatorServer[] = [];
afterEach(async () => {
  await Promise.all(servers.map((server) => server.close()));
  servers = [];
});

async function serve(
  routes: Record<string, { file: string; type: string; status?: number }>,
): Promise<string> {
  const server = await startSimulatorServer((request, response) => {
    const route = routes[request.path];
    if (!route) {
      response.writeHead(404, { 'content-type': 'application/json' }).end('{"detail":"Not Found"}');
      return;
    }
    response.writeHead(route.status ?? 200, { 'content-type': route.type });
    response.end(fixture(route.file));
  });
  servers.push(server);
  return server.url;
}

const question = { messages: [{ role: 'user' as const, content: 'Favourite colour?' }] };
const chatRoute = (file: string, type: string, status?: number) => ({
  '/v1/chat/completions': { file, type, ...(status ? { status } : {}) },
});

function shapeOf(value: unknown): unknown {
  if (Array.isArray(value)) return value.length === 0 ? [] : [shapeOf(value[0])];
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) out[key] = shapeOf((value as Record<string, unknown>)[key]);
    return out;
  }
  return value === null ? 'null' : typeof value;
}

async function drain(events: AsyncIterable<StreamEvent>) {
  const out: StreamEvent[] = [];
  for await (const event of events) out.push(event);
  return out;
}

describe('EXO adapter on recorded-shape fixtures', () => {
  it('parses a completion with logprobs and the full usage object', async () => {
    const baseURL = await serve(chatRoute('chat-completion-logprobs.json', 'application/json'));
    const response = await createExo({ baseURL, model: MODEL }).chat({
      ...question,
      logprobs: true,
      topLogprobs: 2,
    });
    expect(response.text).toBe('Blue.');
    expect(response.logprobs?.[0]).toEqual({
      token: 'Blue',
      logprob: -0.1733,
      topLogprobs: [
        { token: 'Blue', logprob: -0.1733 },
        { token: 'Red', logprob: -2.1035 },
      ],
    });
    expect(response.usage).toEqual({
      inputTokens: 38,
      outputTokens: 2,
      cacheReadTokens: 0,
      cacheWriteTokens: 0,
    });
  });

  it('reads chunks that say object "chat.completion", skips the SSE comments, takes usage from the finish chunk', async () => {
    const baseURL = await serve(chatRoute('chat-stream.sse', 'text/event-stream; charset=utf-8'));
    const events = await drain(createExo({ baseURL, model: MODEL }).stream(question));
    expect(events.map((event) => event.type)).toEqual(['text-delta', 'text-delta', 'usage', 'finish']);
    expect(events.at(-1)).toMatchObject({ finishReason: 'stop', model: MODEL });
  });

  it('assembles the one-chunk tool call', async () => {
    const baseURL = await serve(chatRoute('chat-stream-tool-call.sse', 'text/event-stream'));
    const response = await collectStream(createExo({ baseURL, model: MODEL }).stream(question), {
      provider: 'exo',
      model: MODEL,
    });
    expect(response.finishReason).toBe('tool_calls');
    expect(response.toolCalls).toEqual([
      { id: '7f6e5d4c-3b2a-4190-8f7e-6d5c4b3a2910', name: 'get_weather', arguments: '{"city": "Lisbon"}' },
    ]);
    expect(response.usage.outputTokens).toBe(14);
  });

  it('reports the in-stream error that comes before [DONE]', async () => {
    const baseURL = await serve(chatRoute('chat-stream-error.sse', 'text/event-stream'));
    const events = await drain(createExo({ baseURL, model: MODEL }).stream(question));
    expect(events.map((event) => event.type)).toEqual(['text-delta', 'error']);
    const last = events.at(-1);
    expect(last?.type === 'error' && ProviderUnavailableError.isInstance(last.error)).toBe(true);
    expect(last?.type === 'error' && last.error.message).toContain('Insufficient Memory');
  });

  it('treats 404 "No instance found for model" as not ready', async () => {
    const baseURL = await serve(chatRoute('error-no-instance.json', 'application/json', 404));
    const error = await createExo({ baseURL, model: MODEL })
      .chat(question)
      .catch((caught: unknown) => caught);
    expect(ProviderUnavailableError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ status: 404, isRetryable: false });
  });

  it('probes /node_id and /state/instances, and reads context_length from /v1/models', async () => {
    const baseURL = await serve({
      '/node_id': { file: 'node-id.json', type: 'application/json' },
      '/v1/models': { file: 'models.json', type: 'application/json' },
      '/state/instances': { file: 'state-instances.json', type: 'application/json' },
    });
    const provider = createExo({ baseURL, model: MODEL });
    expect(await provider.health?.()).toEqual({ status: 'ready' });
    expect(provider.contextWindow).toBe(131072);
    const other = createExo({ baseURL, model: 'mlx-community/Qwen3-30B-A3B-4bit' });
    expect((await other.health?.())?.status).toBe('loading');
  });

  it('the simulator answers in the same shapes as the fixtures', async () => {
    await using exo = await startExoSimulator({ model: MODEL, reply: { text: 'Blue.' } });
    const post = (body: unknown) =>
      fetch(`${exo.url}/v1/chat/completions`, { method: 'POST', body: JSON.stringify(body) });
    const chat = await (await post({ model: MODEL, ...question, logprobs: true, top_logprobs: 2 })).json();
    expect(shapeOf(chat)).toEqual(shapeOf(JSON.parse(fixture('chat-completion-logprobs.json'))));
    const streamed = await (await post({ model: MODEL, ...question, stream: true })).text();
    const blocks = (text: string) => text.split('\n\n').filter((block) => block.length > 0);
    const mine = blocks(streamed);
    const theirs = blocks(fixture('chat-stream.sse'));
    expect(mine.map((block) => block.slice(0, block.indexOf(' ')))).toEqual(
      theirs.map((block) => block.slice(0, block.indexOf(' '))),
    );
    expect(shapeOf(JSON.parse(mine[2]!.slice(6)))).toEqual(shapeOf(JSON.parse(theirs[2]!.slice(6))));
    const missing = await post({ model: 'other/model', ...question });
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual(
      JSON.parse(fixture('error-no-instance.json').replace(MODEL, 'other/model')),
    );
    const models: WireJson = await (await fetch(`${exo.url}/v1/models`)).json();
    expect(Object.keys(models.data[0]).sort()).toEqual(
      Object.keys(JSON.parse(fixture('models.json')).data[0]).sort(),
    );
    expect((await fetch(`${exo.url}/health`)).status).toBe(404);
  });
});
