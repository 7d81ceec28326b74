import type { AuditAttempt } from '../audit/audit-record';
import { StreamInterruptedError } from '../errors/errors';
import type { SwitchyardError } from '../errors/switchyard-error';
import { toSwitchyardError } from '../errors/to-switchyard-error';
import { StreamAccumulator } from '../stream/stream-accumulator';
import type { ChatResponse } from '../types/chat-response';
import type { StreamEvent } from '../types/stream-event';
import { attemptTimeout, callWithRetry, runAfterAttempt } from './call-with-retry';
import { type Deadline, abortReason, createDeadline, raceSignal } from './deadline';
import { escalationTargets, judge, moveOn, recordVerdict } from './dispatch';
import type { Engine } from './engine';
import type { AttemptInfo } from './plugin';
import { requestFor } from './prepare-request';
import type { ProviderState } from './provider-state';
import { tryCandidates } from './try-candidates';
import type { RequestRun } from './request-run';

const noop = () => {};

/** A provider stream that produced its first event, holding its concurrency slot until closed. */
export class OpenStream {
  readonly accumulator = new StreamAccumulator();
  private closed = false;
  /** Rejects the read in flight; one abort listener serves every read of the stream. */
  private rejectRead: ((reason: unknown) => void) | undefined;
  private readonly idleMs: number;
  private readonly idleTimeout: () => SwitchyardError;

  constructor(
    private readonly engine: Engine,
    private readonly run: RequestRun,
    readonly state: ProviderState,
    readonly record: AuditAttempt,
    readonly info: AttemptInfo,
    private readonly iterator: AsyncIterator<StreamEvent>,
    private readonly deadline: Deadline,
    private readonly release: () => void,
    readonly started: number,
    readonly timeToFirstTokenMs: number,
    /** The first event, not yet handed out. */
    private pending: StreamEvent | undefined,
  ) {
    this.idleMs = engine.config.timeouts.idleMs;
    this.idleTimeout = attemptTimeout(state.id, this.idleMs, 'the gap between two stream events');
    // From the first event on, the deadline is the idle gap.
    deadline.reset(this.idleMs, this.idleTimeout);
    deadline.onAbort((reason) => this.rejectRead?.(reason));
  }

  /** Reads the provider's next event, but never waits past the deadline (a provider may ignore its signal). */
  private read(): Promise<IteratorResult<StreamEvent>> {
    if (this.deadline.aborted) return Promise.reject(this.deadline.reason);
    return new Promise((resolve, reject) => {
      this.rejectRead = reject;
      this.iterator.next().then(resolve, reject);
    });
  }

  /** The next event (folded into the accumulator), or undefined after `finish`. Throws typed errors. */
  async next(): Promise<StreamEvent | undefined> {
    if (this.accumulator.finished) return undefined;
    let event = this.pending;
    this.pending = undefined;
    if (!event) {
      let result: IteratorResult<StreamEvent>;
      try {
        result = await this.read();
      } catch (error) {
        throw this.deadline.aborted
          ? abortReason(this.deadline, this.state.id)
          : toSwitchyardError(error, this.state.id);
      } finally {
        this.rejectRead = undefined;
      }
      if (result.done) {
        throw new StreamInterruptedError({
          message: `${this.state.id}: stream ended without a finish event`,
          provider: this.state.id,
        });
      }
      event = result.value;
      this.deadline.reset(this.idleMs, this.idleTimeout);
    }
    if (event.type === 'error') throw event.error;
    this.accumulator.add(event);
    return event;
  }

  /** The answer so far, as the provider gave it. */
  response(): ChatResponse {
    return this.accumulator.toResponse({
      provider: this.state.id,
      model: this.state.provider.model,
      latencyMs: performance.now() - this.started,
      timeToFirstTokenMs: this.timeToFirstTokenMs,
    });
  }

  /** Ends the stream: frees the slot and stops the provider's iterator (without waiting on it). Idempotent. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.deadline.dispose();
    this.release();
    this.record.latencyMs = performance.now() - this.started;
    // Let the provider run its cleanup; a provider that cannot stop cleanly must not hold the caller.
    try {
      void Promise.resolve(this.iterator.return?.()).catch(noop);
    } catch {
      // `return()` itself threw: nothing left to clean up.
    }
  }

  /** Records a mid-stream failure against the provider. */
  async fail(error: SwitchyardError): Promise<void> {
    this.record.outcome = 'error';
    this.record.errorCode = error.code;
    this.state.recordFailure(error);
    await this.close();
    await runAfterAttempt(this.engine, this.info, { ok: false, error }, this.run);
  }

  /** Records a completed stream. */
  async succeed(response: ChatResponse): Promise<void> {
    this.record.outcome = 'success';
    this.record.usage = response.usage;
    if (this.engine.config.audit.includeLogprobs && response.logprobs)
      this.record.logprobs = response.logprobs;
    await this.close();
    await runAfterAttempt(this.engine, this.info, { ok: true, response }, this.run);
  }
}

/**
 * Opens a stream on the first provider in `order` (from `start`) that yields a first event, with
 * retries and fallbacks like a non-streaming call. Nothing has reached the caller yet, so failing
 * over is still invisible.
 */
async function openStream(
  engine: Engine,
  run: RequestRun,
  order: readonly string[],
  start: number,
  escalation: boolean,
): Promise<{ stream: OpenStream; index: number; queue: readonly string[] }> {
  const { firstTokenMs } = engine.config.timeouts;
  const opened = await tryCandidates(engine, run, order, start, (state, record, release) =>
    // On success the open stream keeps the claim until it closes.
    callWithRetry({
      engine,
      run,
      state,
      escalation,
      record,
      call: (scope, info) => openOne(engine, run, state, record, info, scope, firstTokenMs, release),
    }),
  );
  return { stream: opened.value, index: opened.index, queue: opened.queue };
}

async function openOne(
  engine: Engine,
  run: RequestRun,
  state: ProviderState,
  record: AuditAttempt,
  info: AttemptInfo,
  scope: Deadline,
  firstTokenMs: number,
  unclaim: () => void,
): Promise<OpenStream> {
  const acquired = await state.acquire(scope);
  // The open stream holds both the slot and the claim until it closes.
  const release = () => {
    acquired();
    unclaim();
  };
  const started = performance.now();
  const deadline = createDeadline(
    scope,
    firstTokenMs,
    attemptTimeout(state.id, firstTokenMs, 'the first stream event'),
  );
  let iterator: AsyncIterator<StreamEvent> | undefined;
  try {
    iterator = state.provider.stream(requestFor(engine, run, info, deadline.signal))[Symbol.asyncIterator]();
    const first = await raceSignal(iterator.next(), deadline, state.id);
    if (first.done) {
      throw new StreamInterruptedError({
        message: `${state.id}: stream ended before any event`,
        provider: state.id,
      });
    }
    if (first.value.type === 'error') throw first.value.error;
    return new OpenStream(
      engine,
      run,
      state,
      record,
      info,
      iterator,
      deadline,
      release,
      started,
      performance.now() - started,
      first.value,
    );
  } catch (error) {
    const typed = deadline.aborted ? abortReason(deadline, state.id) : toSwitchyardError(error, state.id);
    deadline.dispose();
    acquired();
    void Promise.resolve(iterator?.return?.()).catch(() => {});
    throw typed;
  }
}

/** How many tokens to hold back before judging, from the plugins that judge. */
function bufferLimit(engine: Engine, run: RequestRun, state: ProviderState): number | undefined {
  let limit: number | undefined;
  for (const plugin of engine.hooks.streamBuffer) {
    if (!plugin.judge) continue;
    const wanted = plugin.streamBuffer?.(state.provider, run);
    if (wanted === undefined) continue;
    const tokens = wanted === 'all' ? Number.POSITIVE_INFINITY : wanted;
    limit = limit === undefined ? tokens : Math.max(limit, tokens);
  }
  return limit;
}

/** A stream ready to hand to the caller: the provider answering, and the events held back so far. */
export interface ServedStream {
  stream: OpenStream;
  /** Events already read (while judging) that the caller has not seen yet. */
  held: StreamEvent[];
}

/**
 * Opens a stream for the caller: the first provider that answers; when a plugin judges answers,
 * holds back the first tokens (or the whole answer), judges them, and either keeps that stream or
 * opens an escalation target instead, so the caller never sees two answers. Failures up to here are
 * invisible to the caller and fall back to the next provider.
 */
export async function openServedStream(
  engine: Engine,
  run: RequestRun,
  order: readonly string[],
): Promise<ServedStream> {
  let { stream, index, queue } = await openStream(engine, run, order, 0, false);
  let held: StreamEvent[] = [];
  const limit = bufferLimit(engine, run, stream.state);
  if (limit === undefined) return { stream, held };
  try {
    for (;;) {
      try {
        // A judge reads logprobs: when they are coming, count them rather than text deltas (a
        // token's logprobs event may follow its delta).
        const countLogprobs =
          run.request.logprobs === true && stream.state.provider.capabilities?.logprobs === true;
        const seen = () => (countLogprobs ? stream.accumulator.logprobCount : stream.accumulator.tokens);
        while (!stream.accumulator.finished && seen() < limit) {
          const event = await stream.next();
          if (event && event.type !== 'finish') held.push(event);
        }
        break;
      } catch (error) {
        const typed = toSwitchyardError(error, stream.state.id);
        await stream.fail(typed);
        if (run.aborted || typed.code === 'aborted') throw typed;
        moveOn(run, stream.state.id, queue[index + 1], typed);
        ({ stream, index, queue } = await openStream(engine, run, queue, index + 1, false));
        held = [];
      }
    }
    const decision = await judge(
      engine,
      run,
      stream.response(),
      stream.state.provider,
      !stream.accumulator.finished,
    );
    if (!decision) return { stream, held };
    const { targets, blocked } = escalationTargets(engine, run, stream.state.id, decision);
    recordVerdict(run, stream.state.id, decision, targets, blocked);
    if (!decision.escalate || targets.length === 0) return { stream, held };
    let escalated: OpenStream;
    try {
      escalated = (await openStream(engine, run, targets, 0, true)).stream;
    } catch (error) {
      if (run.aborted) throw error;
      run.warn('escalation_failed', `every escalation target failed; keeping ${stream.state.id}'s answer`);
      if (run.escalation) run.escalation.escalated = false;
      return { stream, held };
    }
    const discarded = stream.response();
    stream.record.outcome = 'discarded';
    stream.record.usage = discarded.usage;
    if (engine.config.audit.includeLogprobs && discarded.logprobs)
      stream.record.logprobs = discarded.logprobs;
    await stream.close();
    await runAfterAttempt(engine, stream.info, { ok: true, response: discarded }, run);
    run.reason = `escalated from ${stream.state.id}: ${decision.reason}`;
    return { stream: escalated, held: [] };
  } catch (error) {
    await stream.close();
    throw error;
  }
}
