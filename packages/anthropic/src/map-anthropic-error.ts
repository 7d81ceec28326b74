import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
} from '@anthropic-ai/sdk';
import {
  type ClientErrorClasses,
  type ClientErrorMapping,
  ContextLengthExceededError,
  mapClientError,
  mapClientStreamFailure,
  mapHttpError,
  ProviderError,
  type SwitchyardError,
} from '@switchyard/core';

/** The SDK's error classes (an error from another copy of the SDK is recognized by class name). */
const ANTHROPIC_ERRORS: ClientErrorClasses = {
  abort: APIUserAbortError,
  timeout: APIConnectionTimeoutError,
  connection: APIConnectionError,
  api: APIError,
};

/** The HTTP status each error type has when the API answers with it (used for errors inside a stream). */
const TYPE_STATUS: Record<string, number> = {
  invalid_request_error: 400,
  authentication_error: 401,
  billing_error: 402,
  permission_error: 403,
  not_found_error: 404,
  request_too_large: 413,
  rate_limit_error: 429,
  api_error: 500,
  timeout_error: 504,
  overloaded_error: 529,
};

const PROMPT_TOO_LONG = /prompt is too long: (\d+) tokens > (\d+) maximum/i;
const CONTEXT = /prompt is too long|context window|context length/i;
const SPEND_LIMIT = /usage limits?|spend(?:ing)? limit|credit balance/i;

/** Maps an error the API reported (an HTTP status, or an `event: error` inside a stream). */
function mapApiError(error: APIError, provider: string): SwitchyardError {
  const body = error.error as { error?: { type?: unknown; message?: unknown } } | undefined;
  const type = error.type ?? (typeof body?.error?.type === 'string' ? body.error.type : undefined);
  const apiMessage =
    error.apiMessage ?? (typeof body?.error?.message === 'string' ? body.error.message : error.message);
  const inStream = error.status === undefined;
  const status = error.status ?? (type ? TYPE_STATUS[type] : undefined) ?? 500;
  const where = inStream ? ' (in the stream)' : '';
  const message = `${apiMessage}${where}${error.requestID ? ` [request id ${error.requestID}]` : ''}`;
  const prompt = PROMPT_TOO_LONG.exec(apiMessage);
  if (prompt || (status === 400 && CONTEXT.test(apiMessage))) {
    return new ContextLengthExceededError({
      message: `${provider}: ${message} (HTTP ${status})`,
      provider,
      status,
      cause: error,
      ...(prompt ? { promptTokens: Number(prompt[1]), contextWindow: Number(prompt[2]) } : {}),
    });
  }
  if (status === 402 || type === 'billing_error' || (status < 500 && SPEND_LIMIT.test(apiMessage))) {
    // Out of credit or over the workspace's spend limit: no retry helps until someone pays.
    return new ProviderError({
      message: `${provider}: ${message} (HTTP ${status}, billing or spend limit)`,
      provider,
      status,
      cause: error,
    });
  }
  return mapHttpError({ status, message, provider, headers: error.headers, cause: error });
}

function mapping(provider: string): ClientErrorMapping<APIError> {
  return { provider, classes: ANTHROPIC_ERRORS, mapApiError: (error) => mapApiError(error, provider) };
}

/**
 * Maps anything the Anthropic SDK throws to core's typed errors: 429 → `RateLimitedError` (with
 * `retry-after`), 529 `overloaded_error` and 5xx → retryable `ProviderUnavailableError` (the router
 * backs off), 413 → non-retryable `ProviderError`, 402 / billing / spend-limit errors →
 * non-retryable `ProviderError`, "prompt is too long" → `ContextLengthExceededError`, 401/403 →
 * `AuthenticationError`, 408 → `TimeoutError`, connection failures → `ProviderUnavailableError`,
 * an abort → the signal's reason or `AbortedError`.
 */
export function mapAnthropicError(error: unknown, provider: string, signal?: AbortSignal): SwitchyardError {
  return mapClientError(error, mapping(provider), signal);
}

/**
 * Maps a failure while reading a stream: an `event: error` maps like any API error; anything else
 * (the connection broke, a malformed event) is a `StreamInterruptedError`.
 */
export function mapAnthropicStreamFailure(error: unknown, provider: string): SwitchyardError {
  return mapClientStreamFailure(error, mapping(provider));
}
