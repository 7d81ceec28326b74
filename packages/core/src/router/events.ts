import type { SwitchyardError } from '../errors/switchyard-error';
import type { Usage } from '../types/chat-response';
import type { DataClass } from '../types/data-class';
import type { HealthStatus } from '../types/provider';
import type { RoutePlan } from './route-plan';

/** Payloads of the events a router emits, by event name. */
export interface RouterEvents {
  /** A route was planned for a request. */
  route: { requestId: string; dataClass: DataClass; workload: string | undefined; plan: RoutePlan };
  /** A provider call is about to start (`attempt` counts from 1 per provider). */
  attempt: { requestId: string; provider: string; attempt: number; stream: boolean };
  /** A retryable failure; the same provider is tried again after `delayMs`. */
  retry: { requestId: string; provider: string; attempt: number; delayMs: number; error: SwitchyardError };
  /** A provider failed or was skipped; the router moves on to `to` (absent when none is left). */
  fallback: { requestId: string; from: string; to: string | undefined; error: SwitchyardError };
  /** An answer was judged not good enough and the request went to a stronger provider. */
  escalate: {
    requestId: string;
    from: string;
    to: readonly string[];
    reason: string;
    confidence: number | null | undefined;
    /** Set when policy forbade every escalation target (for example regulated data to cloud). */
    blocked: boolean;
  };
  /** A request ended with an answer. */
  response: {
    requestId: string;
    provider: string;
    model: string;
    dataClass: DataClass;
    latencyMs: number;
    usage: Usage;
  };
  /** A request ended with an error. */
  error: { requestId: string; error: SwitchyardError };
  /** A provider's health changed (a probe result, a cooldown opening or closing). */
  health: { provider: string; status: HealthStatus['status'] | 'cooldown'; detail: string | undefined };
  /** Something the application should know that did not fail the request (unknown price, sink error). */
  warning: { requestId: string | undefined; code: string; message: string; detail?: Record<string, unknown> };
}

export type RouterEventName = keyof RouterEvents;
