import {
  AuthenticationError,
  ContextLengthExceededError,
  ProviderError,
  ProviderUnavailableError,
  RateLimitedError,
  type StreamEvent,
  type SwitchyardError,
  TimeoutError,
} from '@switchyard/core';
import { type OpenAISimulator, type SimulatorStep, startOpenAISimulator } from '@switchyard/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOpenAI } from './openai-provider';

const ask = { messages: [{ role: 'user' as const, content: 'Hello?' }] };

describe('OpenAI error mapping', () => {
  let simulator: OpenAISimulator;
  let provider: ReturnType<typeof createOpenAI>;
  beforeAll(async () => {
    simulator = await startOpenAISimulator();
    provider = createOpenAI({ model: 'gpt-4o-mini', apiKey: 'sk-test', baseURL: simulator.baseURL });
  });
  afterAll(() => simulator.close());

  async function failure(step: SimulatorStep): Promise<SwitchyardError> {
    simulator.script.set([step]);
    return provider.chat(ask).then(
      () => {
        throw new Error('expected the call to fail');
      },
      (error: SwitchyardError) => error,
    );
  }

  it('429 with retry-after → retryable RateLimitedError with retryAfterMs', async () => {
    const error = await failure({ status: 429, headers: { 'retry-after': '3' } });
    expect(RateLimitedError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ isRetryable: true, retryAfterMs: 3000, status: 429, provider: 'openai' });
  });

  it('429 with retry-after-ms (OpenAI’s millisecond header) wins over retry-after', async () => {
    const error = await failure({ status: 429, headers: { 'retry-after': '3', 'retry-after-ms': '1500' } });
    expect(error.retryAfterMs).toBe(1500);
  });

  it('429 insufficient_quota → non-retryable ProviderError (out of credit is not a rate limit)', async () => {
    const error = await failure({
      status: 429,
      body: {
        error: {
          message: 'You exceeded your current quota, please check your plan and billing details.',
          type: 'insufficient_quota',
          param: null,
          code: 'insufficient_quota',
        },
      },
    });
    expect(ProviderError.isInstance(error)).toBe(true);
    expect(error.isRetryable).toBe(false);
    expect(error.message).toContain('insufficient quota');
  });

  it('408 → retryable TimeoutError', async () => {
    const error = await failure({ status: 408 });
    expect(TimeoutError.isInstance(error)).toBe(true);
    expect(error.isRetryable).toBe(true);
  });

  it.each([500, 502, 503, 504])('%i → retryable ProviderUnavailableError', async (status) => {
    const error = await failure({ status });
    expect(ProviderUnavailableError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ isRetryable: true, status });
  });

  it('context_length_exceeded → ContextLengthExceededError with the window and prompt size', async () => {
    const error = await failure({ fault: 'context-length' });
    expect(ContextLengthExceededError.isInstance(error)).toBe(true);
    expect(error.isRetryable).toBe(false);
    expect((error as ContextLengthExceededError).contextWindow).toBe(128000);
    expect((error as ContextLengthExceededError).promptTokens).toBeGreaterThan(128000);
  });

  it('a context-length message without the code (compatible servers) is still recognized', async () => {
    const error = await failure({
      status: 400,
      body: {
        error: {
          message:
            "This model's maximum context length is 131072 tokens. However, you requested 131134 tokens.",
          type: 'invalid_request_error',
          param: null,
          code: 'invalid_request_error',
        },
      },
    });
    expect(ContextLengthExceededError.isInstance(error)).toBe(true);
    expect((error as ContextLengthExceededError).promptTokens).toBe(131134);
  });

  it.each([401, 403])('%i → non-retryable AuthenticationError', async (status) => {
    const error = await failure({ status });
    expect(AuthenticationError.isInstance(error)).toBe(true);
    expect(error.isRetryable).toBe(false);
  });

  it('other 4xx → non-retryable ProviderError carrying the API message and request id', async () => {
    const error = await failure({ status: 404 });
    expect(ProviderError.isInstance(error)).toBe(true);
    expect(error.isRetryable).toBe(false);
    expect(error.message).toMatch(
      /does not exist or you do not have access to it\. \[request id req_[0-9a-f]+\]/,
    );
  });

  it('a refused connection → retryable ProviderUnavailableError', async () => {
    const closed = await startOpenAISimulator();
    const url = closed.baseURL;
    await closed.close();
    const error = await createOpenAI({ model: 'gpt-4o-mini', apiKey: 'sk-test', baseURL: url })
      .chat(ask)
      .catch((caught: SwitchyardError) => caught);
    expect(ProviderUnavailableError.isInstance(error)).toBe(true);
    expect((error as SwitchyardError).isRetryable).toBe(true);
  });

  it("the SDK's own timeout (timeoutMs) → TimeoutError", async () => {
    simulator.script.set([{ fault: 'hang' }]);
    const error = await createOpenAI({
      model: 'gpt-4o-mini',
      apiKey: 'sk-test',
      baseURL: simulator.baseURL,
      timeoutMs: 50,
    })
      .chat(ask)
      .catch((caught: SwitchyardError) => caught);
    expect(TimeoutError.isInstance(error)).toBe(true);
  });

  it('an error object inside a 200 stream → an error event with a retryable ProviderUnavailableError', async () => {
    simulator.script.set([{ fault: 'stream-error', afterChunks: 1, message: 'boom mid-stream' }]);
    const received: StreamEvent[] = [];
    for await (const event of provider.stream(ask)) received.push(event);
    const last = received.at(-1);
    expect(last?.type).toBe('error');
    const error = last?.type === 'error' ? last.error : undefined;
    expect(ProviderUnavailableError.isInstance(error)).toBe(true);
    expect(error?.message).toContain('boom mid-stream');
    expect(received.some((event) => event.type === 'finish')).toBe(false);
  });
});
