import { abortErrorFor, ProviderError, type SwitchyardError, toSwitchyardError } from '@switchyard/core';
import type { ServerErrorInfo } from './server-error-info';
import { toSwitchyardHttpError } from './to-switchyard-http-error';

/** How an adapter reaches its server. Built once per provider. */
export interface Transport {
  /** Provider id, used in error messages. */
  readonly provider: string;
  /** Server root, without a trailing slash. */
  readonly baseURL: string;
  /** Headers sent on every request (auth, content type, extras). */
  readonly headers: Record<string, string>;
  readonly fetch: typeof fetch;
  /** Reads a server error body. */
  readonly parseError: (status: number, text: string) => ServerErrorInfo;
}

/** Maps anything a fetch or a body read threw, honouring an aborted signal first. */
export function transportError(
  error: unknown,
  signal: AbortSignal | undefined,
  provider: string,
): SwitchyardError {
  if (signal?.aborted) return abortErrorFor(signal, provider);
  return toSwitchyardError(error, provider);
}

/**
 * Sends one request. Network failures become `ProviderUnavailableError`, an aborted signal
 * `AbortedError`, and a non-2xx answer the typed error its status and body call for.
 */
export async function send(
  transport: Transport,
  path: string,
  init: { method: 'GET' | 'POST'; body?: string; signal?: AbortSignal },
): Promise<Response> {
  const { signal } = init;
  if (signal?.aborted) throw abortErrorFor(signal, transport.provider);
  let response: Response;
  try {
    response = await transport.fetch(transport.baseURL + path, {
      method: init.method,
      headers: transport.headers,
      ...(init.body === undefined ? {} : { body: init.body }),
      ...(signal ? { signal } : {}),
    });
  } catch (error) {
    throw transportError(error, signal, transport.provider);
  }
  if (response.ok) return response;
  let text = '';
  try {
    text = await response.text();
  } catch {
    // The status alone still says what happened.
    if (signal?.aborted) throw abortErrorFor(signal, transport.provider);
  }
  throw toSwitchyardHttpError(
    transport.provider,
    response.status,
    transport.parseError(response.status, text),
    response.headers,
  );
}

/** Reads a 2xx body as JSON; a malformed body is a `ProviderError`. */
export async function readJson<T>(
  transport: Transport,
  response: Response,
  signal?: AbortSignal,
): Promise<T> {
  let text: string;
  try {
    text = await response.text();
  } catch (error) {
    throw transportError(error, signal, transport.provider);
  }
  try {
    return JSON.parse(text) as T;
  } catch (error) {
    throw new ProviderError({
      message: `${transport.provider}: the server answered with a body that is not JSON`,
      provider: transport.provider,
      status: response.status,
      cause: error,
    });
  }
}

/** Sends a GET and reads its JSON body. */
export async function getJson<T>(transport: Transport, path: string, signal?: AbortSignal): Promise<T> {
  const response = await send(transport, path, { method: 'GET', ...(signal ? { signal } : {}) });
  return readJson<T>(transport, response, signal);
}
