import { randomUUID } from 'node:crypto';
import type { AuditAttempt, AuditEscalation, AuditRecord } from '../audit/audit-record';
import type { SwitchyardError } from '../errors/switchyard-error';
import type { ChatRequest } from '../types/chat-request';
import type { ChatResponse } from '../types/chat-response';
import type { Classification, RequestContext } from '../types/classification';
import type { DataClass } from '../types/data-class';
import type { Deadline } from './deadline';
import type { Engine } from './engine';
import type { RouterEvents } from './events';
import type { PluginContext } from './plugin';
import type { DataClassSource, RoutePlan } from './route-plan';
import type { RouterResponse } from './router-response';

/** Everything known about one request while the router serves it. Plugins see it as `PluginContext`. */
export class RequestRun implements PluginContext {
  readonly requestId: string;
  readonly workload: string | undefined;
  readonly tags: Readonly<Record<string, string>>;
  readonly startedAt = performance.now();
  private readonly startedAtWallClock = Date.now();
  private stateMap: Map<string, unknown> | undefined;
  dataClass: DataClass = 'regulated';
  dataClassSource: DataClassSource = 'default';
  callerDataClass: DataClass | undefined;
  classification: Classification | undefined;
  plan: RoutePlan | undefined;
  readonly attempts: AuditAttempt[] = [];
  fallbacks = 0;
  retries = 0;
  /** Local providers passed over because they were full (internal work overflowing to cloud). */
  readonly overflowedFrom: string[] = [];
  escalation: AuditEscalation | undefined;
  /** Why the serving provider was chosen; updated on fallback and escalation. */
  reason = '';
  timeToFirstTokenMs: number | undefined;
  private finished = false;

  constructor(
    private readonly engine: Engine,
    readonly request: ChatRequest,
    readonly context: RequestContext,
    readonly stream: boolean,
    readonly deadline: Deadline,
  ) {
    this.requestId = context.requestId ?? randomUUID();
    this.workload = context.workload;
    this.tags = context.tags ?? {};
  }

  /** Per-request scratch space for plugins (made on first use). */
  get state(): Map<string, unknown> {
    if (!this.stateMap) this.stateMap = new Map();
    return this.stateMap;
  }

  /** True once the caller aborted or the total deadline passed. */
  get aborted(): boolean {
    return this.deadline.aborted;
  }

  /** True when someone listens to `event` (lets hot paths skip building a payload nobody reads). */
  listening(event: keyof RouterEvents): boolean {
    return this.engine.emitter.listenerCount(event) > 0;
  }

  emit<K extends keyof RouterEvents>(event: K, payload: RouterEvents[K]): void {
    // eventemitter3's typings take the payload as a rest tuple.
    (this.engine.emitter.emit as (name: K, value: RouterEvents[K]) => boolean)(event, payload);
  }

  /** Adds routing details to the served answer (built field by field: one object shape for all). */
  toRouterResponse(response: ChatResponse): RouterResponse {
    const routed: RouterResponse = {
      text: response.text,
      toolCalls: response.toolCalls,
      finishReason: response.finishReason,
      usage: response.usage,
      provider: response.provider,
      model: response.model,
      latencyMs: response.latencyMs,
      requestId: this.requestId,
      routing: {
        dataClass: this.dataClass,
        providerKind: this.engine.config.kinds.get(response.provider) ?? 'local',
        reason: this.reason,
        attempts: this.callCount() + this.retries,
        fallbacks: this.fallbacks,
        retries: this.retries,
        escalated:
          this.escalation?.escalated === true &&
          this.escalation.blocked === false &&
          response.provider !== this.escalation.from,
        confidence: this.escalation?.confidence,
      },
    };
    if (response.logprobs) routed.logprobs = response.logprobs;
    if (response.timeToFirstTokenMs !== undefined) routed.timeToFirstTokenMs = response.timeToFirstTokenMs;
    if (response.responseId !== undefined) routed.responseId = response.responseId;
    return routed;
  }

  /** Provider calls made (skipped candidates excluded), not counting retries. */
  private callCount(): number {
    let calls = 0;
    for (const attempt of this.attempts) if (attempt.outcome !== 'skipped') calls++;
    return calls;
  }

  /** Ends the run with an answer: audit record and `response` event. Idempotent. */
  succeed(response: RouterResponse): void {
    if (this.finished) return;
    this.finished = true;
    if (this.listening('response')) {
      this.emit('response', {
        requestId: this.requestId,
        provider: response.provider,
        model: response.model,
        dataClass: this.dataClass,
        latencyMs: performance.now() - this.startedAt,
        usage: response.usage,
      });
    }
    this.writeAudit(response, undefined);
  }

  /** Ends the run with an error: audit record and `error` event. Idempotent. */
  fail(error: SwitchyardError): void {
    if (this.finished) return;
    this.finished = true;
    this.emit('error', { requestId: this.requestId, error });
    this.writeAudit(undefined, error);
  }

  private writeAudit(response: RouterResponse | undefined, error: SwitchyardError | undefined): void {
    const { audit } = this.engine.config;
    const { onAudit } = this.engine.hooks;
    if (audit.sinks.length === 0 && onAudit.length === 0) return;
    const kind = response ? this.engine.config.kinds.get(response.provider) : undefined;
    const record: AuditRecord = {
      version: 1,
      id: this.requestId,
      timestamp: new Date(this.startedAtWallClock).toISOString(),
      workload: this.workload,
      tags: this.context.tags,
      stream: this.stream,
      dataClass: this.dataClass,
      dataClassSource: this.dataClassSource,
      callerDataClass: this.callerDataClass,
      labels: this.classification?.labels ?? [],
      detectors: this.classification?.detectors ?? {},
      outcome: response ? 'success' : 'error',
      errorCode: error?.code,
      provider: response?.provider,
      providerKind: kind,
      model: response?.model,
      reason: response ? this.reason : safeErrorReason(error),
      attempts: this.attempts,
      fallbacks: this.fallbacks,
      retries: this.retries,
      escalation: this.escalation,
      usage: response?.usage,
      latencyMs: performance.now() - this.startedAt,
      timeToFirstTokenMs: this.timeToFirstTokenMs,
      cost: undefined,
    };
    if (audit.includeText) {
      record.request = { messages: this.request.messages };
      if (response) record.response = { text: response.text, toolCalls: response.toolCalls };
    }
    if (audit.includeLogprobs && response?.logprobs) record.logprobs = response.logprobs;
    for (const plugin of onAudit) {
      try {
        plugin.onAudit?.(record, this);
      } catch (hookError) {
        this.warn('plugin_error', `${plugin.name}.onAudit failed: ${String(hookError)}`);
      }
    }
    for (const sink of audit.sinks) {
      try {
        const written = sink.write(record);
        if (written && typeof written.then === 'function') {
          written.then(undefined, (sinkError: unknown) => this.warn('audit_sink_error', String(sinkError)));
        }
      } catch (sinkError) {
        this.warn('audit_sink_error', String(sinkError));
      }
    }
  }

  warn(code: string, message: string, detail?: Record<string, unknown>): void {
    this.emit('warning', { requestId: this.requestId, code, message, ...(detail ? { detail } : {}) });
  }
}

/** Our own errors' messages hold no request text; a provider's message might, so it is left out. */
function safeErrorReason(error: SwitchyardError | undefined): string {
  if (!error) return '';
  if (
    error.code === 'no_eligible_route' ||
    error.code === 'budget_exceeded' ||
    error.code === 'config_error'
  ) {
    return error.message;
  }
  const from = error.provider ? ` from ${error.provider}` : '';
  const status = error.status ? ` (HTTP ${error.status})` : '';
  return `${error.code}${from}${status}`;
}
