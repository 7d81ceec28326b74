import type { ChatResponse, FinishReason } from '../types/chat-response';
import type { DataClass } from '../types/data-class';
import type { ProviderKind } from '../types/provider';
import type { LogprobsEvent, TextDeltaEvent, ToolCallDeltaEvent, UsageEvent } from '../types/stream-event';

/** How the router served a request. */
export interface RoutingInfo {
  dataClass: DataClass;
  providerKind: ProviderKind;
  /** Why this provider served the request. */
  reason: string;
  /** Provider calls made, retries included. */
  attempts: number;
  fallbacks: number;
  retries: number;
  escalated: boolean;
  /** Confidence an escalation plugin assigned the answer it judged (null: unknown). */
  confidence: number | null | undefined;
}

/** A response returned by the router: the provider's answer plus how it was routed. */
export interface RouterResponse extends ChatResponse {
  requestId: string;
  routing: RoutingInfo;
}

/** First event of a router stream: which provider is answering. */
export interface RouteEvent {
  type: 'route';
  requestId: string;
  provider: string;
  providerKind: ProviderKind;
  model: string;
  dataClass: DataClass;
}

/** Last event of a router stream, with the whole answer assembled. */
export interface RouterFinishEvent {
  type: 'finish';
  finishReason: FinishReason;
  response: RouterResponse;
}

/**
 * What `router.stream()` yields: `route`, then deltas, then `finish`. Failures are thrown as typed
 * errors from the iterator (never a silent end).
 */
export type RouterStreamEvent =
  | RouteEvent
  | TextDeltaEvent
  | ToolCallDeltaEvent
  | LogprobsEvent
  | UsageEvent
  | RouterFinishEvent;
