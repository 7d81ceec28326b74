const MARKER = Symbol.for('switchyard.error');

/** Stable codes callers branch on. */
export type ErrorCode =
  | 'config_error'
  | 'invalid_request'
  | 'no_eligible_route'
  | 'provider_unavailable'
  | 'rate_limited'
  | 'timeout'
  | 'context_length_exceeded'
  | 'budget_exceeded'
  | 'stream_interrupted'
  | 'aborted'
  | 'authentication'
  | 'provider_error';

export interface SwitchyardErrorOptions {
  message: string;
  cause?: unknown;
  isRetryable?: boolean;
  /** How long the provider asked us to wait before trying again. */
  retryAfterMs?: number;
  /** Id of the provider the error came from, when it came from one. */
  provider?: string;
  /** HTTP status, when the error came from an HTTP response. */
  status?: number;
}

/**
 * Base of every error Switchyard throws. Branch on `code`, never on message text.
 * Use `SwitchyardError.isInstance(error)` (or a subclass's) rather than `instanceof`: it also works
 * when two copies of the package are installed.
 */
export class SwitchyardError extends Error {
  readonly [MARKER] = true;
  readonly code: ErrorCode;
  readonly isRetryable: boolean;
  readonly retryAfterMs: number | undefined;
  readonly provider: string | undefined;
  readonly status: number | undefined;

  constructor(code: ErrorCode, options: SwitchyardErrorOptions) {
    super(options.message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'SwitchyardError';
    this.code = code;
    this.isRetryable = options.isRetryable ?? false;
    this.retryAfterMs = options.retryAfterMs;
    this.provider = options.provider;
    this.status = options.status;
  }

  static isInstance(error: unknown): error is SwitchyardError {
    return typeof error === 'object' && error !== null && (error as Record<symbol, unknown>)[MARKER] === true;
  }

  /** A JSON-safe summary (no cause chain, no request data). */
  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      code: this.code,
      message: this.message,
      isRetryable: this.isRetryable,
      ...(this.retryAfterMs === undefined ? {} : { retryAfterMs: this.retryAfterMs }),
      ...(this.provider === undefined ? {} : { provider: this.provider }),
      ...(this.status === undefined ? {} : { status: this.status }),
    };
  }
}

/** Builds the cross-copy `isInstance` check for a subclass with a given code. */
export function hasCode<T extends SwitchyardError>(error: unknown, code: ErrorCode): error is T {
  return SwitchyardError.isInstance(error) && error.code === code;
}
