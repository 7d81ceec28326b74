import {
  AuthenticationError,
  ContextLengthExceededError,
  ProviderError,
  ProviderUnavailableError,
  RateLimitedError,
  type SwitchyardError,
  TimeoutError,
} from '@switchyard/core';
import { type AnthropicSimulator, type SimulatorStep, startAnthropicSimulator } from '@switchyard/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAnthropic } from './anthropic-provider';

const ask = { messages: [{ role: 'user' as const, content: 'Hello?' }] };

describe('Anthropic error mapping', () => {
  let simulator: AnthropicSimulator;
  let provider: ReturnType<typeof createAnthropic>;
  beforeAll(async () => {
    simulator = await startAnthropicSimulator();
    provider = createAnthropic({
      model: 'claude-sonnet-5',
      apiKey: 'sk-ant-test',
      baseURL: simulator.baseURL,
    });
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

  it('429 rate_limit_error with retry-after → retryable RateLimitedError with retryAfterMs', async () => {
    const error = await failure({ status: 429, headers: { 'retry-after': '7' } });
    expect(RateLimitedError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({
      isRetryable: true,
      retryAfterMs: 7000,
      status: 429,
      provider: 'anthropic',
    });
  });

  it('529 overloaded_error → retryable ProviderUnavailableError (the router backs off)', async () => {
    const error = await failure({ status: 529 });
    expect(ProviderUnavailableError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ isRetryable: true, status: 529 });
    expect(error.message).toMatch(/Overloaded \[request id req_011C\w+\] \(HTTP 529\)/);
  });

  it('500 api_error → retryable ProviderUnavailableError', async () => {
    const error = await failure({ status: 500 });
    expect(ProviderUnavailableError.isInstance(error)).toBe(true);
    expect(error.isRetryable).toBe(true);
  });

  it('413 request_too_large → non-retryable ProviderError', async () => {
    const error = await failure({ status: 413 });
    expect(ProviderError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ isRetryable: false, status: 413 });
  });

  it('402 billing_error → non-retryable ProviderError', async () => {
    const error = await failure({ status: 402 });
    expect(ProviderError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ isRetryable: false, status: 402 });
    expect(error.message).toContain('billing or spend limit');
  });

  it('400 spend-limit error → non-retryable ProviderError', async () => {
    const error = await failure({
      status: 400,
      message:
        'You have reached your specified API usage limits. You will regain access on 2026-12-01 at 00:00 UTC.',
    });
    expect(ProviderError.isInstance(error)).toBe(true);
    expect(error.isRetryable).toBe(false);
    expect(error.message).toContain('billing or spend limit');
  });

  it('a spend limit reported as 429 is still not retryable', async () => {
    const error = await failure({
      status: 429,
      message: 'Your workspace has reached its monthly spend limit.',
    });
    expect(ProviderError.isInstance(error)).toBe(true);
    expect(error.isRetryable).toBe(false);
  });

  it('"prompt is too long" → ContextLengthExceededError with the prompt size and the window', async () => {
    const error = await failure({ fault: 'context-length' });
    expect(ContextLengthExceededError.isInstance(error)).toBe(true);
    expect((error as ContextLengthExceededError).contextWindow).toBe(200000);
    expect((error as ContextLengthExceededError).promptTokens).toBeGreaterThan(200000);
  });

  it.each([401, 403])('%i → non-retryable AuthenticationError', async (status) => {
    const error = await failure({ status });
    expect(AuthenticationError.isInstance(error)).toBe(true);
    expect(error.isRetryable).toBe(false);
  });

  it('408 → retryable TimeoutError', async () => {
    const error = await failure({ status: 408 });
    expect(TimeoutError.isInstance(error)).toBe(true);
  });

  it('a refused connection → retryable ProviderUnavailableError', async () => {
    const closed = await startAnthropicSimulator();
    const url = closed.baseURL;
    await closed.close();
    const error = await createAnthropic({ model: 'claude-sonnet-5', apiKey: 'k', baseURL: url })
      .chat(ask)
      .catch((caught: SwitchyardError) => caught);
    expect(ProviderUnavailableError.isInstance(error)).toBe(true);
    expect((error as SwitchyardError).isRetryable).toBe(true);
  });

  it('errors when opening a stream are thrown before any event', async () => {
    simulator.script.set([{ status: 529 }]);
    const error = await (async () => {
      for await (const _ of provider.stream(ask)) {
        // nothing arrives
      }
    })().catch((caught: SwitchyardError) => caught);
    expect(ProviderUnavailableError.isInstance(error)).toBe(true);
  });
});
