import type { ErrorCode } from '../errors/switchyard-error';
import type { Message, ToolCall } from '../types/chat-request';
import type { TokenLogprob, Usage } from '../types/chat-response';
import type { DataClass } from '../types/data-class';
import type { ProviderKind } from '../types/provider';
import type { DataClassSource } from '../router/route-plan';

/** One provider call (or skipped candidate) within a request. */
export interface AuditAttempt {
  provider: string;
  kind: ProviderKind;
  model: string;
  /** `discarded`: answered, but the answer was replaced by an escalation. */
  outcome: 'success' | 'error' | 'skipped' | 'discarded';
  errorCode?: ErrorCode;
  /** Retries on this provider before the outcome. */
  retries: number;
  latencyMs: number;
  usage?: Usage;
  /** This attempt's answer logprobs; only with `includeLogprobs` (also for answers an escalation replaced). */
  logprobs?: TokenLogprob[];
}

/** The escalation decision taken on a response, when an escalation plugin judged it. */
export interface AuditEscalation {
  escalated: boolean;
  reason: string;
  /** Confidence in [0, 1], `null` when the provider gave no signal to judge (unknown). */
  confidence: number | null | undefined;
  from: string;
  to: string[];
  /** True when every target was forbidden by policy (regulated data never escalates to cloud). */
  blocked: boolean;
  /** Plugin-specific detail (signals behind the score). */
  detail?: Record<string, unknown>;
}

/** Dollar cost of a request, written by a cost plugin. `null` totals mean a price was unknown. */
export interface AuditCost {
  totalUsd: number | null;
  [detail: string]: unknown;
}

/**
 * One record per request: what went where and why. Holds no prompt or answer text unless the
 * application opted in with `audit: { includeText: true }`.
 */
export interface AuditRecord {
  version: 1;
  id: string;
  /** ISO 8601 time the request started. */
  timestamp: string;
  workload: string | undefined;
  tags: Record<string, string> | undefined;
  stream: boolean;
  dataClass: DataClass;
  dataClassSource: DataClassSource;
  callerDataClass: DataClass | undefined;
  /** Labels the classifier found. */
  labels: string[];
  /** Detector type → count of findings. Never the matched text. */
  detectors: Record<string, number>;
  outcome: 'success' | 'error';
  errorCode: ErrorCode | undefined;
  provider: string | undefined;
  providerKind: ProviderKind | undefined;
  model: string | undefined;
  /** Why the serving provider was chosen (or why none could be). */
  reason: string;
  attempts: AuditAttempt[];
  fallbacks: number;
  retries: number;
  escalation: AuditEscalation | undefined;
  /** Usage of the answer returned to the caller. */
  usage: Usage | undefined;
  latencyMs: number;
  timeToFirstTokenMs: number | undefined;
  cost: AuditCost | undefined;
  /** Present only with `includeText`. */
  request?: { messages: Message[] };
  /** Present only with `includeText`. */
  response?: { text: string; toolCalls: ToolCall[] };
  /** Present only with `includeLogprobs` (for calibrating confidence from your own traffic). */
  logprobs?: TokenLogprob[];
}

/** Where audit records go. `write` must not throw for the router's sake: failures become `warning` events. */
export interface AuditSink {
  write(record: AuditRecord): void | Promise<void>;
  /** Waits until every record written so far is durable. */
  flush?(): Promise<void>;
  close?(): Promise<void>;
}

/** Audit options for `createRouter({ audit })`. */
export interface AuditOptions {
  sinks: AuditSink[];
  /** Write prompt and answer text into records. Off by default: records hold no text. */
  includeText?: boolean;
  /** Write answer token logprobs into records (for `switchyard calibrate`). Off by default. */
  includeLogprobs?: boolean;
}
