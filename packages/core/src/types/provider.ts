import type { ChatRequest } from './chat-request';
import type { ChatResponse } from './chat-response';
import type { StreamEvent } from './stream-event';

/** Where a provider runs: on infrastructure you control (`local`) or a third party's API (`cloud`). */
export type ProviderKind = 'local' | 'cloud';

/** Result of a health probe. `loading` (a model still loading) and `down` both keep the router away. */
export interface HealthStatus {
  status: 'ready' | 'loading' | 'down';
  detail?: string;
}

/** Capacity of a server, as its own metrics report it. Unknown fields are left out. */
export interface CapacityStatus {
  /** Slots free to start a request now. 0 means full. */
  freeSlots?: number;
  totalSlots?: number;
  /** Requests waiting in the server's own queue. */
  queueDepth?: number;
}

/** Which optional features a provider supports. Unknown means "assume not" for logprobs. */
export interface ProviderCapabilities {
  logprobs?: boolean;
  tools?: boolean;
  jsonSchema?: boolean;
}

/** Options for a probe call. */
export interface ProbeOptions {
  signal?: AbortSignal;
}

/**
 * What every adapter implements. The router depends on this interface only, never on an adapter.
 *
 * Adapters throw (or, in a stream, yield an `error` event carrying) a `SwitchyardError` subclass for
 * every failure, and honour `request.signal`.
 */
export interface Provider {
  /** Unique id within a router, used in policies and audit records (`local-qwen`, `openai-4o`). */
  readonly id: string;
  readonly kind: ProviderKind;
  /** The model this provider serves. */
  readonly model: string;
  /** Context window in tokens, when known; the router skips providers too small for a request. */
  readonly contextWindow?: number;
  readonly capabilities?: ProviderCapabilities;
  chat(request: ChatRequest): Promise<ChatResponse>;
  /** Yields events and ends with `finish`; ending without it is an interrupted stream. */
  stream(request: ChatRequest): AsyncIterable<StreamEvent>;
  health?(options?: ProbeOptions): Promise<HealthStatus>;
  capacity?(options?: ProbeOptions): Promise<CapacityStatus>;
}
