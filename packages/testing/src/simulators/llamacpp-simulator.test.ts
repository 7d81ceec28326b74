import { describe, expect, it } from 'vitest';
import { startLlamaCppSimulator } from './llamacpp-simulator';

// biome-ignore lint/suspicious/noExplicitAny: the test reads a raw wire body, whatever its shape.
type WireJson = any;

const chat = (url: string, body: Record<string, unknown> = {}, init: RequestInit = {}) =>
  fetch(`${url}/v1/chat/completions`, {
    method: 'POST',
    body: JSON.stringify({ messages: [{ role: 'user', content: 'hi' }], ...body }),
    ...init,
  });
const metric = (text: string, name: string) =>
  Number(new RegExp(`^llamacpp:${name} (\\S+)$`, 'm').exec(text)?.[1]);

describe('llama-server simulator', () => {
  it('queues requests beyond its slots in a deferred queue, truthfully reported by /slots and /metrics', async () => {
    await using llama = await startLlamaCppSimulator({
      slots: 2,
      endpoints: { metrics: true },
      reply: { text: 'done' },
    });
    const release = llama.occupySlots(2);
    const waiting = [chat(llama.url), chat(llama.url), chat(llama.url)];
    await expect.poll(() => llama.slots.deferred).toBe(3);
    const metrics = await (await fetch(`${llama.url}/metrics`)).text();
    expect(metric(metrics, 'requests_processing')).toBe(2);
    expect(metric(metrics, 'requests_deferred')).toBe(3);
    const slots = (await (await fetch(`${llama.url}/slots`)).json()) as { is_processing: boolean }[];
    expect(slots.map((slot) => slot.is_processing)).toEqual([true, true]);
    expect((await fetch(`${llama.url}/slots?fail_on_no_slot=1`)).status).toBe(503);
    release();
    const answers = await Promise.all(waiting);
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200]);
    expect(llama.slots.processing).toBe(0);
    const after = await (await fetch(`${llama.url}/metrics`)).text();
    expect(metric(after, 'requests_deferred')).toBe(0);
    expect(metric(after, 'tokens_predicted_total')).toBeGreaterThan(0);
  });

  it('frees the slot of a hung request when its client goes away, and drops a deferred one that left', async () => {
    await using llama = await startLlamaCppSimulator({ slots: 1 });
    llama.script.set([{ fault: 'hang' }]);
    const controller = new AbortController();
    const hung = chat(llama.url, {}, { signal: controller.signal }).catch(() => 'aborted');
    await expect.poll(() => llama.slots.processing).toBe(1);
    const deferredController = new AbortController();
    const deferred = chat(llama.url, {}, { signal: deferredController.signal }).catch(() => 'aborted');
    await expect.poll(() => llama.slots.deferred).toBe(1);
    deferredController.abort();
    await expect.poll(() => llama.slots.deferred).toBe(0);
    controller.abort();
    expect(await hung).toBe('aborted');
    expect(await deferred).toBe('aborted');
    await expect.poll(() => llama.slots.processing).toBe(0);
    expect((await chat(llama.url)).status).toBe(200);
  });

  it('answers 503 "Loading model" everywhere but the model list while loading', async () => {
    await using llama = await startLlamaCppSimulator({ loading: true });
    const health = await fetch(`${llama.url}/health`);
    expect(health.status).toBe(503);
    expect(await health.json()).toEqual({
      error: { code: 503, message: 'Loading model', type: 'unavailable_error' },
    });
    expect((await chat(llama.url)).status).toBe(503);
    expect((await fetch(`${llama.url}/v1/models`)).status).toBe(200);
    llama.setLoading(false);
    expect(await (await fetch(`${llama.url}/health`)).json()).toEqual({ status: 'ok' });
  });

  it('goes down (connection refused) and comes back on the same port', async () => {
    await using llama = await startLlamaCppSimulator();
    await llama.setDown(true);
    await expect(fetch(`${llama.url}/health`)).rejects.toThrow();
    await llama.setDown(false);
    expect((await fetch(`${llama.url}/health`)).status).toBe(200);
  });

  it('answers scripted statuses in its own error format, then normally', async () => {
    await using llama = await startLlamaCppSimulator();
    llama.script.set([{ status: 500, message: 'boom' }]);
    const failed = await chat(llama.url);
    expect(failed.status).toBe(500);
    expect(await failed.json()).toEqual({ error: { code: 500, message: 'boom', type: 'server_error' } });
    expect((await chat(llama.url)).status).toBe(200);
  });

  it('stops at max_tokens with finish_reason length, and refuses top_logprobs without logprobs', async () => {
    await using llama = await startLlamaCppSimulator({ reply: { text: 'one two three four' } });
    const body: WireJson = await (await chat(llama.url, { max_tokens: 2 })).json();
    expect(body.choices[0]).toMatchObject({ finish_reason: 'length', message: { content: 'one two' } });
    expect(body.usage.completion_tokens).toBe(2);
    expect((await chat(llama.url, { top_logprobs: 2 })).status).toBe(400);
  });
});
