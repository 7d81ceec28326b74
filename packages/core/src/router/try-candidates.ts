import type { AuditAttempt } from '../audit/audit-record';
import type { SwitchyardError } from '../errors/switchyard-error';
import { abortReason } from './deadline';
import { moveOn, newAttemptRecord, noRoute, shouldOverflow, skipReason } from './dispatch';
import type { Engine } from './engine';
import type { ProviderState } from './provider-state';
import type { RequestRun } from './request-run';

/** What one candidate's attempt produced. */
export interface CandidateSuccess<T> {
  value: T;
  state: ProviderState;
  record: AuditAttempt;
  /** Position in `queue`, and the queue itself (full providers passed over are appended to it). */
  index: number;
  queue: readonly string[];
}

/**
 * Walks the candidates in order until one attempt succeeds: passes over a full local provider when a
 * later one can start at once, skips providers that became unavailable since planning (and, for a
 * regulated request, any that is not local), records every attempt, and emits `fallback` between
 * them. The caller's `attempt` runs with a claim on the provider's capacity; `release` gives the claim
 * back (the caller keeps it on success when the answer outlives the call, as a stream does).
 *
 * Throws the last typed error when every candidate failed, at once on abort.
 */
export async function tryCandidates<T>(
  engine: Engine,
  run: RequestRun,
  order: readonly string[],
  start: number,
  attempt: (state: ProviderState, record: AuditAttempt, release: () => void) => Promise<T>,
): Promise<CandidateSuccess<T>> {
  let lastError: SwitchyardError | undefined;
  // Copied only when a full provider is passed over (appended to the end).
  let queue: string[] | readonly string[] = order;
  let deferred: Set<string> | undefined;
  for (let index = start; index < queue.length; index++) {
    const state: ProviderState = engine.states.get(queue[index]!)!;
    if (run.aborted) throw abortReason(run.deadline);
    if (!deferred?.has(state.id) && shouldOverflow(engine, run, queue, index)) {
      deferred ??= new Set();
      deferred.add(state.id);
      run.overflowedFrom.push(state.id);
      queue = [...queue, state.id];
      continue;
    }
    const record = newAttemptRecord(state);
    run.attempts.push(record);
    const skipped = skipReason(run, state);
    if (skipped) {
      record.outcome = 'skipped';
      record.errorCode = skipped.code;
      lastError = skipped;
      moveOn(run, state.id, queue[index + 1], skipped);
      continue;
    }
    const release = state.claim();
    try {
      const value = await attempt(state, record, release);
      return { value, state, record, index, queue };
    } catch (error) {
      release();
      const typed = error as SwitchyardError;
      record.errorCode = typed.code;
      if (run.aborted || typed.code === 'aborted') throw typed;
      lastError = typed;
      moveOn(run, state.id, queue[index + 1], typed);
    }
  }
  throw lastError ?? noRoute(run);
}
