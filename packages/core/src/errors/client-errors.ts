import { AbortedError, ProviderUnavailableError, StreamInterruptedError, TimeoutError } from './errors';
import { SwitchyardError } from './switchyard-error';
import { toSwitchyardError } from './to-switchyard-error';

/**
 * The typed error for an aborted signal: its reason when that is already typed (the router aborts
 * with a `TimeoutError` when a deadline passes), else an `AbortedError`. For adapters.
 */
export function abortErrorFor(signal: AbortSignal | undefined, provider: string): SwitchyardError {
  const reason: unknown = signal?.reason;
  if (SwitchyardError.isInstance(reason)) return reason;
  return new AbortedError({ message: `${provider}: request aborted`, provider, cause: reason });
}

/** What an official SDK client threw: an abort, its own timeout, a failed connection, or an API error. */
export type ClientErrorKind = 'abort' | 'timeout' | 'connection' | 'api';

// biome-ignore lint/suspicious/noExplicitAny: any error class, whatever its constructor takes
type ErrorClass = abstract new (...args: any[]) => Error;

/**
 * An SDK's error classes. The official OpenAI and Anthropic SDKs share this hierarchy
 * (`APIUserAbortError`, `APIConnectionTimeoutError` ⊂ `APIConnectionError`, all ⊂ `APIError`).
 */
export interface ClientErrorClasses {
  abort: ErrorClass;
  timeout: ErrorClass;
  connection: ErrorClass;
  api: ErrorClass;
}

/**
 * Which kind of SDK error this is: by class, or by class name for an error from another copy of
 * the SDK (an application that brings its own client); an object with `status`, `error` and
 * `headers` counts as an API error.
 */
export function clientErrorKind(error: unknown, classes: ClientErrorClasses): ClientErrorKind | undefined {
  // Subclasses first: a timeout is also a connection error, and every one of them an API error.
  if (error instanceof classes.abort) return 'abort';
  if (error instanceof classes.timeout) return 'timeout';
  if (error instanceof classes.connection) return 'connection';
  if (error instanceof classes.api) return 'api';
  if (typeof error !== 'object' || error === null) return undefined;
  const names = [
    (error as { constructor?: { name?: unknown } }).constructor?.name,
    (error as { name?: unknown }).name,
  ];
  if (names.includes(classes.abort.name)) return 'abort';
  if (names.includes(classes.timeout.name)) return 'timeout';
  if (names.includes(classes.connection.name)) return 'connection';
  if ('status' in error && 'error' in error && 'headers' in error) return 'api';
  return undefined;
}

/** How an adapter maps its SDK's errors: the classes, and what an API error (status and body) means. */
export interface ClientErrorMapping<ApiError> {
  provider: string;
  classes: ClientErrorClasses;
  /** Maps an error the API reported: an HTTP status with a body, or an error event inside a stream. */
  mapApiError(error: ApiError): SwitchyardError;
}

/**
 * Maps anything an SDK client call threw to core's typed errors: an aborted signal → its reason or
 * `AbortedError`; the SDK's own abort → `AbortedError`; its timeout → `TimeoutError`; a failed
 * connection → `ProviderUnavailableError`; an API error → `mapApiError`; anything else →
 * `toSwitchyardError`. Typed errors pass through.
 */
export function mapClientError<ApiError>(
  error: unknown,
  mapping: ClientErrorMapping<ApiError>,
  signal?: AbortSignal,
): SwitchyardError {
  if (SwitchyardError.isInstance(error)) return error;
  const { provider } = mapping;
  if (signal?.aborted) return abortErrorFor(signal, provider);
  switch (clientErrorKind(error, mapping.classes)) {
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
      return mapping.mapApiError(error as ApiError);
    default:
      return toSwitchyardError(error, provider);
  }
}

/**
 * Maps a failure while reading a stream: an error the API reported in the stream maps like any API
 * error; anything else (the connection broke, a malformed event) is a `StreamInterruptedError`.
 */
export function mapClientStreamFailure<ApiError>(
  error: unknown,
  mapping: ClientErrorMapping<ApiError>,
): SwitchyardError {
  if (SwitchyardError.isInstance(error)) return error;
  if (clientErrorKind(error, mapping.classes) === 'api') return mapping.mapApiError(error as ApiError);
  const text = error instanceof Error ? error.message : String(error);
  return new StreamInterruptedError({
    message: `${mapping.provider}: the stream broke before it finished: ${text}`,
    provider: mapping.provider,
    cause: error,
  });
}
