import {
  ContextLengthExceededError,
  type HeaderSource,
  ProviderUnavailableError,
  type SwitchyardError,
  mapHttpError,
  parseRetryAfter,
} from '@switchyard/core';
import type { ServerErrorInfo } from './server-error-info';

/**
 * Maps an HTTP failure (or an error the server reported inside a stream, with its `code` as status)
 * to the typed error callers branch on.
 */
export function toSwitchyardHttpError(
  provider: string,
  status: number,
  info: ServerErrorInfo,
  headers?: HeaderSource,
): SwitchyardError {
  if (info.contextLength) {
    const retryAfterMs = parseRetryAfter(headers);
    return new ContextLengthExceededError({
      message: `${provider}: ${info.message} (HTTP ${status})`,
      provider,
      status,
      ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
      ...info.contextLength,
    });
  }
  if (info.unavailable) {
    return new ProviderUnavailableError({
      message: `${provider}: ${info.message} (HTTP ${status})`,
      provider,
      status,
      isRetryable: info.unavailable.retryable,
    });
  }
  return mapHttpError({ status, message: info.message, provider, headers: headers ?? undefined });
}
