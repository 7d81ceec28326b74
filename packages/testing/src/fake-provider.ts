import {
  AbortedError,
  type CapacityStatus,
  type ChatRequest,
  type ChatResponse,
  ContextLengthExceededError,
  estimatePromptTokens,
  type HealthStatus,
  mapHttpError,
  type Provider,
  type ProviderCapabilities,
  type ProviderKind,
  ProviderUnavailableError,
  RateLimitedError,
  type StreamEvent,
  type SwitchyardError,
  type TokenLogprob,
  type ToolCall,
  TimeoutError,
} from '@switchyard/core';

/** One scripted behaviour for one call. */
export type FakeStep =
  | 'ok'
  /** An HTTP error from the server, mapped like a real adapter maps it (500 → unavailable, 400 → provider error...). */
  | { fault: 'http'; status: number; message?: string; retryAfterMs?: number }
  /** HTTP 429 with a `retry-after`. */
  | { fault: 'rate-limit'; retryAfterMs?: number }
  /** The server answers with a timeout error (like HTTP 408 / a gateway timeout). */
  | { fault: 'timeout' }
  /** The server never answers; only the caller's signal ends the call (`ignoreAbort`: not even that). */
  | { fault: 'hang'; ignoreAbort?: boolean }
  /** The connection is refused or dropped before any answer. */
  | { fault: 'disconnect' }
  /** The prompt does not fit the context window. */
  | { fault: 'context-length' }
  /** Streams: the stream stops after `afterChunks` deltas without its finish event. Non-streaming: a dropped connection. */
  | { fault: 'cut'; afterChunks?: number }
  /** Streams: an error event in the middle of the stream (like Anthropic's `error` event). */
  | { fault: 'error-event'; afterChunks?: number; status?: number }
  /** A normal answer whose first token (or whole answer) comes only after `ms`. */
  | { slowFirstTokenMs: number };

/** What a fake replies: text, or a function of the request. */
export type FakeReply =
  | string
  | ((request: ChatRequest, call: number) => string | { text?: string; toolCalls?: ToolCall[] });

export interface FakeProviderOptions {
  id: string;
  /** Default `local`. */
  kind?: ProviderKind;
  /** Default `fake-<id>`. */
  model?: string;
  /** Delay before the answer (non-streaming) or the first token (streaming). Default 0. */
  latencyMs?: number;
  /** Streams: delay between tokens. Default 0. */
  tokenIntervalMs?: number;
  /** Default `'ok from <id>'`. */
  reply?: FakeReply;
  /**
   * Logprobs returned when a request asks for them: `true` (confident, -0.05 a token), a number (the
   * logprob of every token), or a function of the token index. Absent: the provider has none.
   */
  logprobs?: boolean | number | ((index: number, token: string) => number);
  /** Behaviours for successive calls; calls past the end use `thereafter` (default `'ok'`). */
  script?: FakeStep[] | ((call: number, request: ChatRequest) => FakeStep);
  thereafter?: FakeStep;
  contextWindow?: number;
  /** Health reported by `health()`; a function is asked on each probe. Absent: no `health()` method. */
  health?: HealthStatus['status'] | (() => HealthStatus | Promise<HealthStatus>);
  /** Capacity reported by `capacity()`. Absent: no `capacity()` method. */
  capacity?: CapacityStatus | (() => CapacityStatus | Promise<CapacityStatus>);
  capabilities?: ProviderCapabilities;
}

/** A call the fake received. */
export interface FakeCall {
  request: ChatRequest;
  stream: boolean;
  step: FakeStep;
}

/** A scripted in-memory provider for tests, demos and benchmarks. */
export interface FakeProvider extends Provider {
  /** Every call received, in order (what a test asserts on: which provider saw which request). */
  readonly calls: FakeCall[];
  /** Calls running now, and the most ever running at once. */
  readonly inFlight: number;
  readonly maxInFlight: number;
  setHealth(status: HealthStatus['status']): void;
  setCapacity(capacity: CapacityStatus): void;
  /** Replaces the script from the next call on. */
  setScript(script: FakeStep[] | ((call: number, request: ChatRequest) => FakeStep), thereafter?: FakeStep): void;
  reset(): void;
}

const TOKEN = /\s*\S+|\s+$/g;

function delay(ms: number, signal: AbortSignal | undefined, provider: string): Promise<void> {
  if (signal?.aborted) return Promise.reject(abortError(provider));
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortError(provider));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

function abortError(provider: string): AbortedError {
  return new AbortedError({ message: `${provider}: request aborted`, provider });
}

function hang(signal: AbortSignal | undefined, provider: string): Promise<never> {
  return new Promise((_, reject) => {
    if (signal?.aborted) return reject(abortError(provider));
    signal?.addEventListener('abort', () => reject(abortError(provider)), { once: true });
  });
}

function faultError(step: Exclude<FakeStep, 'ok' | { slowFirstTokenMs: number }>, provider: string): SwitchyardError {
  switch (step.fault) {
    case 'http':
      return mapHttpError({
        status: step.status,
        message: step.message ?? `simulated HTTP ${step.status}`,
        provider,
        headers: step.retryAfterMs === undefined ? undefined : { 'retry-after-ms': String(step.retryAfterMs) },
      });
    case 'rate-limit':
      return new RateLimitedError({
        message: `${provider}: rate limited (HTTP 429)`,
        provider,
        status: 429,
        ...(step.retryAfterMs === undefined ? {} : { retryAfterMs: step.retryAfterMs }),
      });
    case 'timeout':
      return new TimeoutError({ message: `${provider}: upstream timed out (HTTP 408)`, provider, status: 408 });
    case 'context-length':
      return new ContextLengthExceededError({ message: `${provider}: prompt exceeds the context window`, provider, status: 400 });
    case 'error-event':
      return mapHttpError({ status: step.status ?? 529, message: 'Overloaded', provider });
    case 'cut':
    case 'disconnect':
    case 'hang':
      return new ProviderUnavailableError({ message: `${provider}: connection reset`, provider });
  }
}

/**
 * Creates a scripted fake provider.
 *
 * @example
 * const local = createFakeProvider({ id: 'local', kind: 'local', script: [{ fault: 'http', status: 503 }] });
 * const cloud = createFakeProvider({ id: 'cloud', kind: 'cloud', reply: 'from the cloud' });
 * const router = createRouter({ providers: [local, cloud] });
 */
export function createFakeProvider(options: FakeProviderOptions): FakeProvider {
  const id = options.id;
  const kind = options.kind ?? 'local';
  const model = options.model ?? `fake-${id}`;
  let script = options.script;
  let thereafter: FakeStep = options.thereafter ?? 'ok';
  let healthStatus = options.health;
  let capacityStatus = options.capacity;
  const calls: FakeCall[] = [];
  let inFlight = 0;
  let maxInFlight = 0;

  // Calls made before the current script was set; the script counts from there.
  let scriptStart = 0;
  const stepFor = (call: number, request: ChatRequest): FakeStep => {
    if (typeof script === 'function') return script(call - scriptStart, request);
    return script?.[call - scriptStart] ?? thereafter;
  };

  const replyFor = (request: ChatRequest, call: number): { text: string; toolCalls: ToolCall[] } => {
    const reply = options.reply ?? `ok from ${id}`;
    if (typeof reply === 'string') return { text: reply, toolCalls: [] };
    const value = reply(request, call);
    if (typeof value === 'string') return { text: value, toolCalls: [] };
    return { text: value.text ?? '', toolCalls: value.toolCalls ?? [] };
  };

  const logprobsFor = (request: ChatRequest, tokens: string[]): TokenLogprob[] | undefined => {
    const source = options.logprobs;
    if (!request.logprobs || source === undefined || source === false) return undefined;
    const top = request.topLogprobs ?? 0;
    return tokens.map((token, index) => {
      const logprob = typeof source === 'function' ? source(index, token) : typeof source === 'number' ? source : -0.05;
      const topLogprobs = [];
      for (let rank = 0; rank < top; rank++) {
        topLogprobs.push(rank === 0 ? { token, logprob } : { token: `${token}~${rank}`, logprob: logprob - 2 * rank - 1 });
      }
      return { token, logprob, topLogprobs };
    });
  };

  const begin = (request: ChatRequest, stream: boolean) => {
    const call = calls.length;
    const step = stepFor(call, request);
    calls.push({ request, stream, step });
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    return { call, step };
  };

  const usageFor = (request: ChatRequest, outputTokens: number) => ({
    inputTokens: estimatePromptTokens(request),
    outputTokens,
    cacheReadTokens: 0,
    cacheWriteTokens: 0,
  });

  const provider: FakeProvider = {
    id,
    kind,
    model,
    ...(options.contextWindow === undefined ? {} : { contextWindow: options.contextWindow }),
    capabilities: options.capabilities ?? { logprobs: options.logprobs !== undefined && options.logprobs !== false, tools: true },
    calls,
    get inFlight() {
      return inFlight;
    },
    get maxInFlight() {
      return maxInFlight;
    },

    async chat(request) {
      const { call, step } = begin(request, false);
      const started = performance.now();
      try {
        if (step !== 'ok' && 'fault' in step) {
          if (step.fault === 'hang') return await hang(step.ignoreAbort ? undefined : request.signal, id);
          await delay(options.latencyMs ?? 0, request.signal, id);
          throw faultError(step, id);
        }
        const wait = step !== 'ok' && 'slowFirstTokenMs' in step ? step.slowFirstTokenMs : (options.latencyMs ?? 0);
        await delay(wait, request.signal, id);
        const { text, toolCalls } = replyFor(request, call);
        const tokens = text.match(TOKEN) ?? [];
        const logprobs = logprobsFor(request, tokens);
        const response: ChatResponse = {
          text,
          toolCalls,
          finishReason: toolCalls.length > 0 ? 'tool_calls' : 'stop',
          usage: usageFor(request, tokens.length),
          provider: id,
          model,
          latencyMs: performance.now() - started,
        };
        if (logprobs) response.logprobs = logprobs;
        return response;
      } finally {
        inFlight--;
      }
    },

    stream(request) {
      return {
        async *[Symbol.asyncIterator](): AsyncGenerator<StreamEvent> {
          const { call, step } = begin(request, true);
          try {
            if (step !== 'ok' && 'fault' in step) {
              if (step.fault === 'hang') await hang(step.ignoreAbort ? undefined : request.signal, id);
              if (step.fault !== 'cut' && step.fault !== 'error-event') {
                await delay(options.latencyMs ?? 0, request.signal, id);
                throw faultError(step, id);
              }
            }
            const firstDelay = step !== 'ok' && 'slowFirstTokenMs' in step ? step.slowFirstTokenMs : (options.latencyMs ?? 0);
            await delay(firstDelay, request.signal, id);
            const { text, toolCalls } = replyFor(request, call);
            const tokens = text.match(TOKEN) ?? [];
            const logprobs = logprobsFor(request, tokens);
            const cutAfter = step !== 'ok' && 'fault' in step ? (step.afterChunks ?? 1) : Number.POSITIVE_INFINITY;
            for (let index = 0; index < tokens.length; index++) {
              if (index >= cutAfter) {
                if (step !== 'ok' && 'fault' in step && step.fault === 'error-event') {
                  yield { type: 'error', error: faultError(step, id) };
                }
                return;
              }
              if (index > 0) await delay(options.tokenIntervalMs ?? 0, request.signal, id);
              yield { type: 'text-delta', text: tokens[index]! };
              const entry = logprobs?.[index];
              if (entry) yield { type: 'logprobs', logprobs: [entry] };
            }
            if (tokens.length <= cutAfter && cutAfter !== Number.POSITIVE_INFINITY) {
              if (step !== 'ok' && 'fault' in step && step.fault === 'error-event') {
                yield { type: 'error', error: faultError(step, id) };
              }
              return;
            }
            for (const [index, toolCall] of toolCalls.entries()) {
              yield { type: 'tool-call-delta', index, id: toolCall.id, name: toolCall.name, argumentsDelta: toolCall.arguments };
            }
            yield { type: 'usage', usage: usageFor(request, tokens.length) };
            yield { type: 'finish', finishReason: toolCalls.length > 0 ? 'tool_calls' : 'stop', model };
          } finally {
            inFlight--;
          }
        },
      };
    },

    setHealth(status) {
      healthStatus = status;
    },
    setCapacity(capacity) {
      capacityStatus = capacity;
    },
    setScript(next, nextThereafter) {
      script = next;
      scriptStart = calls.length;
      if (nextThereafter) thereafter = nextThereafter;
    },
    reset() {
      calls.length = 0;
      scriptStart = 0;
      maxInFlight = inFlight;
    },
  };

  if (healthStatus !== undefined) {
    provider.health = async () => {
      const current = healthStatus;
      if (typeof current === 'function') return current();
      return { status: current ?? 'ready' };
    };
  }
  if (capacityStatus !== undefined) {
    provider.capacity = async () => {
      const current = capacityStatus;
      if (typeof current === 'function') return current();
      return current ?? {};
    };
  }
  return provider;
}
