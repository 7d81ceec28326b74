import type { AuditOptions, AuditSink } from '../audit/audit-record';
import type { Classifier, ClassifierFunction } from '../types/classification';
import type { DataClass } from '../types/data-class';
import type { Provider, ProviderKind } from '../types/provider';
import type { RouterPlugin } from './plugin';

/** Routing rules for one workload. */
export interface WorkloadRule {
  /** Provider ids to try first, in this order (the data class still decides who is allowed). */
  prefer?: string[];
  /** Only these providers may serve the workload. */
  allow?: string[];
  /** These providers never serve the workload. */
  deny?: string[];
  /** The lowest data class this workload's requests get (e.g. `regulated` for `patient-notes`). */
  minDataClass?: DataClass;
}

/**
 * Where each data class may go. The invariants are not configurable: `regulated` requests go to
 * local providers only, on every path (retry, fallback, overflow, escalation).
 */
export interface PolicyOptions {
  /** Class of a request when neither the caller nor the classifier sets one. Default `internal`. */
  defaultDataClass?: DataClass;
  /**
   * May a caller's `dataClass` lower the classifier's verdict (e.g. declare `public` a prompt the
   * classifier found `regulated`)? Default false: the higher class wins.
   */
  callerMayLower?: boolean;
  regulated?: {
    /** Restrict regulated work to these local providers. */
    providers?: string[];
    /**
     * Default true: `createRouter()` refuses a configuration with no local provider. Set false for a
     * cloud-only router that rejects every regulated request with `NoEligibleRouteError`.
     */
    requireLocalProvider?: boolean;
  };
  internal?: {
    providers?: string[];
    /** Send internal work to cloud when every local provider is full or down. Default true. */
    overflowToCloud?: boolean;
  };
  public?: {
    providers?: string[];
    /** Which kind public work tries first. Default `cloud`. */
    prefer?: ProviderKind;
  };
  workloads?: Record<string, WorkloadRule>;
}

/** Per-provider limits applied by the router. */
export interface ProviderSettings {
  /** Calls in flight at once. Default 8 for local providers, unlimited for cloud. */
  concurrency?: number;
  /** Calls allowed to wait for a slot; beyond it the provider is skipped. Default 64. */
  maxQueue?: number;
}

export interface RetryOptions {
  /** Retries per provider for retryable failures. Default 2. */
  retries?: number;
  /** First backoff delay. Default 200 ms; doubles each retry up to `maxDelayMs` (default 5 s). */
  minDelayMs?: number;
  maxDelayMs?: number;
  factor?: number;
  /** A `retry-after` longer than this skips to the next provider instead of waiting. Default 10 s. */
  maxRetryAfterMs?: number;
}

export interface TimeoutOptions {
  /** One non-streaming provider call. Default 60 s. */
  attemptMs?: number;
  /** The whole request, retries and fallbacks included. Default 300 s. */
  totalMs?: number;
  /** Streams: from the call to the first event. Default 30 s. */
  firstTokenMs?: number;
  /** Streams: the longest gap between two events. Default 60 s. */
  idleMs?: number;
  /** An asynchronous classifier; past it the request counts as `regulated`. Default 1 s. */
  classifierMs?: number;
  /** A health or capacity probe. Default 1 s. */
  probeMs?: number;
}

export interface CircuitBreakerOptions {
  /** Consecutive failures that put a provider in cooldown. Default 3. */
  failureThreshold?: number;
  /** How long a provider stays out before a health probe (or one trial call) may bring it back. Default 30 s. */
  cooldownMs?: number;
}

export interface ProbeOptions {
  /** How long a health result is trusted. Default 5 s. */
  healthTtlMs?: number;
  /** How long a capacity result is trusted. Default 1 s. */
  capacityTtlMs?: number;
}

/**
 * Options of `createRouter()`. Only `providers` is required.
 */
export interface RouterOptions {
  providers: Provider[];
  policy?: PolicyOptions;
  /** Decides a request's data class when the caller does not. A classifier failure counts as `regulated`. */
  classifier?: Classifier | ClassifierFunction;
  plugins?: RouterPlugin[];
  audit?: AuditSink | AuditSink[] | AuditOptions;
  retry?: RetryOptions;
  timeouts?: TimeoutOptions;
  providerSettings?: Record<string, ProviderSettings>;
  circuitBreaker?: CircuitBreakerOptions;
  probes?: ProbeOptions;
}
