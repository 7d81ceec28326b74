import {
  ContextLengthExceededError,
  NoEligibleRouteError,
  ProviderUnavailableError,
  type StreamEvent,
  createRouter,
} from '@switchyard/core';
import { type ExoSimulator, createFakeProvider, startExoSimulator } from '@switchyard/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { createExo } from './create-exo';

const MODEL = 'mlx-community/Llama-3.2-3B-Instruct-4bit';
const question = { messages: [{ role: 'user' as const, content: 'Name three rivers.' }] };

let simulators: ExoSimulator[] = [];
afterEach(async () => {
  await Promise.all(simulators.map((simulator) => simulator.close()));
  simulators = [];
});
async function simulator(options: Parameters<typeof startExoSimulator>[0] = {}) {
  const started = await startExoSimulator({
    model: MODEL,
    reply: { text: 'Tagus, Douro and Minho.' },
    ...options,
  });
  simulators.push(started);
  return started;
}
const lastBody = (sim: ExoSimulator) => sim.requests.at(-1)?.body as Record<string, unknown>;

async function drain(events: AsyncIterable<StreamEvent>): Promise<StreamEvent[]> {
  const out: StreamEvent[] = [];
  for await (const event of events) out.push(event);
  return out;
}

describe('EXO quirks', () => {
  it('has no /health: probes /node_id and the cluster state instead', async () => {
    const sim = await simulator();
    const provider = createExo({ baseURL: sim.url, model: MODEL });
    expect(await provider.health?.()).toEqual({ status: 'ready' });
    const paths = sim.requests.map((request) => request.path);
    expect(paths).toContain('/node_id');
    expect(paths).not.toContain('/health');
    await sim.setDown(true);
    expect((await provider.health?.())?.status).toBe('down');
  });

  it('treats 404 "No instance found for model" as not ready, and reports loading', async () => {
    const sim = await simulator({ instance: false });
    const provider = createExo({ baseURL: sim.url, model: MODEL });
    const error = await provider.chat(question).catch((caught: unknown) => caught);
    expect(ProviderUnavailableError.isInstance(error)).toBe(true);
    expect((error as Error).message).toContain('No instance found for model');
    expect(await provider.health?.()).toMatchObject({ status: 'loading' });
    expect(sim.placements).toBe(0);
  });

  it('places and awaits an instance when autoPlace is on, then answers', async () => {
    const sim = await simulator({ instance: false, placementDelayMs: 80 });
    const provider = createExo({
      baseURL: sim.url,
      model: MODEL,
      autoPlace: { minNodes: 1, timeoutMs: 5_000 },
    });
    const answer = await provider.chat(question);
    expect(answer.text).toBe('Tagus, Douro and Minho.');
    expect(sim.placements).toBe(1);
    const placement = sim.requests.find((request) => request.path === '/place_instance');
    expect(placement?.body).toEqual({
      model_id: MODEL,
      sharding: 'Pipeline',
      instance_meta: 'MlxRing',
      min_nodes: 1,
    });
    sim.setInstance(false);
    const events = await drain(provider.stream(question));
    expect(events.at(-1)?.type).toBe('finish');
    expect(sim.placements).toBe(2);
  });

  it('reads stream chunks whose object is "chat.completion" and skips prefill_progress / generation_stats comments', async () => {
    const sim = await simulator();
    const events = await drain(createExo({ baseURL: sim.url, model: MODEL }).stream(question));
    expect(
      events
        .filter((event) => event.type === 'text-delta')
        .map((event) => event.type === 'text-delta' && event.text)
        .join(''),
    ).toBe('Tagus, Douro and Minho.');
    expect(events.slice(-2).map((event) => event.type)).toEqual(['usage', 'finish']);
  });

  it('reports an in-stream error followed by [DONE] as an error, not a finished stream', async () => {
    const sim = await simulator();
    sim.script.set([{ fault: 'stream-error', afterChunks: 2, message: 'Runner lost its peer' }]);
    const events = await drain(createExo({ baseURL: sim.url, model: MODEL }).stream(question));
    expect(events.map((event) => event.type)).toEqual(['text-delta', 'text-delta', 'error']);
    expect(events.some((event) => event.type === 'finish')).toBe(false);
  });

  it('sends top_logprobs explicitly (the server default is 5) and maps logprobs, streamed and not', async () => {
    const sim = await simulator();
    const provider = createExo({ baseURL: sim.url, model: MODEL });
    const answer = await provider.chat({ ...question, logprobs: true, topLogprobs: 2 });
    expect(lastBody(sim)).toMatchObject({ logprobs: true, top_logprobs: 2, model: MODEL });
    expect(answer.logprobs?.every((entry) => entry.topLogprobs.length === 2)).toBe(true);
    const plain = await provider.chat({ ...question, logprobs: true });
    expect(lastBody(sim).top_logprobs).toBe(0);
    expect(plain.logprobs?.every((entry) => entry.topLogprobs.length === 0)).toBe(true);
    const streamed = await drain(provider.stream({ ...question, logprobs: true, topLogprobs: 1 }));
    const logprobs = streamed.flatMap((event) => (event.type === 'logprobs' ? event.logprobs : []));
    expect(logprobs.map((entry) => entry.token).join('')).toBe('Tagus, Douro and Minho.');
  });

  it('maps an engine prompt-too-long error to ContextLengthExceededError, streamed or not', async () => {
    const sim = await simulator({ contextLength: 16 });
    const provider = createExo({ baseURL: sim.url, model: MODEL });
    const long = { messages: [{ role: 'user' as const, content: 'river '.repeat(40) }] };
    const error = await provider.chat(long).catch((caught: unknown) => caught);
    expect(ContextLengthExceededError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ contextWindow: 16 });
    const events = await drain(provider.stream(long));
    const last = events.at(-1);
    expect(last?.type === 'error' && ContextLengthExceededError.isInstance(last.error)).toBe(true);
  });

  it('reads the context window from the model card', async () => {
    const sim = await simulator({ contextLength: 65536 });
    const provider = createExo({ baseURL: sim.url, model: MODEL });
    await provider.health?.();
    expect(provider.contextWindow).toBe(65536);
  });

  it('feeds the router: no instance → internal overflows to cloud, regulated fails closed', async () => {
    const sim = await simulator({ instance: false });
    const exo = createExo({ baseURL: sim.url, model: MODEL });
    const cloud = createFakeProvider({ id: 'cloud', kind: 'cloud', reply: 'cloud answer' });
    const router = createRouter({
      providers: [exo, cloud],
      policy: { defaultDataClass: 'internal' },
      retry: { retries: 0 },
      probes: { healthTtlMs: 0 },
    });
    try {
      expect((await router.chat(question)).provider).toBe('cloud');
      const regulated = await router
        .chat(question, { dataClass: 'regulated' })
        .catch((caught: unknown) => caught);
      expect(NoEligibleRouteError.isInstance(regulated)).toBe(true);
      sim.setInstance(true);
      expect((await router.chat(question)).provider).toBe('exo');
    } finally {
      await router.close();
    }
  });
});
