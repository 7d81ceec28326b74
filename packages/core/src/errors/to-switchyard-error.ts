import { AbortedError, ProviderError, ProviderUnavailableError } from './errors';
import { SwitchyardError } from './switchyard-error';

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'UND_ERR_CLOSED',
]);

function networkCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && typeof current === 'object' && current !== null; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && NETWORK_CODES.has(code)) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/**
 * Normalizes anything thrown by an adapter or the network into a `SwitchyardError`.
 * Typed errors pass through; connection failures become `ProviderUnavailableError`; an abort becomes
 * `AbortedError`; anything else becomes a non-retryable `ProviderError` that keeps the original as `cause`.
 */
export function toSwitchyardError(error: unknown, provider?: string): SwitchyardError {
  if (SwitchyardError.isInstance(error)) return error;
  const prefix = provider ? `${provider}: ` : '';
  const text = error instanceof Error ? error.message : String(error);
  const code = networkCode(error);
  if (code) {
    return new ProviderUnavailableError({
      message: `${prefix}connection failed (${code}): ${text}`,
      cause: error,
      provider,
    });
  }
  if (error instanceof Error && (error.name === 'AbortError' || error.name === 'APIUserAbortError')) {
    return new AbortedError({ message: `${prefix}request aborted`, cause: error, provider });
  }
  if (error instanceof TypeError && /fetch failed|terminated|other side closed|socket/i.test(text)) {
    return new ProviderUnavailableError({
      message: `${prefix}connection failed: ${text}`,
      cause: error,
      provider,
    });
  }
  return new ProviderError({ message: `${prefix}${text}`, cause: error, provider });
}
