import { AbortedError, TimeoutError } from '../errors/errors';
import type { SwitchyardError } from '../errors/switchyard-error';

/** An AbortSignal that fires when its parent fires or its own timer runs out. */
export interface Deadline {
  readonly signal: AbortSignal;
  /** Restarts the timer (stream idle timeouts). */
  reset(timeoutMs: number, makeError: () => SwitchyardError): void;
  /** Clears the timer and detaches from the parent. Always call it. */
  dispose(): void;
}

/**
 * Creates a child signal of `parent` that also aborts, with the error `makeError()` as its reason,
 * after `timeoutMs`. Cheaper and more predictable than `AbortSignal.any` + `AbortSignal.timeout`:
 * the timer is cleared and the listener removed on `dispose()`.
 */
export function createDeadline(
  parent: AbortSignal | undefined,
  timeoutMs: number,
  makeError: () => SwitchyardError,
): Deadline {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const onParentAbort = () => controller.abort(parent?.reason);
  const arm = (ms: number, error: () => SwitchyardError) => {
    if (timer !== undefined) clearTimeout(timer);
    timer = Number.isFinite(ms) ? setTimeout(() => controller.abort(error()), ms) : undefined;
    // A deadline alone must not keep the process alive.
    timer?.unref?.();
  };
  if (parent?.aborted) {
    controller.abort(parent.reason);
  } else {
    parent?.addEventListener('abort', onParentAbort, { once: true });
    arm(timeoutMs, makeError);
  }
  return {
    signal: controller.signal,
    reset(ms, error) {
      if (!controller.signal.aborted) arm(ms, error);
    },
    dispose() {
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      parent?.removeEventListener('abort', onParentAbort);
    },
  };
}

/** The typed error a signal was aborted with (our deadlines abort with typed reasons). */
export function abortReason(signal: AbortSignal, provider?: string): SwitchyardError {
  const reason: unknown = signal.reason;
  if (reason instanceof AbortedError || reason instanceof TimeoutError) return reason;
  if (typeof reason === 'object' && reason !== null && 'code' in reason) {
    const code = (reason as { code: unknown }).code;
    if (code === 'timeout' || code === 'aborted') return reason as SwitchyardError;
  }
  return new AbortedError({ message: 'request aborted by the caller', cause: reason, provider });
}

/**
 * Settles with `promise`, or rejects as soon as `signal` aborts, whichever comes first: a provider
 * that ignores its signal cannot hold the router past a deadline.
 */
export function raceSignal<T>(promise: Promise<T>, signal: AbortSignal, provider?: string): Promise<T> {
  if (signal.aborted) {
    promise.catch(() => {});
    return Promise.reject(abortReason(signal, provider));
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(abortReason(signal, provider));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

/** Resolves after `ms`, or rejects when `signal` aborts. */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  if (ms <= 0) return Promise.resolve();
  return raceSignal(
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      signal.addEventListener('abort', () => clearTimeout(timer), { once: true });
    }),
    signal,
  );
}
