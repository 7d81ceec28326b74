import pRetry from 'p-retry';
import { TimeoutError } from '../errors/errors';
import { SwitchyardError } from '../errors/switchyard-error';
import { toSwitchyardError } from '../errors/to-switchyard-error';
import type { AuditAttempt } from '../audit/audit-record';
import type { Engine } from './engine';
import { isPromise } from './engine';
import { type Deadline, abortReason, raceSignal, sleep } from './deadline';
import type { AttemptInfo, AttemptOutcome } from './plugin';
import type { ProviderState } from './provider-state';
import type { RequestRun } from './request-run';

/** Thrown inside p-retry to stop retrying a provider (the error inside still falls back). */
class StopRetrying extends Error {
  constructor(readonly error: SwitchyardError) {
    super(error.message);
  }
}

export async function runBeforeAttempt(engine: Engine, info: AttemptInfo, run: RequestRun): Promise<void> {
  if (engine.hooks.beforeAttempt.length === 0) return;
  for (const plugin of engine.hooks.beforeAttempt) {
    const result = plugin.beforeAttempt?.(info, run);
    if (isPromise(result)) await raceSignal(result, run.deadline);
  }
}

export async function runAfterAttempt(
  engine: Engine,
  info: AttemptInfo,
  outcome: AttemptOutcome,
  run: RequestRun,
): Promise<void> {
  if (engine.hooks.afterAttempt.length === 0) return;
  for (const plugin of engine.hooks.afterAttempt) {
    try {
      const result = plugin.afterAttempt?.(info, outcome, run);
      if (isPromise(result)) await raceSignal(result, run.deadline);
    } catch (error) {
      run.warn('plugin_error', `${plugin.name}.afterAttempt failed: ${String(error)}`);
    }
  }
}

/**
 * Calls one provider with retries: a retryable failure waits (backoff, or the provider's
 * `retry-after` when longer) and tries again; a `retry-after` beyond `maxRetryAfterMs`, a
 * non-retryable error, or retries used up hand the error back for a fallback.
 *
 * `call` performs one attempt inside a held concurrency slot and must honour `signal`.
 */
export async function callWithRetry<T>(input: {
  engine: Engine;
  run: RequestRun;
  state: ProviderState;
  escalation: boolean;
  record: AuditAttempt;
  call: (scope: Deadline, info: AttemptInfo) => Promise<T>;
  onSuccess?: (value: T, info: AttemptInfo) => Promise<void> | void;
}): Promise<T> {
  const { engine, run, state, escalation, record, call } = input;
  const { retry } = engine.config;
  const provider = state.provider;
  let attempt = 0;
  const started = performance.now();

  const once = async (): Promise<T> => {
    attempt++;
    const info: AttemptInfo = { provider, kind: state.kind, attempt, escalation };
    try {
      if (engine.hooks.beforeAttempt.length > 0) await runBeforeAttempt(engine, info, run);
    } catch (error) {
      // A plugin vetoed this provider (a budget, for instance): fall back, do not retry.
      throw new StopRetrying(toSwitchyardError(error, provider.id));
    }
    if (run.listening('attempt')) {
      run.emit('attempt', { requestId: run.requestId, provider: provider.id, attempt, stream: run.stream });
    }
    let value: T;
    try {
      value = await call(run.deadline, info);
    } catch (thrown) {
      const error = run.aborted
        ? abortReason(run.deadline, provider.id)
        : toSwitchyardError(thrown, provider.id);
      state.recordFailure(error);
      if (engine.hooks.afterAttempt.length > 0)
        await runAfterAttempt(engine, info, { ok: false, error }, run);
      throw error;
    }
    state.recordSuccess();
    if (input.onSuccess) await input.onSuccess(value, info);
    return value;
  };

  const retryable = (error: unknown): error is SwitchyardError =>
    SwitchyardError.isInstance(error) &&
    error.isRetryable &&
    !run.aborted &&
    state.unavailability(performance.now())?.rule !== 'cooldown';

  const backoff = (retriesConsumed: number) =>
    Math.min(retry.minDelayMs * retry.factor ** retriesConsumed, retry.maxDelayMs);

  /** Announces a retry and waits for it: the backoff, or the provider's longer `retry-after`. */
  const beforeRetry = async (error: SwitchyardError, retriesConsumed: number, alreadyWaitedMs: number) => {
    const asked = error.retryAfterMs;
    if (asked !== undefined && asked > retry.maxRetryAfterMs) {
      // Waiting that long is worse than another provider: fall back now.
      throw error;
    }
    const delayMs = Math.max(backoff(retriesConsumed), asked ?? 0);
    run.retries++;
    record.retries++;
    run.emit('retry', { requestId: run.requestId, provider: provider.id, attempt, delayMs, error });
    await sleep(delayMs - alreadyWaitedMs, run.deadline);
  };

  try {
    // First attempt without p-retry's setup: most calls succeed and never retry.
    try {
      return await once();
    } catch (error) {
      if (retry.retries === 0 || error instanceof StopRetrying || !retryable(error)) throw error;
      await beforeRetry(error, 0, 0);
    }
    // p-retry drives the remaining retries; its backoff continues from the second step.
    return await pRetry(once, {
      retries: retry.retries - 1,
      minTimeout: backoff(1),
      maxTimeout: retry.maxDelayMs,
      factor: retry.factor,
      randomize: false,
      signal: run.deadline.signal,
      shouldRetry: ({ error }) => retryable(error),
      onFailedAttempt: async ({ error, retriesLeft, retriesConsumed }) => {
        if (error instanceof StopRetrying || retriesLeft <= 0 || !retryable(error)) return;
        // p-retry itself waits the backoff; wait the rest of a longer retry-after here.
        await beforeRetry(error, retriesConsumed + 1, backoff(retriesConsumed + 1));
      },
    });
  } catch (error) {
    if (error instanceof StopRetrying) throw error.error;
    if (run.aborted) throw abortReason(run.deadline, provider.id);
    throw toSwitchyardError(error, provider.id);
  } finally {
    record.latencyMs = performance.now() - started;
  }
}

/** The timeout error of one attempt. */
export function attemptTimeout(providerId: string, ms: number, what: string): () => TimeoutError {
  return () =>
    new TimeoutError({
      message: `${providerId}: ${what} took longer than ${ms} ms`,
      provider: providerId,
      timeoutMs: ms,
    });
}
