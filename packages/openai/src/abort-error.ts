import { AbortedError, SwitchyardError } from '@switchyard/core';

/**
 * The error for an aborted signal: its reason when that is already typed (the router aborts with a
 * `TimeoutError` when a deadline passes), else an `AbortedError`.
 */
export function abortError(signal: AbortSignal, provider: string): SwitchyardError {
  const reason: unknown = signal.reason;
  if (SwitchyardError.isInstance(reason)) return reason;
  return new AbortedError({ message: `${provider}: request aborted`, cause: reason, provider });
}
