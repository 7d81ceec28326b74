import {
  AbortedError,
  ContextLengthExceededError,
  mapHttpError,
  ProviderError,
  ProviderUnavailableError,
  RateLimitedError,
  StreamInterruptedError,
  SwitchyardError,
  TimeoutError,
  toSwitchyardError,
} from '@switchyard/core';
import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';
import { abortError } from './abort-error';

type SdkErrorKind = 'abort' | 'timeout' | 'connection' | 'api';

/** Which SDK error this is; by class, or by class name for a client from another copy of the SDK. */
function sdkErrorKind(error: unknown): SdkErrorKind | undefined {
  if (error instanceof APIUserAbortError) return 'abort';
  if (error instanceof APIConnectionTimeoutError) return 'timeout';
  if (error instanceof APIConnectionError) return 'connection';
  if (error instanceof APIError) return 'api';
  const name = (error as { constructor?: { name?: string } } | null)?.constructor?.name;
  if (name === 'APIUserAbortError') return 'abort';
  if (name === 'APIConnectionTimeoutError') return 'timeout';
  if (name === 'APIConnectionError') return 'connection';
  if (
    typeof error === 'object' &&
    error !== null &&
    'status' in error &&
    'error' in error &&
    'headers' in error
  ) {
    return 'api';
  }
  return undefined;
}

interface ErrorObject {
  message?: unknown;
  type?: unknown;
  code?: unknown;
  param?: unknown;
}

const WINDOW = /maximum context length is (\d+)/i;
const PROMPT = /(?:resulted in|requested) (\d+) tokens/i;
const CONTEXT = /context[ _-]?length|context window|maximum context|too many tokens/i;

function contextLengthError(provider: string, message: string, status: number | undefined, cause: unknown) {
  const window = WINDOW.exec(message)?.[1];
  const prompt = PROMPT.exec(message)?.[1];
  return new ContextLengthExceededError({
    message: `${provider}: ${message}${status === undefined ? '' : ` (HTTP ${status})`}`,
    provider,
    cause,
    ...(status === undefined ? {} : { status }),
    ...(window === undefined ? {} : { contextWindow: Number(window) }),
    ...(prompt === undefined ? {} : { promptTokens: Number(prompt) }),
  });
}

/** Maps an error the API reported (an HTTP status, or an `{"error": ...}` inside a stream). */
function mapApiError(error: APIError, provider: string): SwitchyardError {
  const body = (error.error ?? undefined) as ErrorObject | undefined;
  const apiMessage = typeof body?.message === 'string' ? body.message : error.message;
  const message = error.requestID ? `${apiMessage} [request id ${error.requestID}]` : apiMessage;
  const code = typeof body?.code === 'string' ? body.code : undefined;
  const type = typeof body?.type === 'string' ? body.type : undefined;
  const status = error.status;
  if (
    code === 'context_length_exceeded' ||
    ((status === 400 || status === 413) && CONTEXT.test(apiMessage))
  ) {
    return contextLengthError(provider, message, status, error);
  }
  if (status === undefined) {
    // Reported inside a 200 stream: there is no status, only the error object.
    if (code === 'rate_limit_exceeded')
      return new RateLimitedError({ message: `${provider}: ${message}`, provider, cause: error });
    if (type === 'server_error' || type === undefined) {
      return new ProviderUnavailableError({ message: `${provider}: ${message}`, provider, cause: error });
    }
    return new ProviderError({ message: `${provider}: ${message}`, provider, cause: error });
  }
  if (status === 429 && (code === 'insufficient_quota' || type === 'insufficient_quota')) {
    // Out of credit is not a rate limit: waiting does not help.
    return new ProviderError({
      message: `${provider}: ${message} (HTTP 429, insufficient quota)`,
      provider,
      status,
      cause: error,
    });
  }
  return mapHttpError({ status, message, provider, headers: error.headers, cause: error });
}

/**
 * Maps anything the OpenAI SDK throws to core's typed errors: 429 → `RateLimitedError` (with
 * `retry-after-ms` / `retry-after`), 408 → `TimeoutError`, 5xx → `ProviderUnavailableError`,
 * `context_length_exceeded` → `ContextLengthExceededError`, 401/403 → `AuthenticationError`,
 * `insufficient_quota` and other 4xx → non-retryable `ProviderError`, connection failures →
 * `ProviderUnavailableError`, the SDK's own timeout → `TimeoutError`, an abort → the signal's reason
 * or `AbortedError`.
 */
export function mapOpenAIError(error: unknown, provider: string, signal?: AbortSignal): SwitchyardError {
  if (SwitchyardError.isInstance(error)) return error;
  if (signal?.aborted) return abortError(signal, provider);
  switch (sdkErrorKind(error)) {
    case 'abort':
      return new AbortedError({ message: `${provider}: request aborted`, provider, cause: error });
    case 'timeout':
      return new TimeoutError({
        message: `${provider}: the SDK timed out waiting for an answer`,
        provider,
        cause: error,
      });
    case 'connection': {
      const cause = (error as { cause?: unknown }).cause;
      const detail = cause instanceof Error ? `: ${cause.message}` : '';
      return new ProviderUnavailableError({
        message: `${provider}: connection failed${detail}`,
        provider,
        cause: error,
      });
    }
    case 'api':
      return mapApiError(error as APIError, provider);
    default:
      return toSwitchyardError(error, provider);
  }
}

/**
 * Maps a failure while reading a stream: an error the API reported in the stream maps like any API
 * error; anything else (the connection broke, a malformed chunk) is a `StreamInterruptedError`.
 */
export function mapOpenAIStreamFailure(error: unknown, provider: string): SwitchyardError {
  if (SwitchyardError.isInstance(error)) return error;
  if (sdkErrorKind(error) === 'api') return mapApiError(error as APIError, provider);
  const text = error instanceof Error ? error.message : String(error);
  return new StreamInterruptedError({
    message: `${provider}: the stream broke before it finished: ${text}`,
    provider,
    cause: error,
  });
}
