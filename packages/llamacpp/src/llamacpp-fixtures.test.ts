import { readFileSync } from 'node:fs';
import {
  ContextLengthExceededError,
  ProviderUnavailableError,
  type StreamEvent,
  collectStream,
} from '@switchyard/core';
import { MIN_LOGPROB } from '@switchyard/openai-compatible';
import { type SimulatorServer, startLlamaCppSimulator, startSimulatorServer } from '@switchyard/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { createLlamaCpp } from './create-llamacpp';

const fixture = (name: string) => readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url), 'utf8');

interface Route {
  status?: number;
  file: string;
  type: string;
}

let servers: SimulatorServer[] = [];
afterEach(async () => {
  await Promise.all(servers.map((server) => server.close()));
  servers = [];
});

/** Serves fixture files as-is, byte for byte. */
async function serve(routes: Record<string, Route>): Promise<string> {
  const server = await startSimulatorServer((request, response) => {
    const route = routes[request.path];
    if (!route) {
      response.writeHead(404).end();
      return;
    }
    const body = fixture(route.file);
    response.writeHead(route.status ?? 200, { 'content-type': route.type });
    response.end(body);
  });
  servers.push(server);
  return server.url;
}

const question = { messages: [{ role: 'user' as const, content: 'Capital of France?' }] };

/** The keys of a JSON value, recursively (arrays by their first element). */
function shapeOf(value: unknown): unknown {
  if (Array.isArray(value)) return value.length === 0 ? [] : [shapeOf(value[0])];
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) out[key] = shapeOf((value as Record<string, unknown>)[key]);
    return out;
  }
  return value === null ? 'null' : typeof value;
}

describe('llama.cpp adapter on recorded-shape fixtures', () => {
  it('parses a chat completion with logprobs and clamps the lowest float', async () => {
    const baseURL = await serve({
      '/v1/chat/completions': { file: 'chat-completion-logprobs.json', type: 'application/json' },
    });
    const response = await createLlamaCpp({ baseURL }).chat({ ...question, logprobs: true, topLogprobs: 3 });
    expect(response.text).toBe('Paris.');
    expect(response.usage).toEqual({
      inputTokens: 21,
      outputTokens: 2,
      cacheReadTokens: 0,
      cacheWriteTokens: 0,
    });
    expect(response.model).toBe('qwen2.5-0.5b-instruct-q4_k_m');
    expect(response.logprobs?.map((entry) => entry.token)).toEqual(['Paris', '.']);
    expect(response.logprobs?.[1]?.logprob).toBe(MIN_LOGPROB);
    expect(response.logprobs?.[0]?.topLogprobs.map((entry) => entry.logprob)).toEqual([
      -0.0312,
      -3.6719,
      MIN_LOGPROB,
    ]);
  });

  it('streams the usage chunk that follows the finish chunk, keeping finish last', async () => {
    const baseURL = await serve({
      '/v1/chat/completions': { file: 'chat-stream-usage.sse', type: 'text/event-stream' },
    });
    const events: StreamEvent[] = [];
    for await (const event of createLlamaCpp({ baseURL }).stream({ ...question, logprobs: true }))
      events.push(event);
    expect(events.map((event) => event.type)).toEqual([
      'text-delta',
      'logprobs',
      'text-delta',
      'logprobs',
      'usage',
      'finish',
    ]);
    const usage = events.find((event) => event.type === 'usage');
    expect(usage?.type === 'usage' && usage.usage.inputTokens).toBe(9);
  });

  it('maps the current in-stream error (`data: {"error": ...}` with HTTP 200)', async () => {
    const baseURL = await serve({
      '/v1/chat/completions': { file: 'chat-stream-error-data.sse', type: 'text/event-stream' },
    });
    const error = await collectStream(createLlamaCpp({ baseURL }).stream(question), {
      provider: 'llamacpp',
      model: 'm',
    }).catch((caught: unknown) => caught);
    expect(ProviderUnavailableError.isInstance(error)).toBe(true);
    expect((error as Error).message).toContain('failed to decode the batch');
  });

  it('maps the older in-stream error (`error: {...}` line, then [DONE])', async () => {
    const baseURL = await serve({
      '/v1/chat/completions': { file: 'chat-stream-error-field.sse', type: 'text/event-stream' },
    });
    const events: StreamEvent[] = [];
    for await (const event of createLlamaCpp({ baseURL }).stream(question)) events.push(event);
    expect(events.map((event) => event.type)).toEqual(['text-delta', 'error']);
    const last = events.at(-1);
    expect(last?.type === 'error' && last.error.message).toContain('Input prompt is too big');
  });

  it('reads exceed_context_size_error with its token counts', async () => {
    const baseURL = await serve({
      '/v1/chat/completions': { status: 400, file: 'error-exceed-context.json', type: 'application/json' },
    });
    const error = await createLlamaCpp({ baseURL })
      .chat(question)
      .catch((caught: unknown) => caught);
    expect(ContextLengthExceededError.isInstance(error)).toBe(true);
    expect((error as ContextLengthExceededError).promptTokens).toBe(13392);
    expect((error as ContextLengthExceededError).contextWindow).toBe(8192);
  });

  it('reads health, context window, and capacity from /health, /props, /slots and /metrics', async () => {
    const baseURL = await serve({
      '/health': { status: 503, file: 'health-loading.json', type: 'application/json' },
      '/props': { file: 'props.json', type: 'application/json' },
      '/slots': { file: 'slots.json', type: 'application/json' },
      '/metrics': { file: 'metrics.txt', type: 'text/plain; version=0.0.4' },
    });
    const provider = createLlamaCpp({ baseURL });
    expect((await provider.health?.())?.status).toBe('loading');
    expect(await provider.capacity?.()).toEqual({ freeSlots: 1, totalSlots: 2 });
    const metrics = createLlamaCpp({ baseURL, capacity: 'metrics', maxQueue: 5 });
    expect(await metrics.capacity?.()).toEqual({ queueDepth: 3, totalSlots: 4, freeSlots: 0 });
  });

  it('counts idle slots of the older /slots shape (`state: 0`)', async () => {
    const baseURL = await serve({ '/slots': { file: 'slots-legacy.json', type: 'application/json' } });
    expect(await createLlamaCpp({ baseURL }).capacity?.()).toEqual({ freeSlots: 1, totalSlots: 2 });
  });

  it('parses /completion with completion_probabilities', async () => {
    const baseURL = await serve({
      '/completion': { file: 'completion-n-probs.json', type: 'application/json' },
    });
    const result = await createLlamaCpp({ baseURL }).complete({
      prompt: 'The capital of France is',
      nProbs: 2,
    });
    expect(result.text).toBe(' Paris');
    expect(result.finishReason).toBe('length');
    expect(result.usage.inputTokens).toBe(6);
    expect(result.logprobs?.[0]).toEqual({
      token: ' Paris',
      logprob: -0.0121,
      topLogprobs: [
        { token: ' Paris', logprob: -0.0121 },
        { token: ' the', logprob: -4.9101 },
      ],
    });
  });

  it('the simulator answers in the same shapes as the fixtures', async () => {
    await using simulator = await startLlamaCppSimulator({
      reply: { text: 'Paris.' },
      endpoints: { metrics: true },
    });
    const post = (body: unknown) =>
      fetch(`${simulator.url}/v1/chat/completions`, { method: 'POST', body: JSON.stringify(body) });
    const chat = await (await post({ ...question, logprobs: true, top_logprobs: 3 })).json();
    expect(shapeOf(chat)).toEqual(shapeOf(JSON.parse(fixture('chat-completion-logprobs.json'))));
    const props = await (await fetch(`${simulator.url}/props`)).json();
    expect(Object.keys(shapeOf(props) as object)).toEqual(
      Object.keys(shapeOf(JSON.parse(fixture('props.json'))) as object),
    );
    const slots = await (await fetch(`${simulator.url}/slots`)).json();
    const slotKeys = (value: unknown) => Object.keys((shapeOf(value) as object[])[0] as object);
    expect(slotKeys(slots)).toEqual(slotKeys(JSON.parse(fixture('slots.json'))));
    const metrics = await (await fetch(`${simulator.url}/metrics`)).text();
    for (const name of ['llamacpp:requests_processing', 'llamacpp:requests_deferred']) {
      expect(metrics).toContain(`# TYPE ${name} gauge`);
    }
    const streamed = await (
      await post({ ...question, stream: true, stream_options: { include_usage: true } })
    ).text();
    const lines = (text: string) => text.split('\n\n').filter((block) => block.startsWith('data: {'));
    const fixtureLines = lines(fixture('chat-stream-usage.sse'));
    expect(shapeOf(JSON.parse(lines(streamed).at(-1)!.slice(6)))).toEqual(
      shapeOf(JSON.parse(fixtureLines.at(-1)!.slice(6))),
    );
    expect(streamed.endsWith('data: [DONE]\n\n')).toBe(true);
    const overflow = await post({ messages: [{ role: 'user', content: 'word '.repeat(5000) }] });
    expect(overflow.status).toBe(400);
    expect(shapeOf(await overflow.json())).toEqual(shapeOf(JSON.parse(fixture('error-exceed-context.json'))));
  });
});
