import type { AuditRecord } from '../audit/audit-record';
import type { SwitchyardError } from '../errors/switchyard-error';
import type { ChatRequest } from '../types/chat-request';
import type { ChatResponse } from '../types/chat-response';
import type { Classification, RequestContext } from '../types/classification';
import type { DataClass } from '../types/data-class';
import type { Provider, ProviderKind } from '../types/provider';
import type { RouterEvents } from './events';
import type { PlannedCandidate, RoutePlan } from './route-plan';

/** What every plugin hook sees of the request in flight. */
export interface PluginContext {
  readonly requestId: string;
  readonly request: ChatRequest;
  readonly workload: string | undefined;
  readonly tags: Readonly<Record<string, string>>;
  /** Final once routing starts; plugins raise it only through `classify`. */
  readonly dataClass: DataClass;
  readonly classification: Classification | undefined;
  readonly stream: boolean;
  /** `performance.now()` when the request started. */
  readonly startedAt: number;
  /** The plan, once routed. */
  readonly plan: RoutePlan | undefined;
  /** Per-request scratch space; key it by your plugin's name. */
  readonly state: Map<string, unknown>;
  /** Emits a router event (use `warning` for non-fatal conditions). */
  emit<K extends keyof RouterEvents>(event: K, payload: RouterEvents[K]): void;
}

/**
 * Rewrites streamed text. Text flows in channels: `'text'` for the answer, `'tool:<index>'` for a tool
 * call's arguments. A transform may hold a tail back (a pseudonym cut in two by a chunk boundary) and
 * hands it out on `flush`, so the pieces it returns add up to the whole rewritten text.
 */
export interface StreamTransform {
  /** Takes the next piece of a channel; returns what to pass on now. */
  push(channel: string, delta: string): string;
  /** At the end of the stream: what the channel still holds. */
  flush(channel: string): string;
}

/** The candidate list a `route` hook may edit: remove providers, or move some to the front. */
export interface RouteDraft {
  readonly candidates: readonly Readonly<PlannedCandidate>[];
  /** Removes a provider, recording the rule and a reason (shown by `explain()` and in errors). */
  exclude(providerId: string, rule: string, reason: string): void;
  /** Moves these providers, in this order, ahead of the others. Unknown or removed ids are ignored. */
  prefer(providerIds: readonly string[], rule: string, reason: string): void;
}

/** One provider call. */
export interface AttemptInfo {
  provider: Provider;
  kind: ProviderKind;
  /** 1 for the first call to this provider within the request, 2 for its first retry... */
  attempt: number;
  /** True when this call is an escalation after another provider's answer. */
  escalation: boolean;
}

/** How a provider call ended. */
export type AttemptOutcome = { ok: true; response: ChatResponse } | { ok: false; error: SwitchyardError };

/** A plugin's verdict on an answer: keep it, or escalate to stronger providers. */
export interface EscalationDecision {
  escalate: boolean;
  /** Provider ids to try instead, in order. The router drops any the data class forbids. */
  to?: readonly string[];
  reason: string;
  /** Confidence in [0, 1]; `null` when it could not be judged (no logprobs). */
  confidence?: number | null;
  detail?: Record<string, unknown>;
}

/**
 * The one seam through which classification, cost, confidence, budgets, audit enrichment and tracing
 * join the router. Every hook is optional; hooks run in plugin order; a hook may be sync or async.
 *
 * @example
 * const tracing: RouterPlugin = {
 *   name: 'tracing',
 *   beforeAttempt: (attempt, context) => console.log(context.requestId, '→', attempt.provider.id),
 * };
 */
export interface RouterPlugin {
  name: string;
  /** Runs before routing. The highest data class among the classifier and plugins applies. */
  classify?(
    request: ChatRequest,
    context: RequestContext,
  ): Classification | undefined | Promise<Classification | undefined>;
  /** Edits the candidate list after the policy ran (budgets exclude, pre-routers prefer). */
  route?(draft: RouteDraft, context: PluginContext): void | Promise<void>;
  /**
   * Amends the request for one provider call (ask for logprobs where a judge needs them, redact for a
   * cloud provider...). Return a new request, or undefined to leave it. Runs before `beforeAttempt`.
   */
  prepareRequest?(
    request: ChatRequest,
    attempt: AttemptInfo,
    context: PluginContext,
  ): ChatRequest | undefined;
  /**
   * Rewrites a provider's answer before anything else sees it (re-identify pseudonyms a
   * `prepareRequest` hook put in, for instance). Return a new response, or undefined to keep it.
   * Streams: applies to the assembled answer in the `finish` event; `transformStream` rewrites the
   * deltas the same way.
   */
  transformResponse?(
    response: ChatResponse,
    attempt: AttemptInfo,
    context: PluginContext,
  ): ChatResponse | undefined;
  /**
   * For streams: rewrites the text the caller receives, delta by delta — the streamed counterpart of
   * `transformResponse`. Called once per provider stream handed to the caller; return undefined to
   * leave that stream alone.
   */
  transformStream?(attempt: AttemptInfo, context: PluginContext): StreamTransform | undefined;
  /** Runs before each provider call. Throwing a `SwitchyardError` skips this provider (fallback). */
  beforeAttempt?(attempt: AttemptInfo, context: PluginContext): void | Promise<void>;
  /** Runs after each provider call, answered or failed. */
  afterAttempt?(attempt: AttemptInfo, outcome: AttemptOutcome, context: PluginContext): void | Promise<void>;
  /**
   * Judges an answer before it is returned. `partial` is true when a stream is being held back and
   * the answer is only its first tokens. Return `{ escalate: true, to }` to replace it.
   */
  judge?(
    response: ChatResponse,
    context: PluginContext,
    info: { partial: boolean; provider: Provider },
  ): EscalationDecision | undefined | Promise<EscalationDecision | undefined>;
  /**
   * For streams: how many tokens of this provider's stream to hold back before `judge` runs
   * (`'all'` = the whole answer). Undefined: stream straight through and do not judge.
   */
  streamBuffer?(provider: Provider, context: PluginContext): number | 'all' | undefined;
  /** Adds fields (cost, confidence) to the audit record before sinks receive it. */
  onAudit?(record: AuditRecord, context: PluginContext): void;
  /** Called by `router.close()`. */
  close?(): void | Promise<void>;
}
