import { ContextLengthExceededError, ProviderUnavailableError, type StreamEvent } from '@switchyard/core';
import { MIN_LOGPROB } from '@switchyard/openai-compatible';
import {
  LLAMACPP_ZERO_PROB_LOGPROB,
  type LlamaCppSimulator,
  startLlamaCppSimulator,
} from '@switchyard/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { createLlamaCpp } from './create-llamacpp';

const question = { messages: [{ role: 'user' as const, content: 'Name a colour.' }] };
const weather = {
  name: 'get_weather',
  parameters: { type: 'object', properties: { city: { type: 'string' } } },
};

let simulators: LlamaCppSimulator[] = [];
afterEach(async () => {
  await Promise.all(simulators.map((simulator) => simulator.close()));
  simulators = [];
});
async function simulator(options: Parameters<typeof startLlamaCppSimulator>[0] = {}) {
  const started = await startLlamaCppSimulator(options);
  simulators.push(started);
  return started;
}
const lastBody = (sim: LlamaCppSimulator) => sim.requests.at(-1)?.body as Record<string, unknown>;

async function drain(events: AsyncIterable<StreamEvent>): Promise<StreamEvent[]> {
  const out: StreamEvent[] = [];
  for await (const event of events) out.push(event);
  return out;
}

describe('llama.cpp quirks', () => {
  it('always sends top_logprobs, because the server defaults it to 20 when logprobs is on', async () => {
    const sim = await simulator({ reply: { text: 'Deep blue sea.' } });
    const provider = createLlamaCpp({ baseURL: sim.url });
    const withThree = await provider.chat({ ...question, logprobs: true, topLogprobs: 3 });
    expect(lastBody(sim)).toMatchObject({ logprobs: true, top_logprobs: 3 });
    expect(withThree.logprobs?.every((entry) => entry.topLogprobs.length === 3)).toBe(true);
    // top_logprobs 0 would switch probabilities off (n_probs 0): ask for 1 and drop the alternative.
    const withNone = await provider.chat({ ...question, logprobs: true });
    expect(lastBody(sim)).toMatchObject({ logprobs: true, top_logprobs: 1 });
    expect(withNone.logprobs?.length).toBe(4);
    expect(withNone.logprobs?.every((entry) => entry.topLogprobs.length === 0)).toBe(true);
  });

  it('clamps a zero probability (sent as the lowest float, about -3.4e38)', async () => {
    const sim = await simulator({ reply: { text: 'Red is fine.', logprobs: [LLAMACPP_ZERO_PROB_LOGPROB] } });
    const provider = createLlamaCpp({ baseURL: sim.url });
    const response = await provider.chat({ ...question, logprobs: true, topLogprobs: 15 });
    expect(response.logprobs?.[0]?.logprob).toBe(MIN_LOGPROB);
    const all = response.logprobs?.flatMap((entry) => [
      entry.logprob,
      ...entry.topLogprobs.map((top) => top.logprob),
    ]);
    expect(all?.every((value) => Number.isFinite(value) && value >= MIN_LOGPROB)).toBe(true);
    // Alternatives past rank 10 have probability 0 in the simulator: they arrive as the lowest float.
    expect(response.logprobs?.[1]?.topLogprobs.at(-1)?.logprob).toBe(MIN_LOGPROB);
  });

  it('uses native /completion with n_probs for raw prompts (completion_probabilities)', async () => {
    const sim = await simulator({ reply: { text: ' Paris, of course.' } });
    const provider = createLlamaCpp({ baseURL: sim.url });
    const result = await provider.complete({ prompt: 'The capital of France is', nProbs: 2, maxTokens: 2 });
    expect(sim.requests.at(-1)?.path).toBe('/completion');
    expect(lastBody(sim)).toMatchObject({ prompt: 'The capital of France is', n_probs: 2, n_predict: 2 });
    expect(result.text).toBe(' Paris,');
    expect(result.finishReason).toBe('length');
    expect(result.logprobs?.map((entry) => entry.token)).toEqual([' Paris', ',']);
    expect(result.logprobs?.every((entry) => entry.topLogprobs.length === 2)).toBe(true);
    expect(result.usage.outputTokens).toBe(2);
  });

  it('rejects a bad raw-prompt request with InvalidRequestError naming the field', async () => {
    const sim = await simulator();
    const provider = createLlamaCpp({ baseURL: sim.url });
    await expect(provider.complete({ prompt: 'x', nProbs: -1 })).rejects.toMatchObject({
      code: 'invalid_request',
      field: 'request.nProbs',
    });
  });

  it('reports /health 503 "Loading model" as loading, and ready once loaded', async () => {
    const sim = await simulator({ loading: true });
    const provider = createLlamaCpp({ baseURL: sim.url });
    expect(await provider.health?.()).toMatchObject({ status: 'loading' });
    const error = await provider.chat(question).catch((caught: unknown) => caught);
    expect(ProviderUnavailableError.isInstance(error)).toBe(true);
    sim.setLoading(false);
    expect(await provider.health?.()).toEqual({ status: 'ready' });
  });

  it('reports a server that is down as down', async () => {
    const sim = await simulator();
    const provider = createLlamaCpp({ baseURL: sim.url });
    await sim.setDown(true);
    expect((await provider.health?.())?.status).toBe('down');
    await sim.setDown(false);
    expect((await provider.health?.())?.status).toBe('ready');
  });

  it('reads capacity from /slots: idle slots are free slots', async () => {
    const sim = await simulator({ slots: 3 });
    const provider = createLlamaCpp({ baseURL: sim.url });
    expect(await provider.capacity?.()).toEqual({ freeSlots: 3, totalSlots: 3 });
    const release = sim.occupySlots(2);
    expect(await provider.capacity?.()).toEqual({ freeSlots: 1, totalSlots: 3 });
    release();
    expect(await provider.capacity?.()).toEqual({ freeSlots: 3, totalSlots: 3 });
  });

  it('reads capacity from /metrics: requests_processing and requests_deferred', async () => {
    const sim = await simulator({ slots: 2, endpoints: { metrics: true }, reply: { text: 'queued answer' } });
    const provider = createLlamaCpp({ baseURL: sim.url, capacity: 'metrics', maxQueue: 1 });
    const release = sim.occupySlots(2);
    expect(await provider.capacity?.()).toEqual({ queueDepth: 0, totalSlots: 2, freeSlots: 0 });
    // Two more requests wait in the deferred queue: above maxQueue, the server counts as full.
    const waiting = [provider.chat(question), provider.chat(question)];
    await expect.poll(() => sim.slots.deferred).toBe(2);
    expect(await provider.capacity?.()).toEqual({ queueDepth: 2, totalSlots: 2, freeSlots: 0 });
    release();
    const answers = await Promise.all(waiting);
    expect(answers.map((answer) => answer.text)).toEqual(['queued answer', 'queued answer']);
    expect(await provider.capacity?.()).toEqual({ queueDepth: 0, totalSlots: 2, freeSlots: 2 });
  });

  it('falls back to /metrics when /slots is switched off', async () => {
    const sim = await simulator({ slots: 2, endpoints: { slots: false, metrics: true } });
    const provider = createLlamaCpp({ baseURL: sim.url });
    expect(await provider.capacity?.()).toEqual({ queueDepth: 0, totalSlots: 2, freeSlots: 2 });
  });

  it('reads the context window from /props (n_ctx) during the health probe and caches it', async () => {
    const sim = await simulator({ contextSize: 2048 });
    const provider = createLlamaCpp({ baseURL: sim.url });
    expect(provider.contextWindow).toBeUndefined();
    await provider.health?.();
    expect(provider.contextWindow).toBe(2048);
    const propsReads = sim.requests.filter((request) => request.path === '/props').length;
    await provider.health?.();
    expect(sim.requests.filter((request) => request.path === '/props').length).toBe(propsReads);
    expect(createLlamaCpp({ baseURL: sim.url, contextWindow: 1000 }).contextWindow).toBe(1000);
  });

  it('maps exceed_context_size_error (HTTP 400) with n_prompt_tokens and n_ctx', async () => {
    const sim = await simulator({ contextSize: 64 });
    const provider = createLlamaCpp({ baseURL: sim.url });
    const long = { messages: [{ role: 'user' as const, content: 'lorem ipsum '.repeat(100) }] };
    for (const call of [() => provider.chat(long), () => drain(provider.stream(long))]) {
      const error = await call().catch((caught: unknown) => caught);
      expect(ContextLengthExceededError.isInstance(error)).toBe(true);
      expect((error as ContextLengthExceededError).contextWindow).toBe(64);
      expect((error as ContextLengthExceededError).promptTokens).toBeGreaterThan(64);
    }
  });

  it('handles a stream error sent with HTTP 200 as `data: {"error": ...}` (current builds)', async () => {
    const sim = await simulator({ reply: { text: 'one two three four' } });
    sim.script.set([{ fault: 'stream-error', afterChunks: 2, message: 'KV cache full' }]);
    const events = await drain(createLlamaCpp({ baseURL: sim.url }).stream(question));
    expect(events.map((event) => event.type)).toEqual(['text-delta', 'text-delta', 'error']);
    const last = events.at(-1);
    expect(last?.type === 'error' && last.error.code).toBe('provider_unavailable');
    expect(last?.type === 'error' && last.error.message).toContain('KV cache full');
  });

  it('handles a stream error sent with HTTP 200 as an `error: {...}` line (older builds)', async () => {
    const sim = await simulator({ reply: { text: 'one two three four' }, streamErrorStyle: 'error-field' });
    sim.script.set([{ fault: 'stream-error', afterChunks: 1, message: 'slot died' }]);
    const events = await drain(createLlamaCpp({ baseURL: sim.url }).stream(question));
    expect(events.map((event) => event.type)).toEqual(['text-delta', 'error']);
    const last = events.at(-1);
    expect(last?.type === 'error' && last.error.message).toContain('slot died');
  });

  it('leaves logprobs out of a streamed request with tools, which the server refuses', async () => {
    const sim = await simulator({ reply: { text: 'No tool needed.' } });
    const provider = createLlamaCpp({ baseURL: sim.url });
    const events = await drain(
      provider.stream({ ...question, tools: [weather], logprobs: true, topLogprobs: 2 }),
    );
    expect(lastBody(sim).logprobs).toBeUndefined();
    expect(lastBody(sim).top_logprobs).toBeUndefined();
    expect(events.at(-1)?.type).toBe('finish');
    expect(events.some((event) => event.type === 'logprobs')).toBe(false);
    // The same request without streaming keeps its logprobs.
    const response = await provider.chat({ ...question, tools: [weather], logprobs: true, topLogprobs: 2 });
    expect(lastBody(sim)).toMatchObject({ logprobs: true, top_logprobs: 2 });
    expect(response.logprobs?.length).toBeGreaterThan(0);
  });

  it('sends providerOptions.llamacpp fields in the body', async () => {
    const sim = await simulator();
    await createLlamaCpp({ baseURL: sim.url }).chat({
      ...question,
      providerOptions: { llamacpp: { mirostat: 2, cache_prompt: true }, openai: { store: true } },
    });
    expect(lastBody(sim)).toMatchObject({ mirostat: 2, cache_prompt: true });
    expect(lastBody(sim).store).toBeUndefined();
  });

  it('sends the API key as a bearer token', async () => {
    const sim = await simulator({ apiKey: 'sekret' });
    const error = await createLlamaCpp({ baseURL: sim.url })
      .chat(question)
      .catch((caught: unknown) => caught);
    expect((error as { code?: string }).code).toBe('authentication');
    const answer = await createLlamaCpp({ baseURL: sim.url, apiKey: 'sekret' }).chat(question);
    expect(answer.text.length).toBeGreaterThan(0);
  });
});
