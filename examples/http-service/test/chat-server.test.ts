import type { AddressInfo } from 'node:net';
import { createRouter, type Router } from '@switchyard/core';
import { createLlamaCpp } from '@switchyard/llamacpp';
import { createOpenAI } from '@switchyard/openai';
import {
  type LlamaCppSimulator,
  type OpenAISimulator,
  startLlamaCppSimulator,
  startOpenAISimulator,
} from '@switchyard/testing';
import { createClassifier } from '@switchyard/classify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createChatServer } from '../src/chat-server';
import { createServiceRouter } from '../src/create-service-router';

const phi = 'Summarize: patient John Doe, DOB 03/14/1961, A1c 8.2% on metformin.';
const plain = 'Write a haiku about autumn.';

let local: LlamaCppSimulator;
let cloud: OpenAISimulator;
let router: Router;
let base: string;
let close: () => Promise<void>;

beforeEach(async () => {
  local = await startLlamaCppSimulator({ slots: 1, tokensPerSecond: 2_000, reply: { text: 'local answer' } });
  cloud = await startOpenAISimulator({ reply: { text: 'cloud answer' } });
  router = createRouter({
    providers: [
      createLlamaCpp({ id: 'local', baseURL: local.url }),
      createOpenAI({ id: 'cloud', model: 'gpt-4o-mini', apiKey: 'sk-test', baseURL: cloud.url }),
    ],
    classifier: createClassifier().forRouter(),
    probes: { healthTtlMs: 0 },
  });
  const server = createChatServer(router).listen(0);
  await new Promise((resolve) => server.once('listening', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = async () => {
    await new Promise((resolve) => server.close(resolve));
    await router.close();
    await Promise.all([local.close(), cloud.close()]);
  };
});
afterEach(() => close());

function post(body: unknown, headers: Record<string, string> = {}) {
  return fetch(`${base}/v1/chat`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

const ask = (content: string) => ({ messages: [{ role: 'user' as const, content }] });

describe('POST /v1/chat', () => {
  it('answers with the routed response; regulated data stays local', async () => {
    const response = await post(ask(phi));
    expect(response.status).toBe(200);
    const answer = (await response.json()) as {
      text: string;
      provider: string;
      routing: { dataClass: string };
    };
    expect(answer).toMatchObject({
      text: 'local answer',
      provider: 'local',
      routing: { dataClass: 'regulated' },
    });
    expect(cloud.requests).toHaveLength(0);
  });

  it('takes the data class, workload and tenant from headers', async () => {
    const response = await post(ask(plain), {
      'x-data-class': 'public',
      'x-workload': 'draft',
      'x-tenant': 'acme',
    });
    const answer = (await response.json()) as { provider: string; routing: { dataClass: string } };
    expect(answer).toMatchObject({ provider: 'cloud', routing: { dataClass: 'public' } });
  });

  it('fails closed with 503 and the typed code when no local model is up for regulated data', async () => {
    await local.setDown(true);
    const response = await post(ask(phi));
    expect(response.status).toBe(503);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('no_eligible_route');
    expect(body.error.message).not.toContain('John Doe');
    expect(cloud.requests).toHaveLength(0);
  });

  it('turns bad input into 400 with a message naming the problem', async () => {
    const notJson = await post('{"messages": [');
    expect(notJson.status).toBe(400);
    expect(await notJson.json()).toMatchObject({
      error: { code: 'invalid_request', message: 'body is not JSON' },
    });
    const noMessages = await post({ messages: [] });
    expect(noMessages.status).toBe(400);
    expect(((await noMessages.json()) as { error: { message: string } }).error.message).toMatch(/messages/);
    const badClass = await post(ask(plain), { 'x-data-class': 'secret' });
    expect(badClass.status).toBe(400);
  });

  it('maps a cloud rate limit to 429 with retry-after when nothing else can answer', async () => {
    await local.setDown(true);
    cloud.script.set([{ status: 429, headers: { 'retry-after': '120' } }]);
    const limited = await post(ask(plain), { 'x-data-class': 'public' });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('120');
    expect(await limited.json()).toMatchObject({ error: { code: 'rate_limited', retryable: true } });
    // The router remembers the limit: the next request does not knock on the cloud again.
    const next = await post(ask(plain), { 'x-data-class': 'public' });
    expect(next.status).toBe(503);
    expect(cloud.requests).toHaveLength(1);
  });

  it('streams server-sent events: route, deltas, done', async () => {
    const response = await post({ ...ask(plain), stream: true }, { 'x-data-class': 'public' });
    expect(response.headers.get('content-type')).toBe('text/event-stream');
    const text = await response.text();
    const events = text
      .trim()
      .split('\n\n')
      .map((frame) => {
        const [event, data] = frame.split('\n');
        return { event: event!.slice(7), data: JSON.parse(data!.slice(6)) as Record<string, unknown> };
      });
    expect(events[0]).toEqual({ event: 'route', data: { provider: 'cloud', dataClass: 'public' } });
    expect(
      events
        .filter((entry) => entry.event === 'delta')
        .map((entry) => entry.data.text)
        .join(''),
    ).toBe('cloud answer');
    expect(events.at(-1)).toMatchObject({ event: 'done', data: { provider: 'cloud' } });
  });

  it('aborts the routed request and frees the local slot when the client disconnects mid-answer', async () => {
    // 4,000 tokens at 2,000 a second: the answer is far from done when the client leaves.
    local.setReply({ text: 'a long answer '.repeat(1_000) });
    const ended: string[] = [];
    router.on('error', (event) => ended.push(event.error.code));
    router.on('response', () => ended.push('answered'));
    const response = await post({ ...ask(phi), stream: true });
    const reader = response.body!.getReader();
    await reader.read();
    await reader.cancel();
    await expect.poll(() => ended, { timeout: 5_000 }).toEqual(['aborted']);
    expect(router.status().find((status) => status.provider === 'local')?.inFlight).toBe(0);
  });
});

describe('GET /healthz', () => {
  it('reports what the router knows of each provider', async () => {
    await router.checkHealth();
    const response = await fetch(`${base}/healthz`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      ready: boolean;
      providers: { provider: string; health: string }[];
    };
    expect(body.ready).toBe(true);
    // The OpenAI adapter probes only with `healthCheck: true`; unprobed providers are `unknown`.
    expect(body.providers.map((provider) => [provider.provider, provider.health])).toEqual([
      ['local', 'ready'],
      ['cloud', 'unknown'],
    ]);
    await local.setDown(true);
    await router.checkHealth();
    const degraded = await fetch(`${base}/healthz`);
    expect(degraded.status).toBe(200);
    expect(((await degraded.json()) as { providers: { health: string }[] }).providers[0]!.health).toBe(
      'down',
    );
  });
});

describe('createServiceRouter', () => {
  it('runs on simulators when no endpoint is configured', async () => {
    const service = await createServiceRouter({});
    try {
      const answer = await service.router.chat(ask(phi));
      expect(answer.provider).toBe('local');
      expect(service.description.join('\n')).toMatch(/simulator/);
    } finally {
      await service.close();
    }
  });
});
