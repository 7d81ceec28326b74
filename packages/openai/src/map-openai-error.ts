import {
  type ClientErrorClasses,
  type ClientErrorMapping,
  ContextLengthExceededError,
  mapClientError,
  mapClientStreamFailure,
  mapHttpError,
  ProviderError,
  ProviderUnavailableError,
  RateLimitedError,
  type SwitchyardError,
} from '@switchyard/core';
import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';

/** The SDK's error classes (an error from another copy of the SDK is recognized by class name). */
const OPENAI_ERRORS: ClientErrorClasses = {
  abort: APIUserAbortError,
  timeout: APIConnectionTimeoutError,
  connection: APIConnectionError,
  api: APIError,
};

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

function mapping(provider: string): ClientErrorMapping<APIError> {
  return { provider, classes: OPENAI_ERRORS, mapApiError: (error) => mapApiError(error, provider) };
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
  return mapClientError(error, mapping(provider), signal);
}

/**
 * Maps a failure while reading a stream: an error the API reported in the stream maps like any API
 * error; anything else (the connection broke, a malformed chunk) is a `StreamInterruptedError`.
 */
export function mapOpenAIStreamFailure(error: unknown, provider: string): SwitchyardError {
  return mapClientStreamFailure(error, mapping(provider));
}
