import {
  AbortedError,
  AuthenticationError,
  type ChatRequest,
  ContextLengthExceededError,
  collectStream,
  createRouter,
  type Provider,
  ProviderUnavailableError,
  RateLimitedError,
  type StreamEvent,
  StreamInterruptedError,
  SwitchyardError,
  TimeoutError,
  type ToolCall,
} from '@switchyard/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecordedRequest } from './simulators/simulator-server';
import type { SimulatorStep } from './simulators/script';

/** What the simulator answers next (until changed). */
export interface ConformanceReply {
  text?: string;
  toolCalls?: ToolCall[];
}

/** An adapter wired to its simulator, as the conformance battery drives it. */
export interface ConformanceHarness {
  /** The adapter under test, pointed at the running simulator. */
  provider: Provider;
  /** Scripts the simulator's next responses (faults), consumed one per request. */
  script(steps: SimulatorStep[]): void;
  /** Sets what the simulator answers from now on (text, or tool calls). */
  reply(reply: ConformanceReply): void;
  /** Requests the simulator received so far (to check what the adapter sent). */
  requests(): RecordedRequest[];
  close(): Promise<void>;
}

export interface ConformanceOptions {
  /** Shown in the test names, e.g. `llamacpp`. */
  name: string;
  /** Starts a simulator and builds the adapter on it. Called once for the battery. */
  setup(): Promise<ConformanceHarness>;
  supports: {
    tools: boolean;
    /** Logprobs on non-streaming answers. */
    logprobs: boolean;
    /** Logprobs on streamed answers. */
    streamingLogprobs: boolean;
    /** Whether `topLogprobs` alternatives are returned with logprobs. */
    topLogprobs?: boolean;
    /** Whether the adapter has a `health()` probe. */
    health: boolean;
  };
}

const question: ChatRequest = {
  messages: [
    { role: 'system', content: 'You are terse. SYSTEM-MARKER' },
    { role: 'user', content: 'First question USER-ONE' },
    { role: 'assistant', content: 'First answer ASSISTANT-ONE' },
    { role: 'user', content: 'Second question USER-TWO' },
  ],
  maxOutputTokens: 64,
};

const weatherTool = {
  name: 'get_weather',
  description: 'Current weather for a city',
  parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
};

async function drain(events: AsyncIterable<StreamEvent>): Promise<StreamEvent[]> {
  const out: StreamEvent[] = [];
  for await (const event of events) out.push(event);
  return out;
}

async function caught(action: () => Promise<unknown>): Promise<unknown> {
  try {
    await action();
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to fail, but it succeeded');
}

/** Collects a stream the way a caller would: an `error` event is thrown. */
async function consume(provider: Provider, request: ChatRequest) {
  return collectStream(provider.stream(request), { provider: provider.id, model: provider.model });
}

/**
 * The adapter conformance battery: text, multi-turn, streaming, tools, usage, logprobs, every error
 * kind, abort mid-stream, a cut stream, and a slow first token. Call it inside a vitest test file.
 *
 * @example
 * runConformanceSuite({
 *   name: 'my-server',
 *   supports: { tools: true, logprobs: true, streamingLogprobs: true },
 *   async setup() {
 *     const simulator = await startMyServerSimulator();
 *     return {
 *       provider: createMyServer({ baseURL: simulator.url }),
 *       script: (steps) => simulator.script.set(steps),
 *       reply: (reply) => simulator.setReply(reply),
 *       requests: () => simulator.requests,
 *       close: () => simulator.close(),
 *     };
 *   },
 * });
 */
export function runConformanceSuite(options: ConformanceOptions): void {
  describe(`${options.name} adapter conformance`, () => {
    let harness: ConformanceHarness;
    let provider: Provider;

    beforeAll(async () => {
      harness = await options.setup();
      provider = harness.provider;
    });
    afterAll(async () => {
      await harness?.close();
    });
    const reset = (reply: ConformanceReply = { text: 'Hello there, friend.' }) => {
      harness.script([]);
      harness.reply(reply);
    };

    it('answers a multi-turn request with text, finish reason, model and usage', async () => {
      reset({ text: 'Paris is the capital of France.' });
      const before = harness.requests().length;
      const response = await provider.chat(question);
      expect(response.text).toBe('Paris is the capital of France.');
      expect(response.finishReason).toBe('stop');
      expect(response.provider).toBe(provider.id);
      expect(typeof response.model).toBe('string');
      expect(response.model.length).toBeGreaterThan(0);
      expect(response.usage.inputTokens).toBeGreaterThan(0);
      expect(response.usage.outputTokens).toBeGreaterThan(0);
      expect(response.toolCalls).toEqual([]);
      const sent = JSON.stringify(harness.requests().slice(before).map((request) => request.body));
      for (const marker of ['SYSTEM-MARKER', 'USER-ONE', 'ASSISTANT-ONE', 'USER-TWO']) expect(sent).toContain(marker);
    });

    it('streams text deltas, usage and a final finish event', async () => {
      reset({ text: 'Streaming works across several tokens here.' });
      const events = await drain(provider.stream(question));
      const text = events.flatMap((event) => (event.type === 'text-delta' ? [event.text] : [])).join('');
      expect(text).toBe('Streaming works across several tokens here.');
      expect(events.filter((event) => event.type === 'text-delta').length).toBeGreaterThan(1);
      expect(events.at(-1)?.type).toBe('finish');
      const usage = events.find((event) => event.type === 'usage');
      expect(usage?.type === 'usage' && usage.usage.outputTokens).toBeGreaterThan(0);
      expect(events.some((event) => event.type === 'error')).toBe(false);
    });

    if (options.supports.tools) {
      const call: ToolCall = { id: 'call_1', name: 'get_weather', arguments: '{"city":"Lisbon"}' };
      it('returns tool calls', async () => {
        reset({ toolCalls: [call] });
        const response = await provider.chat({ ...question, tools: [weatherTool] });
        expect(response.finishReason).toBe('tool_calls');
        expect(response.toolCalls).toHaveLength(1);
        expect(response.toolCalls[0]?.name).toBe('get_weather');
        expect(JSON.parse(response.toolCalls[0]?.arguments ?? '')).toEqual({ city: 'Lisbon' });
        expect(response.toolCalls[0]?.id.length).toBeGreaterThan(0);
      });

      it('streams tool calls as deltas that assemble to the call', async () => {
        reset({ toolCalls: [call] });
        const response = await consume(provider, { ...question, tools: [weatherTool] });
        expect(response.finishReason).toBe('tool_calls');
        expect(response.toolCalls[0]?.name).toBe('get_weather');
        expect(JSON.parse(response.toolCalls[0]?.arguments ?? '')).toEqual({ city: 'Lisbon' });
      });

      it('sends tool results back in a follow-up turn', async () => {
        reset({ text: 'It is sunny in Lisbon.' });
        const before = harness.requests().length;
        const response = await provider.chat({
          messages: [
            { role: 'user', content: 'Weather in Lisbon?' },
            { role: 'assistant', content: null, toolCalls: [call] },
            { role: 'tool', toolCallId: call.id, content: '{"sky":"TOOL-RESULT-SUNNY"}' },
          ],
          tools: [weatherTool],
        });
        expect(response.text).toBe('It is sunny in Lisbon.');
        expect(JSON.stringify(harness.requests().slice(before).map((request) => request.body))).toContain(
          'TOOL-RESULT-SUNNY',
        );
      });
    }

    if (options.supports.logprobs) {
      it('returns token logprobs in core shape when asked', async () => {
        reset({ text: 'Logprobs for these tokens.' });
        const response = await provider.chat({ ...question, logprobs: true, topLogprobs: 3 });
        expect(response.logprobs?.length).toBeGreaterThan(0);
        for (const entry of response.logprobs ?? []) {
          expect(typeof entry.token).toBe('string');
          expect(Number.isFinite(entry.logprob)).toBe(true);
          expect(entry.logprob).toBeLessThanOrEqual(0);
          expect(entry.topLogprobs.length).toBeLessThanOrEqual(20);
          for (const alternative of entry.topLogprobs) expect(Number.isFinite(alternative.logprob)).toBe(true);
        }
        if (options.supports.topLogprobs !== false) {
          expect(response.logprobs?.some((entry) => entry.topLogprobs.length > 0)).toBe(true);
        }
      });
    }

    if (options.supports.streamingLogprobs) {
      it('streams token logprobs', async () => {
        reset({ text: 'Streamed logprobs here.' });
        const response = await consume(provider, { ...question, logprobs: true, topLogprobs: 2 });
        expect(response.logprobs?.length).toBeGreaterThan(0);
        for (const entry of response.logprobs ?? []) expect(Number.isFinite(entry.logprob)).toBe(true);
      });
    }

    it('maps HTTP 429 with retry-after to a retryable RateLimitedError', async () => {
      reset();
      harness.script([{ status: 429, headers: { 'retry-after': '2' } }]);
      const error = await caught(() => provider.chat(question));
      expect(RateLimitedError.isInstance(error)).toBe(true);
      expect((error as RateLimitedError).isRetryable).toBe(true);
      expect((error as RateLimitedError).retryAfterMs).toBe(2000);
    });

    it('maps HTTP 5xx to a retryable ProviderUnavailableError', async () => {
      reset();
      harness.script([{ status: 500 }]);
      const error = await caught(() => provider.chat(question));
      expect(ProviderUnavailableError.isInstance(error)).toBe(true);
      expect((error as SwitchyardError).isRetryable).toBe(true);
    });

    it('maps HTTP 401 to a non-retryable AuthenticationError', async () => {
      reset();
      harness.script([{ status: 401 }]);
      const error = await caught(() => provider.chat(question));
      expect(AuthenticationError.isInstance(error)).toBe(true);
      expect((error as SwitchyardError).isRetryable).toBe(false);
    });

    it("maps the server's context-length error to ContextLengthExceededError", async () => {
      reset();
      harness.script([{ fault: 'context-length' }]);
      const error = await caught(() => provider.chat(question));
      expect(ContextLengthExceededError.isInstance(error)).toBe(true);
    });

    it('maps a dropped connection to ProviderUnavailableError', async () => {
      reset();
      harness.script([{ fault: 'drop' }]);
      const error = await caught(() => provider.chat(question));
      expect(ProviderUnavailableError.isInstance(error)).toBe(true);
    });

    it('maps errors when opening a stream', async () => {
      reset();
      harness.script([{ status: 429, headers: { 'retry-after': '1' } }]);
      const error = await caught(() => consume(provider, question));
      expect(RateLimitedError.isInstance(error)).toBe(true);
    });

    it('reports an in-stream error as a typed error', async () => {
      reset({ text: 'This stream will fail part of the way through.' });
      harness.script([{ fault: 'stream-error', afterChunks: 2 }]);
      const error = await caught(() => consume(provider, question));
      expect(SwitchyardError.isInstance(error)).toBe(true);
      expect((error as SwitchyardError).message.length).toBeGreaterThan(0);
    });

    it('never finishes a stream that was cut: StreamInterruptedError', async () => {
      reset({ text: 'This stream will be cut before it finishes properly.' });
      harness.script([{ fault: 'cut', afterChunks: 2 }]);
      const events: StreamEvent[] = [];
      const error = await caught(async () => {
        for await (const event of provider.stream(question)) {
          events.push(event);
          if (event.type === 'error') throw event.error;
        }
        if (!events.some((event) => event.type === 'finish')) {
          throw new StreamInterruptedError({ message: 'ended without finish', provider: provider.id });
        }
      });
      expect(events.some((event) => event.type === 'finish')).toBe(false);
      expect(SwitchyardError.isInstance(error)).toBe(true);
      expect(['stream_interrupted', 'provider_unavailable']).toContain((error as SwitchyardError).code);
    });

    it('stops a stream when the caller aborts mid-way', async () => {
      reset({ text: 'one two three four five six seven eight nine ten eleven twelve' });
      harness.script([{ slowFirstTokenMs: 0 }]);
      const controller = new AbortController();
      const error = await caught(async () => {
        for await (const event of provider.stream({ ...question, signal: controller.signal })) {
          if (event.type === 'text-delta') controller.abort();
        }
      });
      expect(AbortedError.isInstance(error)).toBe(true);
    });

    it('fails at once on an already-aborted signal', async () => {
      reset();
      const error = await caught(() => provider.chat({ ...question, signal: AbortSignal.abort() }));
      expect(AbortedError.isInstance(error)).toBe(true);
    });

    it('lets the router time out a slow first token and a hung call', async () => {
      reset({ text: 'late answer' });
      const router = createRouter({
        providers: [provider],
        policy: { defaultDataClass: 'public', regulated: { requireLocalProvider: false } },
        retry: { retries: 0 },
        timeouts: { firstTokenMs: 150, attemptMs: 150 },
        circuitBreaker: { failureThreshold: 100 },
        probes: { healthTtlMs: 60_000, capacityTtlMs: 60_000 },
      });
      harness.script([{ slowFirstTokenMs: 3_000 }]);
      const streamError = await caught(async () => {
        for await (const _ of router.stream(question)) {
          // drain
        }
      });
      expect(TimeoutError.isInstance(streamError)).toBe(true);
      harness.script([{ fault: 'hang' }]);
      const chatError = await caught(() => router.chat(question));
      expect(TimeoutError.isInstance(chatError)).toBe(true);
      await router.close();
    });

    if (options.supports.health) {
      it('reports a ready server through its health probe', async () => {
        reset();
        expect(typeof provider.health).toBe('function');
        const health = await provider.health?.();
        expect(health?.status).toBe('ready');
      });
    }
  });
}
