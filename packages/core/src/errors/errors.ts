import { type SwitchyardErrorOptions, SwitchyardError, hasCode } from './switchyard-error';

type Options = Omit<SwitchyardErrorOptions, 'isRetryable'> & { isRetryable?: boolean };

/** Router or adapter options are invalid. `field` names the offending option path. */
export class ConfigError extends SwitchyardError {
  readonly field: string | undefined;
  constructor(options: Options & { field?: string }) {
    super('config_error', { ...options, isRetryable: false });
    this.name = 'ConfigError';
    this.field = options.field;
  }
  static override isInstance(error: unknown): error is ConfigError {
    return hasCode(error, 'config_error');
  }
}

/** The request itself is malformed (bad messages, out-of-range parameters). Nothing was sent. */
export class InvalidRequestError extends SwitchyardError {
  readonly field: string | undefined;
  constructor(options: Options & { field?: string }) {
    super('invalid_request', { ...options, isRetryable: false });
    this.name = 'InvalidRequestError';
    this.field = options.field;
  }
  static override isInstance(error: unknown): error is InvalidRequestError {
    return hasCode(error, 'invalid_request');
  }
}

/** One candidate provider and why it could not take the request. */
export interface RejectedCandidate {
  provider: string;
  rule: string;
  reason: string;
}

/** No provider may take this request (for `regulated` data: no healthy local provider). Fail closed. */
export class NoEligibleRouteError extends SwitchyardError {
  readonly dataClass: string | undefined;
  readonly rejected: readonly RejectedCandidate[];
  constructor(options: Options & { dataClass?: string; rejected?: readonly RejectedCandidate[] }) {
    super('no_eligible_route', { ...options, isRetryable: false });
    this.name = 'NoEligibleRouteError';
    this.dataClass = options.dataClass;
    this.rejected = options.rejected ?? [];
  }
  static override isInstance(error: unknown): error is NoEligibleRouteError {
    return hasCode(error, 'no_eligible_route');
  }
}

/** The provider could not be reached, is overloaded, loading, or answered 5xx. Retryable by default. */
export class ProviderUnavailableError extends SwitchyardError {
  constructor(options: Options) {
    super('provider_unavailable', { isRetryable: true, ...options });
    this.name = 'ProviderUnavailableError';
  }
  static override isInstance(error: unknown): error is ProviderUnavailableError {
    return hasCode(error, 'provider_unavailable');
  }
}

/** The provider rate-limited the request (HTTP 429). `retryAfterMs` carries its `retry-after`. */
export class RateLimitedError extends SwitchyardError {
  constructor(options: Options) {
    super('rate_limited', { isRetryable: true, ...options });
    this.name = 'RateLimitedError';
  }
  static override isInstance(error: unknown): error is RateLimitedError {
    return hasCode(error, 'rate_limited');
  }
}

/** An attempt, a first token or the whole request took longer than its deadline. */
export class TimeoutError extends SwitchyardError {
  readonly timeoutMs: number | undefined;
  constructor(options: Options & { timeoutMs?: number }) {
    super('timeout', { isRetryable: true, ...options });
    this.name = 'TimeoutError';
    this.timeoutMs = options.timeoutMs;
  }
  static override isInstance(error: unknown): error is TimeoutError {
    return hasCode(error, 'timeout');
  }
}

/** The prompt does not fit the provider's context window. Not retryable on the same provider. */
export class ContextLengthExceededError extends SwitchyardError {
  readonly promptTokens: number | undefined;
  readonly contextWindow: number | undefined;
  constructor(options: Options & { promptTokens?: number; contextWindow?: number }) {
    super('context_length_exceeded', { ...options, isRetryable: false });
    this.name = 'ContextLengthExceededError';
    this.promptTokens = options.promptTokens;
    this.contextWindow = options.contextWindow;
  }
  static override isInstance(error: unknown): error is ContextLengthExceededError {
    return hasCode(error, 'context_length_exceeded');
  }
}

/** A hard budget limit forbids this spend. */
export class BudgetExceededError extends SwitchyardError {
  readonly budget: string | undefined;
  constructor(options: Options & { budget?: string }) {
    super('budget_exceeded', { ...options, isRetryable: false });
    this.name = 'BudgetExceededError';
    this.budget = options.budget;
  }
  static override isInstance(error: unknown): error is BudgetExceededError {
    return hasCode(error, 'budget_exceeded');
  }
}

/** A stream ended (or broke) before its `finish` event. Never a silent success. */
export class StreamInterruptedError extends SwitchyardError {
  constructor(options: Options) {
    super('stream_interrupted', { isRetryable: true, ...options });
    this.name = 'StreamInterruptedError';
  }
  static override isInstance(error: unknown): error is StreamInterruptedError {
    return hasCode(error, 'stream_interrupted');
  }
}

/** The caller's AbortSignal ended the request. */
export class AbortedError extends SwitchyardError {
  constructor(options: Options) {
    super('aborted', { ...options, isRetryable: false });
    this.name = 'AbortedError';
  }
  static override isInstance(error: unknown): error is AbortedError {
    return hasCode(error, 'aborted');
  }
}

/** The provider refused the credentials (HTTP 401 / 403). Not retryable. */
export class AuthenticationError extends SwitchyardError {
  constructor(options: Options) {
    super('authentication', { ...options, isRetryable: false });
    this.name = 'AuthenticationError';
  }
  static override isInstance(error: unknown): error is AuthenticationError {
    return hasCode(error, 'authentication');
  }
}

/** Any other provider failure (a 4xx the request caused, a spend limit, a malformed answer). */
export class ProviderError extends SwitchyardError {
  constructor(options: Options) {
    super('provider_error', { isRetryable: false, ...options });
    this.name = 'ProviderError';
  }
  static override isInstance(error: unknown): error is ProviderError {
    return hasCode(error, 'provider_error');
  }
}
