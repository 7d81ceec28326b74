import type { AuditAttempt } from '../audit/audit-record';
import { NoEligibleRouteError, ProviderError, ProviderUnavailableError } from '../errors/errors';
import type { SwitchyardError } from '../errors/switchyard-error';
import type { ChatResponse } from '../types/chat-response';
import type { Provider } from '../types/provider';
import { attemptTimeout, callWithRetry, runAfterAttempt } from './call-with-retry';
import { abortReason, createDeadline, raceSignal } from './deadline';
import type { Engine } from './engine';
import { isPromise } from './engine';
import type { AttemptInfo, EscalationDecision } from './plugin';
import { requestFor } from './prepare-request';
import type { ProviderState } from './provider-state';
import { transformResponse } from './transform-response';
import { tryCandidates } from './try-candidates';
import type { RequestRun } from './request-run';

/**
 * The last line of the fail-closed guarantee: whatever produced the candidate list (policy, plugin,
 * escalation), a regulated request is never handed to a provider that is not local.
 */
export function mayServe(run: RequestRun, state: ProviderState): boolean {
  return run.dataClass !== 'regulated' || state.kind === 'local';
}

export function newAttemptRecord(state: ProviderState): AuditAttempt {
  return {
    provider: state.id,
    kind: state.kind,
    model: state.provider.model,
    outcome: 'error',
    retries: 0,
    latencyMs: 0,
  };
}

/** Why a provider cannot be tried right now (state changed since planning), or undefined. */
export function skipReason(run: RequestRun, state: ProviderState): SwitchyardError | undefined {
  if (!mayServe(run, state)) {
    run.warn('fail_closed_guard', `refused to send a regulated request to cloud provider ${state.id}`);
    return new NoEligibleRouteError({
      message: `${state.id}: regulated data may not go to a cloud provider`,
      dataClass: run.dataClass,
    });
  }
  const unavailable = state.unavailability(performance.now());
  if (unavailable) {
    return new ProviderUnavailableError({
      message: `${state.id}: ${unavailable.rule}: ${unavailable.reason}`,
      provider: state.id,
      isRetryable: false,
    });
  }
  if (state.queueFull()) {
    return new ProviderUnavailableError({
      message: `${state.id}: all ${state.inFlight} slots busy and the queue is full (${state.queued} waiting)`,
      provider: state.id,
      isRetryable: false,
    });
  }
  return undefined;
}

function checkResponse(response: ChatResponse, provider: Provider): ChatResponse {
  if (typeof response !== 'object' || response === null || typeof response.text !== 'string') {
    throw new ProviderError({
      message: `${provider.id}: adapter returned a malformed response`,
      provider: provider.id,
    });
  }
  return response;
}

/**
 * A full local provider is passed over (tried again last) when a later candidate can start at once:
 * another local provider with a free slot or, for internal work, a cloud provider (overflow). The plan
 * already ordered by capacity, but concurrent requests plan at once: this re-checks at dispatch time,
 * where the check and the claim on the slot happen together.
 */
export function shouldOverflow(
  engine: Engine,
  run: RequestRun,
  order: readonly string[],
  index: number,
): boolean {
  const state = engine.states.get(order[index]!)!;
  if (state.kind !== 'local' || state.hasCapacity()) return false;
  const cloudAllowed =
    run.dataClass === 'internal' ? engine.config.policy.overflowToCloud : run.dataClass === 'public';
  const now = performance.now();
  for (let next = index + 1; next < order.length; next++) {
    const candidate = engine.states.get(order[next]!)!;
    if (candidate.unavailability(now)) continue;
    if (candidate.kind === 'local' ? candidate.hasCapacity() : cloudAllowed) return true;
  }
  return false;
}

/** Tries the providers in order (with retries each) until one answers. Non-streaming. */
export async function dispatchChat(
  engine: Engine,
  run: RequestRun,
  order: readonly string[],
  escalation: boolean,
): Promise<{ response: ChatResponse; record: AuditAttempt }> {
  const { attemptMs } = engine.config.timeouts;
  const onSuccess =
    engine.hooks.afterAttempt.length > 0
      ? (value: ChatResponse, info: AttemptInfo) =>
          runAfterAttempt(engine, info, { ok: true, response: value }, run)
      : undefined;
  const served = await tryCandidates(engine, run, order, 0, async (state, record, release) => {
    try {
      const response = await callWithRetry({
        engine,
        run,
        state,
        escalation,
        record,
        call: async (scope, info) => {
          const releaseSlot = await state.acquire(scope);
          const deadline = createDeadline(scope, attemptMs, attemptTimeout(state.id, attemptMs, 'the call'));
          try {
            const pending = state.provider.chat(requestFor(engine, run, info, deadline.signal));
            const answer = checkResponse(await raceSignal(pending, deadline, state.id), state.provider);
            return engine.hooks.transformResponse.length > 0
              ? transformResponse(engine, run, info, answer)
              : answer;
          } catch (error) {
            if (deadline.aborted) throw abortReason(deadline, state.id);
            throw error;
          } finally {
            deadline.dispose();
            releaseSlot();
          }
        },
        ...(onSuccess ? { onSuccess } : {}),
      });
      record.outcome = 'success';
      record.usage = response.usage;
      if (engine.config.audit.includeLogprobs && response.logprobs) record.logprobs = response.logprobs;
      return response;
    } finally {
      release();
    }
  });
  return { response: served.value, record: served.record };
}

export function moveOn(run: RequestRun, from: string, to: string | undefined, error: SwitchyardError): void {
  if (to !== undefined) run.fallbacks++;
  run.emit('fallback', { requestId: run.requestId, from, to, error });
}

export function noRoute(run: RequestRun): NoEligibleRouteError {
  const rejected = (run.plan?.candidates ?? [])
    .filter((candidate) => !candidate.eligible)
    .map(({ provider, rule, reason }) => ({ provider, rule, reason }));
  const detail = rejected.map((entry) => `${entry.provider} (${entry.rule}: ${entry.reason})`).join('; ');
  return new NoEligibleRouteError({
    message: `no eligible provider for a ${run.dataClass} request${run.workload ? ` (workload '${run.workload}')` : ''}: ${detail || 'none configured'}`,
    dataClass: run.dataClass,
    rejected,
  });
}

/** Runs the `judge` hooks on an answer; the first plugin asking to escalate wins. */
export async function judge(
  engine: Engine,
  run: RequestRun,
  response: ChatResponse,
  provider: Provider,
  partial: boolean,
): Promise<EscalationDecision | undefined> {
  let verdict: EscalationDecision | undefined;
  for (const plugin of engine.hooks.judge) {
    let decision: EscalationDecision | undefined;
    try {
      const result = plugin.judge?.(response, run, { partial, provider });
      decision = isPromise(result) ? await raceSignal(result, run.deadline) : result;
    } catch (error) {
      run.warn('plugin_error', `${plugin.name}.judge failed: ${String(error)}`);
      continue;
    }
    if (!decision) continue;
    verdict = decision;
    if (decision.escalate) break;
  }
  return verdict;
}

/**
 * Filters escalation targets through the same rules as any route: known, not the provider that
 * answered, allowed for the data class (regulated → local only), and available now.
 */
export function escalationTargets(
  engine: Engine,
  run: RequestRun,
  from: string,
  decision: EscalationDecision,
): { targets: string[]; blocked: boolean } {
  const wanted = (decision.to ?? []).filter((id) => id !== from && engine.states.has(id));
  const allowed = wanted.filter((id) => mayServe(run, engine.states.get(id)!));
  const now = performance.now();
  const available = allowed.filter((id) => !engine.states.get(id)!.unavailability(now));
  return { targets: available, blocked: wanted.length > 0 && allowed.length === 0 };
}

/** Records a judge's verdict on the run and announces an escalation. */
export function recordVerdict(
  run: RequestRun,
  from: string,
  decision: EscalationDecision,
  targets: string[],
  blocked: boolean,
): void {
  run.escalation = {
    escalated: decision.escalate && targets.length > 0,
    reason: decision.reason,
    confidence: decision.confidence,
    from,
    to: targets,
    blocked: decision.escalate && blocked,
    ...(decision.detail ? { detail: decision.detail } : {}),
  };
  if (decision.escalate) {
    run.emit('escalate', {
      requestId: run.requestId,
      from,
      to: targets,
      reason: decision.reason,
      confidence: decision.confidence,
      blocked,
    });
  }
}

/** Non-streaming: judge the answer and, when asked and allowed, replace it with an escalated one. */
export async function judgeAndEscalate(
  engine: Engine,
  run: RequestRun,
  served: { response: ChatResponse; record: AuditAttempt },
): Promise<ChatResponse> {
  if (engine.hooks.judge.length === 0) return served.response;
  const provider =
    engine.states.get(served.response.provider)?.provider ??
    engine.states.get(served.record.provider)!.provider;
  const decision = await judge(engine, run, served.response, provider, false);
  if (!decision) return served.response;
  const { targets, blocked } = escalationTargets(engine, run, served.record.provider, decision);
  recordVerdict(run, served.record.provider, decision, targets, blocked);
  if (!decision.escalate || targets.length === 0) return served.response;
  try {
    const escalated = await dispatchChat(engine, run, targets, true);
    served.record.outcome = 'discarded';
    run.reason = `escalated from ${served.record.provider}: ${decision.reason}`;
    return escalated.response;
  } catch (error) {
    if (run.aborted) throw error;
    run.warn(
      'escalation_failed',
      `every escalation target failed; returning ${served.record.provider}'s answer`,
    );
    if (run.escalation) run.escalation.escalated = false;
    return served.response;
  }
}
