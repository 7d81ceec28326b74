import { describe, expect, it } from 'vitest';
import { createTransport } from './create-transport';
import { getJson, send } from './transport';

const transport = (fetchImpl: typeof fetch) =>
  createTransport({ provider: 'p', baseURL: 'http://127.0.0.1:1', fetch: fetchImpl });

describe('send', () => {
  it('maps a refused connection to ProviderUnavailableError', async () => {
    const refused = Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } });
    await expect(
      send(
        transport(() => Promise.reject(refused)),
        '/x',
        { method: 'GET' },
      ),
    ).rejects.toMatchObject({
      code: 'provider_unavailable',
    });
  });

  it('maps an aborted signal to AbortedError, before and during the call', async () => {
    const never = () => new Promise<Response>(() => {});
    await expect(
      send(transport(never), '/x', { method: 'GET', signal: AbortSignal.abort() }),
    ).rejects.toMatchObject({
      code: 'aborted',
    });
    const controller = new AbortController();
    const hanging: typeof fetch = (_input, init) =>
      new Promise((_resolve, reject) =>
        init?.signal?.addEventListener('abort', () => reject(init.signal?.reason)),
      );
    const pending = send(transport(hanging), '/x', { method: 'GET', signal: controller.signal });
    controller.abort();
    await expect(pending).rejects.toMatchObject({ code: 'aborted' });
  });

  it('maps 429 with retry-after, and reads the message from the body', async () => {
    const answer = () =>
      Promise.resolve(
        new Response('{"error":{"message":"slow down"}}', { status: 429, headers: { 'retry-after': '3' } }),
      );
    await expect(send(transport(answer), '/x', { method: 'GET' })).rejects.toMatchObject({
      code: 'rate_limited',
      retryAfterMs: 3000,
      message: expect.stringContaining('slow down'),
    });
  });

  it('sends auth and extra headers', async () => {
    let seen: Headers | undefined;
    const capture: typeof fetch = (_input, init) => {
      seen = new Headers(init?.headers);
      return Promise.resolve(new Response('{}'));
    };
    const withKey = createTransport({
      provider: 'p',
      baseURL: 'http://h',
      apiKey: 'k',
      headers: { 'x-tenant': 't' },
      fetch: capture,
    });
    await getJson(withKey, '/x');
    expect(seen?.get('authorization')).toBe('Bearer k');
    expect(seen?.get('x-tenant')).toBe('t');
  });

  it('reports a 2xx body that is not JSON as a ProviderError', async () => {
    await expect(
      getJson(
        transport(() => Promise.resolve(new Response('<html>'))),
        '/x',
      ),
    ).rejects.toMatchObject({
      code: 'provider_error',
    });
  });
});
