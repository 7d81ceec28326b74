import { EventEmitter } from 'eventemitter3';
import { AbortedError, TimeoutError } from '../errors/errors';
import type { SwitchyardError } from '../errors/switchyard-error';
import { toSwitchyardError } from '../errors/to-switchyard-error';
import type { ChatRequest } from '../types/chat-request';
import type { ChatResponse } from '../types/chat-response';
import type { StreamEvent } from '../types/stream-event';
import type { RequestContext } from '../types/classification';
import type { HealthStatus } from '../types/provider';
import { parseChatRequest, parseRequestContext } from '../validation/request-schema';
import { resolveRouterOptions } from '../validation/router-options-schema';
import { abortReason, createDeadline, raceSignal } from './deadline';
import { dispatchChat, judgeAndEscalate, noRoute } from './dispatch';
import { openServedStream, type ServedStream } from './dispatch-stream';
import { type Engine, groupPlugins, isPromise } from './engine';
import type { RouterEvents } from './events';
import { planRoute } from './plan-route';
import { ProviderState } from './provider-state';
import { RequestRun } from './request-run';
import { transformResponse } from './transform-response';
import { StreamRewriter } from './transform-stream';
import { resolveDataClass } from './resolve-data-class';
import type { RoutePlan } from './route-plan';
import type { RouterOptions } from './router-options';
import type { RouterResponse, RouterStreamEvent } from './router-response';

type Listener<K extends keyof RouterEvents> = (payload: RouterEvents[K]) => void;

/** A provider's state as the router sees it. */
export interface ProviderStatus {
  provider: string;
  kind: 'local' | 'cloud';
  health: HealthStatus['status'] | 'unknown';
  inFlight: number;
  queued: number;
  hasCapacity: boolean;
  unavailable: { rule: string; reason: string } | undefined;
  consecutiveFailures: number;
}

/** The object `createRouter()` returns. */
export interface Router {
  /** Routes one request and returns the answer, or throws a typed `SwitchyardError`. */
  chat(request: ChatRequest, context?: RequestContext): Promise<RouterResponse>;
  /**
   * Routes one request as a stream: a `route` event, deltas, then `finish` with the whole answer.
   * Failures are thrown from the iterator as typed errors. Bad input throws at once.
   */
  stream(request: ChatRequest, context?: RequestContext): AsyncIterable<RouterStreamEvent>;
  /** A dry run: the data class and every candidate with the rule that kept or removed it. No provider is called. */
  explain(request: ChatRequest, context?: RequestContext): Promise<RoutePlan>;
  on<K extends keyof RouterEvents>(event: K, listener: Listener<K>): Router;
  once<K extends keyof RouterEvents>(event: K, listener: Listener<K>): Router;
  off<K extends keyof RouterEvents>(event: K, listener: Listener<K>): Router;
  /** Probes every provider's health and capacity now. */
  checkHealth(): Promise<ProviderStatus[]>;
  /** What the router currently knows about each provider, without probing. */
  status(): ProviderStatus[];
  /** Flushes and closes audit sinks and plugins. */
  close(): Promise<void>;
}

/**
 * Creates a router over your providers. Every request is classified, routed by policy (regulated
 * data only ever to local providers), retried, failed over, audited, and reported through events.
 *
 * @example
 * const router = createRouter({
 *   providers: [llamacpp, openai],
 *   policy: { workloads: { summarize: { prefer: ['local-qwen'] } } },
 *   audit: createJsonlAuditSink('./audit.jsonl'),
 * });
 * const answer = await router.chat(
 *   { messages: [{ role: 'user', content: 'Summarize: ...' }] },
 *   { workload: 'summarize', dataClass: 'regulated' },
 * );
 */
export function createRouter(options: RouterOptions): Router {
  const config = resolveRouterOptions(options);
  const emitter = new EventEmitter<RouterEvents>();
  const emitHealth = (provider: string, status: RouterEvents['health']['status'], detail?: string) =>
    emitter.emit('health', { provider, status, detail });
  const stateList = config.providers.map(
    (provider) =>
      new ProviderState(
        provider,
        config.kinds.get(provider.id)!,
        {
          ...config.providerSettings.get(provider.id)!,
          ...config.circuitBreaker,
          ...config.probes,
          probeMs: config.timeouts.probeMs,
        },
        emitHealth,
      ),
  );
  const engine: Engine = {
    config,
    states: new Map(stateList.map((state) => [state.id, state])),
    stateList,
    emitter,
    hooks: groupPlugins(config.plugins),
  };
  let closed = false;

  function validate(requestInput: ChatRequest, contextInput: RequestContext | undefined) {
    if (closed) throw new AbortedError({ message: 'router is closed' });
    return { request: parseChatRequest(requestInput), context: parseRequestContext(contextInput) };
  }

  function begin(
    requestInput: ChatRequest,
    contextInput: RequestContext | undefined,
    stream: boolean,
  ): RequestRun {
    const { request, context } = validate(requestInput, contextInput);
    return startRun(request, context, stream);
  }

  function startRun(request: ChatRequest, context: RequestContext, stream: boolean): RequestRun {
    const { totalMs } = config.timeouts;
    const deadline = createDeadline(
      request.signal,
      totalMs,
      () =>
        new TimeoutError({
          message: `request took longer than timeouts.totalMs (${totalMs} ms)`,
          timeoutMs: totalMs,
        }),
    );
    return new RequestRun(engine, request, context, stream, deadline);
  }

  /** Classifies, probes what is due, plans, and lets plugins edit the plan. */
  async function route(run: RequestRun): Promise<RoutePlan> {
    const workloadRule = run.workload === undefined ? undefined : config.policy.workloads[run.workload];
    const resolving = resolveDataClass({
      request: run.request,
      context: run.context,
      classifier: config.classifier,
      plugins: engine.hooks.classify,
      timeoutMs: config.timeouts.classifierMs,
      defaultDataClass: config.policy.defaultDataClass,
      callerMayLower: config.policy.callerMayLower,
      workloadFloor: workloadRule?.minDataClass,
    });
    const decision = isPromise(resolving) ? await raceSignal(resolving, run.deadline) : resolving;
    run.dataClass = decision.dataClass;
    run.dataClassSource = decision.source;
    run.callerDataClass = decision.callerDataClass;
    run.classification = decision.classification;
    if (decision.classifierFailure) {
      run.warn(
        'classifier_failed',
        `classifier failed; treating the request as regulated (${decision.classifierFailure})`,
      );
    }

    const now = performance.now();
    const probes: Promise<void>[] = [];
    for (const state of stateList) {
      if (state.needsProbe(now)) probes.push(state.probe(now));
    }
    if (probes.length > 0) await raceSignal(Promise.all(probes), run.deadline);

    const list = planRoute({
      config,
      states: stateList,
      dataClass: run.dataClass,
      workload: run.workload,
      request: run.request,
      now: performance.now(),
    });
    for (const plugin of engine.hooks.route) {
      const result = plugin.route?.(list, run);
      if (isPromise(result)) await raceSignal(result, run.deadline);
    }
    // Plugins edit through exclude/prefer only; re-check the invariant anyway.
    for (const candidate of list.order) {
      if (run.dataClass === 'regulated' && config.kinds.get(candidate.provider) !== 'local') {
        list.exclude(
          candidate.provider,
          'regulated-local-only',
          'regulated data never leaves local providers',
        );
      }
    }
    const candidates = list.finalize();
    const plan: RoutePlan = {
      requestId: run.requestId,
      dataClass: run.dataClass,
      dataClassSource: run.dataClassSource,
      callerDataClass: run.callerDataClass !== run.dataClass ? run.callerDataClass : undefined,
      classification: run.classification,
      workload: run.workload,
      candidates,
      order: candidates.filter((candidate) => candidate.eligible).map((candidate) => candidate.provider),
    };
    run.plan = plan;
    return plan;
  }

  function describeChoice(run: RequestRun, provider: string): string {
    const candidates = run.plan?.candidates ?? [];
    const candidate = candidates.find((entry) => entry.provider === provider);
    let base = candidate ? `${candidate.rule}: ${candidate.reason}` : provider;
    if (config.kinds.get(provider) === 'cloud') {
      const full = new Set(run.overflowedFrom);
      for (const entry of candidates) if (entry.rule === 'overflow') full.add(entry.provider);
      if (full.size > 0) base = `overflow: ${[...full].join(', ')} at capacity`;
    } else if (run.overflowedFrom.length > 0) {
      base += `; ${run.overflowedFrom.join(', ')} at capacity`;
    }
    if (run.fallbacks === 0) return base;
    const failed = run.attempts.filter(
      (attempt) => attempt.provider !== provider && attempt.outcome !== 'success',
    );
    const first = failed[0];
    return `${base}; after ${run.fallbacks} fallback${run.fallbacks === 1 ? '' : 's'}${first ? ` (${first.provider}: ${first.errorCode})` : ''}`;
  }

  function settleError(run: RequestRun, error: unknown): SwitchyardError {
    const typed = run.aborted ? abortReason(run.deadline) : toSwitchyardError(error);
    run.fail(typed);
    return typed;
  }

  async function chat(requestInput: ChatRequest, contextInput?: RequestContext): Promise<RouterResponse> {
    const run = begin(requestInput, contextInput, false);
    try {
      const plan = await route(run);
      if (run.listening('route')) {
        run.emit('route', {
          requestId: run.requestId,
          dataClass: run.dataClass,
          workload: run.workload,
          plan,
        });
      }
      if (plan.order.length === 0) throw noRoute(run);
      const served = await dispatchChat(engine, run, plan.order, false);
      run.reason = describeChoice(run, served.record.provider);
      const final: ChatResponse = await judgeAndEscalate(engine, run, served);
      const response = run.toRouterResponse(final);
      run.succeed(response);
      return response;
    } catch (error) {
      throw settleError(run, error);
    } finally {
      run.deadline.dispose();
    }
  }

  function stream(
    requestInput: ChatRequest,
    contextInput?: RequestContext,
  ): AsyncIterable<RouterStreamEvent> {
    const { request, context } = validate(requestInput, contextInput);
    let started = false;
    async function* events(): AsyncGenerator<RouterStreamEvent> {
      const run = startRun(request, context, true);
      let settled = false;
      let served: ServedStream | undefined;
      try {
        const plan = await route(run);
        if (run.listening('route')) {
          run.emit('route', {
            requestId: run.requestId,
            dataClass: run.dataClass,
            workload: run.workload,
            plan,
          });
        }
        if (plan.order.length === 0) throw noRoute(run);
        served = await openServedStream(engine, run, plan.order);
        const { stream } = served;
        // A caller that stops reading without closing the iterator must not hold the slot forever:
        // the request's deadline (or abort) closes the provider stream.
        run.deadline.onAbort(() => void stream.close());
        if (run.escalation?.escalated !== true) run.reason = describeChoice(run, stream.state.id);
        run.timeToFirstTokenMs = performance.now() - run.startedAt;
        yield {
          type: 'route',
          requestId: run.requestId,
          provider: stream.state.id,
          providerKind: stream.state.kind,
          model: stream.state.provider.model,
          dataClass: run.dataClass,
        };
        const rewriter =
          engine.hooks.transformStream.length > 0 ? StreamRewriter.for(engine, run, stream.info) : undefined;
        for (const event of served.held) {
          const out = rewriter ? rewriter.rewrite(event) : event;
          if (out) yield out as RouterStreamEvent;
        }
        served.held = [];
        for (;;) {
          let event: StreamEvent | undefined;
          try {
            event = await stream.next();
          } catch (error) {
            const typed = toSwitchyardError(error, stream.state.id);
            await stream.fail(typed);
            throw typed;
          }
          if (event === undefined || event.type === 'finish') break;
          // `error` events are thrown by `next()`; everything else passes through.
          if (!rewriter) {
            yield event as RouterStreamEvent;
            continue;
          }
          const out = rewriter.rewrite(event);
          if (out) yield out as RouterStreamEvent;
        }
        if (rewriter) for (const event of rewriter.flush()) yield event as RouterStreamEvent;
        const raw = stream.response();
        const answer =
          engine.hooks.transformResponse.length > 0 ? transformResponse(engine, run, stream.info, raw) : raw;
        await stream.succeed(answer);
        const response = run.toRouterResponse(answer);
        settled = true;
        run.succeed(response);
        yield { type: 'finish', finishReason: response.finishReason, response };
      } catch (error) {
        settled = true;
        throw settleError(run, error);
      } finally {
        // The caller may stop reading early: close the provider stream and free its slot.
        await served?.stream.close();
        if (!settled)
          run.fail(new AbortedError({ message: 'stream closed by the caller before it finished' }));
        run.deadline.dispose();
      }
    }
    const generator = events();
    return {
      [Symbol.asyncIterator]() {
        if (started) throw new TypeError('router.stream(): a stream can be iterated only once');
        started = true;
        return generator;
      },
    };
  }

  async function explain(requestInput: ChatRequest, contextInput?: RequestContext): Promise<RoutePlan> {
    const run = begin(requestInput, contextInput, false);
    try {
      return await route(run);
    } finally {
      run.deadline.dispose();
    }
  }

  const router: Router = {
    chat,
    stream,
    explain,
    on(event, listener) {
      emitter.on(event, listener as never);
      return router;
    },
    once(event, listener) {
      emitter.once(event, listener as never);
      return router;
    },
    off(event, listener) {
      emitter.off(event, listener as never);
      return router;
    },
    async checkHealth() {
      const now = performance.now();
      await Promise.all(stateList.map((state) => state.probe(now, true)));
      return router.status();
    },
    status() {
      const now = performance.now();
      return stateList.map((state) => {
        const snapshot = state.snapshot(now);
        return {
          provider: snapshot.provider,
          kind: snapshot.kind,
          health: snapshot.health,
          inFlight: snapshot.inFlight,
          queued: snapshot.queued,
          hasCapacity: snapshot.hasCapacity,
          unavailable: snapshot.unavailable,
          consecutiveFailures: snapshot.consecutiveFailures,
        };
      });
    },
    async close() {
      if (closed) return;
      closed = true;
      for (const plugin of engine.hooks.close) await plugin.close?.();
      for (const sink of config.audit.sinks) {
        await sink.flush?.();
        await sink.close?.();
      }
    },
  };
  return router;
}
