export type { DataClass } from './types/data-class';
export { DATA_CLASSES, dataClassRank, isDataClass, maxDataClass } from './types/data-class';
export type {
  AssistantMessage,
  ChatRequest,
  Message,
  ResponseFormat,
  SystemMessage,
  TextPart,
  ToolCall,
  ToolChoice,
  ToolDefinition,
  ToolMessage,
  UserMessage,
} from './types/chat-request';
export type { ChatResponse, FinishReason, TokenLogprob, TopLogprob, Usage } from './types/chat-response';
export { emptyUsage } from './types/chat-response';
export type {
  ErrorEvent,
  FinishEvent,
  LogprobsEvent,
  StreamEvent,
  TextDeltaEvent,
  ToolCallDeltaEvent,
  UsageEvent,
} from './types/stream-event';
export type {
  CapacityStatus,
  HealthStatus,
  ProbeOptions as ProviderProbeOptions,
  Provider,
  ProviderCapabilities,
  ProviderKind,
} from './types/provider';
export type { Classification, Classifier, ClassifierFunction, RequestContext } from './types/classification';

export { type ErrorCode, SwitchyardError, type SwitchyardErrorOptions } from './errors/switchyard-error';
export {
  AbortedError,
  AuthenticationError,
  BudgetExceededError,
  ConfigError,
  ContextLengthExceededError,
  InvalidRequestError,
  NoEligibleRouteError,
  ProviderError,
  ProviderUnavailableError,
  RateLimitedError,
  type RejectedCandidate,
  StreamInterruptedError,
  TimeoutError,
} from './errors/errors';
export { type HttpErrorInput, mapHttpError } from './errors/map-http-error';
export { type HeaderSource, parseRetryAfter } from './errors/parse-retry-after';
export { toSwitchyardError } from './errors/to-switchyard-error';
export {
  abortErrorFor,
  type ClientErrorClasses,
  type ClientErrorKind,
  type ClientErrorMapping,
  clientErrorKind,
  mapClientError,
  mapClientStreamFailure,
} from './errors/client-errors';

export { createRouter, type ProviderStatus, type Router } from './router/create-router';
export type {
  CircuitBreakerOptions,
  PolicyOptions,
  ProbeOptions,
  ProviderSettings,
  RetryOptions,
  RouterOptions,
  TimeoutOptions,
  WorkloadRule,
} from './router/router-options';
export type { RouterEventName, RouterEvents } from './router/events';
export type { DataClassSource, PlannedCandidate, RoutePlan } from './router/route-plan';
export type {
  AttemptInfo,
  AttemptOutcome,
  EscalationDecision,
  PluginContext,
  RouteDraft,
  RouterPlugin,
  StreamTransform,
} from './router/plugin';
export type {
  RouteEvent,
  RouterFinishEvent,
  RouterResponse,
  RouterStreamEvent,
  RoutingInfo,
} from './router/router-response';
export { estimatePromptTokens } from './router/estimate-tokens';

export type {
  AuditAttempt,
  AuditCost,
  AuditEscalation,
  AuditOptions,
  AuditRecord,
  AuditSink,
} from './audit/audit-record';
export { createMemoryAuditSink, type MemoryAuditSink } from './audit/memory-sink';
export { createJsonlAuditSink, type JsonlAuditSink } from './audit/jsonl-sink';

export { collectStream } from './stream/collect-stream';
export { StreamAccumulator } from './stream/stream-accumulator';
export { parseChatRequest, parseRequestContext } from './validation/request-schema';
export { parseOptions } from './validation/parse-options';
export { describeZodError } from './validation/format-zod-issue';
