import {
  AuthenticationError,
  ContextLengthExceededError,
  ProviderError,
  ProviderUnavailableError,
  RateLimitedError,
  TimeoutError,
} from './errors';
import { type HeaderSource, parseRetryAfter } from './parse-retry-after';
import type { SwitchyardError } from './switchyard-error';

export interface HttpErrorInput {
  status: number;
  /** The provider's own error message, already extracted from its error body. */
  message: string;
  provider: string;
  headers?: HeaderSource;
  cause?: unknown;
  /** Set by an adapter that recognized a context-length error in the body. */
  contextLengthExceeded?: boolean;
}

const CONTEXT_LENGTH_PATTERN =
  /context[ _-]?length|context window|maximum context|exceed_context_size|too many tokens|prompt is too long/i;

/**
 * Maps an HTTP failure to the typed error callers branch on. Adapters call this so that no caller
 * ever parses a provider's error body.
 *
 * 408 → timeout; 429 → rate limited (with `retry-after`); 401/403 → authentication;
 * 5xx and 529 → provider unavailable; a context-length message → context length exceeded;
 * any other status → a non-retryable provider error.
 */
export function mapHttpError(input: HttpErrorInput): SwitchyardError {
  const { status, provider, cause } = input;
  const message = `${provider}: ${input.message} (HTTP ${status})`;
  const retryAfterMs = parseRetryAfter(input.headers);
  const base = { message, provider, status, cause, ...(retryAfterMs === undefined ? {} : { retryAfterMs }) };
  if (
    input.contextLengthExceeded ||
    ((status === 400 || status === 413) && CONTEXT_LENGTH_PATTERN.test(input.message))
  ) {
    return new ContextLengthExceededError(base);
  }
  if (status === 429) return new RateLimitedError(base);
  if (status === 408) return new TimeoutError(base);
  if (status === 401 || status === 403) return new AuthenticationError(base);
  if (status >= 500) return new ProviderUnavailableError(base);
  return new ProviderError(base);
}
