import { AbortedError, TimeoutError } from '../errors/errors';
import { SwitchyardError } from '../errors/switchyard-error';

type Listener = (reason: SwitchyardError) => void;

/**
 * A cancellation scope: aborts when its parent does or when its own timer runs out, always with a
 * typed reason (`TimeoutError` or `AbortedError`).
 *
 * Why not `AbortSignal.any` + `AbortSignal.timeout`: adding and removing EventTarget listeners costs
 * microseconds each in Node, and the router links several scopes per request. Scopes link through
 * plain callbacks; a real `AbortSignal` is made only when something (a provider call) needs one.
 */
export class Deadline {
  private controller: AbortController | undefined;
  private listeners: Listener[] | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private detach: (() => void) | undefined;
  private expiresAt = Number.POSITIVE_INFINITY;
  private timerDueAt = Number.POSITIVE_INFINITY;
  private makeError: () => SwitchyardError = () => new TimeoutError({ message: 'deadline passed' });
  aborted = false;
  reason: SwitchyardError | undefined;

  constructor(
    parent: Deadline | AbortSignal | undefined,
    timeoutMs: number,
    makeError: () => SwitchyardError,
  ) {
    if (parent instanceof Deadline) {
      if (parent.aborted) {
        this.abort(parent.reason!);
        return;
      }
      this.detach = parent.onAbort((reason) => this.abort(reason));
    } else if (parent) {
      if (parent.aborted) {
        this.abort(callerAbort(parent.reason));
        return;
      }
      const onAbort = () => this.abort(callerAbort(parent.reason));
      parent.addEventListener('abort', onAbort, { once: true });
      this.detach = () => parent.removeEventListener('abort', onAbort);
    }
    this.arm(timeoutMs, makeError);
  }

  /** An AbortSignal that follows this scope (for APIs that take one). */
  get signal(): AbortSignal {
    if (!this.controller) {
      this.controller = new AbortController();
      if (this.aborted) this.controller.abort(this.reason);
    }
    return this.controller.signal;
  }

  /** Calls `listener` when the scope aborts (at once if it already has). Returns the unsubscribe function. */
  onAbort(listener: Listener): () => void {
    if (this.aborted) {
      listener(this.reason!);
      return noop;
    }
    if (!this.listeners) this.listeners = [];
    const listeners = this.listeners;
    listeners.push(listener);
    return () => {
      // Once aborted, the list is being (or has been) walked: leave it alone.
      if (this.aborted) return;
      const index = listeners.indexOf(listener);
      if (index >= 0) listeners.splice(index, 1);
    };
  }

  abort(reason: SwitchyardError): void {
    if (this.aborted) return;
    this.aborted = true;
    this.reason = reason;
    this.clearTimer();
    this.detach?.();
    this.detach = undefined;
    this.controller?.abort(reason);
    const listeners = this.listeners;
    this.listeners = undefined;
    if (listeners) for (const listener of listeners) listener(reason);
  }

  /**
   * Restarts the countdown (stream idle timeouts). Called per stream event, so it only moves the
   * expiry; the armed timer re-arms itself for the remainder when it fires early.
   */
  reset(timeoutMs: number, makeError: () => SwitchyardError): void {
    if (this.aborted) return;
    this.makeError = makeError;
    this.expiresAt = performance.now() + timeoutMs;
    if (this.timer === undefined || this.timerDueAt > this.expiresAt) {
      this.clearTimer();
      this.schedule(timeoutMs);
    }
  }

  /** Clears the timer and detaches from the parent. Always call it. */
  dispose(): void {
    this.clearTimer();
    this.detach?.();
    this.detach = undefined;
  }

  /** Throws the typed reason if aborted. */
  throwIfAborted(): void {
    if (this.aborted) throw this.reason;
  }

  private arm(timeoutMs: number, makeError: () => SwitchyardError): void {
    this.clearTimer();
    if (!Number.isFinite(timeoutMs)) return;
    this.makeError = makeError;
    this.expiresAt = performance.now() + timeoutMs;
    this.schedule(timeoutMs);
  }

  private schedule(ms: number): void {
    this.timerDueAt = performance.now() + ms;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      const remaining = this.expiresAt - performance.now();
      if (remaining > 1) this.schedule(remaining);
      else this.abort(this.makeError());
    }, ms);
    // A deadline alone must not keep the process alive.
    this.timer.unref?.();
  }

  private clearTimer(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }
}

const noop = () => {};

/** The typed form of a caller's abort reason. */
function callerAbort(reason: unknown): SwitchyardError {
  if (SwitchyardError.isInstance(reason) && (reason.code === 'aborted' || reason.code === 'timeout'))
    return reason;
  return new AbortedError({ message: 'request aborted by the caller', cause: reason });
}

/** Creates a scope under `parent` that also aborts after `timeoutMs` with `makeError()`. */
export function createDeadline(
  parent: Deadline | AbortSignal | undefined,
  timeoutMs: number,
  makeError: () => SwitchyardError,
): Deadline {
  return new Deadline(parent, timeoutMs, makeError);
}

/** The typed reason a scope or signal was aborted with. */
export function abortReason(scope: Deadline | AbortSignal, provider?: string): SwitchyardError {
  const reason: unknown = scope instanceof Deadline ? scope.reason : scope.reason;
  if (reason instanceof AbortedError || reason instanceof TimeoutError) return reason;
  if (SwitchyardError.isInstance(reason) && (reason.code === 'timeout' || reason.code === 'aborted'))
    return reason;
  return new AbortedError({ message: 'request aborted by the caller', cause: reason, provider });
}

/**
 * Settles with `promise`, or rejects as soon as `scope` aborts, whichever comes first: a provider
 * that ignores its signal cannot hold the router past a deadline.
 */
export function raceSignal<T>(
  promise: Promise<T>,
  scope: Deadline | AbortSignal,
  provider?: string,
): Promise<T> {
  if (scope.aborted) {
    promise.catch(noop);
    return Promise.reject(abortReason(scope, provider));
  }
  return new Promise<T>((resolve, reject) => {
    let unsubscribe: () => void;
    if (scope instanceof Deadline) {
      unsubscribe = scope.onAbort((reason) => reject(reason));
    } else {
      const onAbort = () => reject(abortReason(scope, provider));
      scope.addEventListener('abort', onAbort, { once: true });
      unsubscribe = () => scope.removeEventListener('abort', onAbort);
    }
    promise.then(
      (value) => {
        unsubscribe();
        resolve(value);
      },
      (error: unknown) => {
        unsubscribe();
        reject(error);
      },
    );
  });
}

/** Resolves after `ms`, or rejects when `scope` aborts. */
export function sleep(ms: number, scope: Deadline): Promise<void> {
  if (ms <= 0) return Promise.resolve();
  return new Promise<void>((resolve, reject) => {
    const unsubscribe = scope.onAbort((reason) => {
      clearTimeout(timer);
      reject(reason);
    });
    const timer = setTimeout(() => {
      unsubscribe();
      resolve();
    }, ms);
  });
}
