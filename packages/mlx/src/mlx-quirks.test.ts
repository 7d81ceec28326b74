import { ContextLengthExceededError, ProviderUnavailableError, type StreamEvent } from '@switchyard/core';
import { type MlxSimulator, startMlxSimulator } from '@switchyard/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { createMlx } from './create-mlx';

// biome-ignore lint/suspicious/noExplicitAny: the test reads a raw wire body, whatever its shape.
type WireJson = any;

const text = 'The quick brown fox jumps over the lazy dog near the river bank today.';
const question = { messages: [{ role: 'user' as const, content: 'Tell me about the fox.' }] };

let simulators: MlxSimulator[] = [];
afterEach(async () => {
  await Promise.all(simulators.map((simulator) => simulator.close()));
  simulators = [];
});
async function simulator(options: Parameters<typeof startMlxSimulator>[0] = {}) {
  const started = await startMlxSimulator({ reply: { text }, ...options });
  simulators.push(started);
  return started;
}
const lastBody = (sim: MlxSimulator) => sim.requests.at(-1)?.body as Record<string, unknown>;

async function drain(events: AsyncIterable<StreamEvent>): Promise<StreamEvent[]> {
  const out: StreamEvent[] = [];
  for await (const event of events) out.push(event);
  return out;
}

describe('MLX quirks', () => {
  it('asks for logprobs only without streaming (the server has none in streams)', async () => {
    const sim = await simulator();
    const provider = createMlx({ baseURL: sim.url });
    const events = await drain(provider.stream({ ...question, logprobs: true, topLogprobs: 2 }));
    expect(lastBody(sim).logprobs).toBeUndefined();
    expect(lastBody(sim).top_logprobs).toBeUndefined();
    expect(events.at(-1)?.type).toBe('finish');
    const answer = await provider.chat({ ...question, logprobs: true });
    expect(lastBody(sim).logprobs).toBe(true);
    expect(answer.logprobs?.length).toBe(15);
  });

  it('requests so that the chosen token logprob is exact: no top_logprobs unless decoding is greedy', async () => {
    const sim = await simulator();
    const provider = createMlx({ baseURL: sim.url });
    const sampled = await provider.chat({ ...question, logprobs: true, topLogprobs: 3, temperature: 0.7 });
    expect(lastBody(sim).top_logprobs).toBeUndefined();
    const raw: WireJson = await (
      await fetch(`${sim.url}/v1/chat/completions`, {
        method: 'POST',
        body: JSON.stringify({ messages: question.messages, logprobs: true, temperature: 0.7 }),
      })
    ).json();
    const exact = raw.choices[0].logprobs.content.map((entry: { logprob: number }) => entry.logprob);
    expect(sampled.logprobs?.map((entry) => entry.logprob)).toEqual(exact);
    expect(sampled.logprobs?.every((entry) => entry.topLogprobs.length === 0)).toBe(true);
  });

  it('with greedy decoding asks for top_logprobs and takes the sampled token, not the first entry', async () => {
    const sim = await simulator();
    const provider = createMlx({ baseURL: sim.url });
    const greedy = await provider.chat({ ...question, logprobs: true, topLogprobs: 3, temperature: 0 });
    expect(lastBody(sim).top_logprobs).toBe(3);
    // Joined, the chosen tokens spell the answer, although the server's first entries do not.
    expect(greedy.logprobs?.map((entry) => entry.token).join('')).toBe(text);
    const raw: WireJson = await (
      await fetch(`${sim.url}/v1/chat/completions`, {
        method: 'POST',
        body: JSON.stringify({ messages: question.messages, logprobs: true, top_logprobs: 3 }),
      })
    ).json();
    const firstEntries = raw.choices[0].logprobs.content.map((entry: { token: string }) =>
      entry.token.replace(/Ġ/g, ' '),
    );
    expect(firstEntries.join('')).not.toBe(text);
    for (const entry of greedy.logprobs ?? []) {
      expect(entry.topLogprobs.length).toBe(3);
      expect(entry.logprob).toBe(Math.max(...entry.topLogprobs.map((top) => top.logprob)));
    }
  });

  it('caps top_logprobs at the server maximum (a larger value drops the connection)', async () => {
    const sim = await simulator({ maxTopLogprobs: 10 });
    const answer = await createMlx({ baseURL: sim.url }).chat({
      ...question,
      logprobs: true,
      topLogprobs: 15,
      temperature: 0,
    });
    expect(lastBody(sim).top_logprobs).toBe(10);
    expect(answer.logprobs?.[0]?.topLogprobs.length).toBe(10);
    const raw = await fetch(`${sim.url}/v1/chat/completions`, {
      method: 'POST',
      body: JSON.stringify({ messages: question.messages, logprobs: true, top_logprobs: 15 }),
    }).catch((error: unknown) => error);
    expect(raw).toBeInstanceOf(TypeError);
  });

  it('decodes raw vocabulary pieces (Ġ byte-level, ▁ SentencePiece) into text', async () => {
    for (const vocabulary of ['byte-level', 'sentencepiece'] as const) {
      const sim = await simulator({ vocabulary });
      const answer = await createMlx({ baseURL: sim.url }).chat({
        ...question,
        logprobs: true,
        topLogprobs: 2,
        temperature: 0,
      });
      expect(answer.logprobs?.map((entry) => entry.token).join('')).toBe(text);
      expect(answer.logprobs?.[1]?.token).toBe(' quick');
    }
  });

  it('reads the older token_logprobs / tokens / top_logprobs shape', async () => {
    const sim = await simulator({ logprobsShape: 'legacy' });
    const answer = await createMlx({ baseURL: sim.url }).chat({ ...question, logprobs: true });
    expect(answer.logprobs?.length).toBe(15);
    expect(answer.logprobs?.every((entry) => Number.isFinite(entry.logprob) && entry.logprob < 0)).toBe(true);
  });

  it('never sends `model`, which would make the server swap or download a model', async () => {
    const sim = await simulator({ model: 'mlx-community/Qwen2.5-7B-Instruct-4bit' });
    const provider = createMlx({ baseURL: sim.url, model: 'qwen-7b' });
    const answer = await provider.chat(question);
    await drain(provider.stream(question));
    expect(sim.requests.every((request) => !('model' in (request.body as object)))).toBe(true);
    expect(sim.modelSwaps).toBe(0);
    expect(answer.model).toBe('qwen-7b');
    // What the adapter avoids: naming another model makes the server try to load it.
    await fetch(`${sim.url}/v1/chat/completions`, {
      method: 'POST',
      body: JSON.stringify({ model: 'qwen-7b', messages: question.messages }),
    });
    expect(sim.modelSwaps).toBe(1);
    expect(await provider.listModels()).toEqual(['mlx-community/Qwen2.5-7B-Instruct-4bit']);
  });

  it('maps {"error": "..."} bodies: prompt too long, server failures', async () => {
    const sim = await simulator({ maxPromptTokens: 20 });
    const provider = createMlx({ baseURL: sim.url });
    const long = { messages: [{ role: 'user' as const, content: 'word '.repeat(50) }] };
    const tooLong = await provider.chat(long).catch((caught: unknown) => caught);
    expect(ContextLengthExceededError.isInstance(tooLong)).toBe(true);
    expect(tooLong).toMatchObject({ contextWindow: 20 });
    sim.script.set([{ status: 500, message: 'Model type qwen9 not supported.' }]);
    const failed = await provider.chat(question).catch((caught: unknown) => caught);
    expect(ProviderUnavailableError.isInstance(failed)).toBe(true);
    expect((failed as Error).message).toContain('Model type qwen9 not supported.');
  });

  it('maps a connection dropped in the middle of a stream to StreamInterruptedError', async () => {
    const sim = await simulator();
    sim.script.set([{ fault: 'stream-error', afterChunks: 3 }]);
    const events = await drain(createMlx({ baseURL: sim.url }).stream(question));
    expect(events.filter((event) => event.type === 'text-delta')).toHaveLength(3);
    expect(events.at(-1)).toMatchObject({ type: 'error', error: { code: 'stream_interrupted' } });
  });

  it('holds finish until the usage chunk that follows it', async () => {
    const sim = await simulator();
    const events = await drain(createMlx({ baseURL: sim.url }).stream(question));
    expect(lastBody(sim).stream_options).toEqual({ include_usage: true });
    expect(events.slice(-2).map((event) => event.type)).toEqual(['usage', 'finish']);
  });

  it('probes /health', async () => {
    const sim = await simulator();
    const provider = createMlx({ baseURL: sim.url });
    expect(await provider.health?.()).toEqual({ status: 'ready' });
    await sim.setDown(true);
    expect((await provider.health?.())?.status).toBe('down');
  });
});
