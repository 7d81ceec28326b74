import { type ServerErrorInfo, parseErrorBody } from './server-error-info';
import type { Transport } from './transport';

/** Settings of `createTransport`. */
export interface TransportSettings {
  provider: string;
  baseURL: string;
  apiKey?: string | undefined;
  headers?: Record<string, string> | undefined;
  fetch?: typeof fetch | undefined;
  parseError?: ((status: number, text: string) => ServerErrorInfo) | undefined;
}

/** Builds the transport once: headers are computed here, not per request. */
export function createTransport(settings: TransportSettings): Transport {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    accept: 'application/json, text/event-stream',
    ...settings.headers,
  };
  if (settings.apiKey) headers.authorization = `Bearer ${settings.apiKey}`;
  const fetchImpl = settings.fetch ?? ((input, init) => globalThis.fetch(input, init));
  return {
    provider: settings.provider,
    baseURL: settings.baseURL,
    headers,
    fetch: fetchImpl,
    parseError: settings.parseError ?? parseErrorBody,
  };
}
