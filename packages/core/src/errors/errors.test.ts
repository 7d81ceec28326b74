import { describe, expect, it } from 'vitest';
import {
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
  StreamInterruptedError,
  TimeoutError,
} from './errors';
import { mapHttpError } from './map-http-error';
import { parseRetryAfter } from './parse-retry-after';
import { SwitchyardError } from './switchyard-error';
import { toSwitchyardError } from './to-switchyard-error';

describe('typed errors', () => {
  const cases = [
    [new ConfigError({ message: 'x' }), 'config_error', false, ConfigError],
    [new InvalidRequestError({ message: 'x' }), 'invalid_request', false, InvalidRequestError],
    [new NoEligibleRouteError({ message: 'x' }), 'no_eligible_route', false, NoEligibleRouteError],
    [new ProviderUnavailableError({ message: 'x' }), 'provider_unavailable', true, ProviderUnavailableError],
    [new RateLimitedError({ message: 'x', retryAfterMs: 5 }), 'rate_limited', true, RateLimitedError],
    [new TimeoutError({ message: 'x' }), 'timeout', true, TimeoutError],
    [
      new ContextLengthExceededError({ message: 'x' }),
      'context_length_exceeded',
      false,
      ContextLengthExceededError,
    ],
    [new BudgetExceededError({ message: 'x' }), 'budget_exceeded', false, BudgetExceededError],
    [new StreamInterruptedError({ message: 'x' }), 'stream_interrupted', true, StreamInterruptedError],
    [new AbortedError({ message: 'x' }), 'aborted', false, AbortedError],
    [new AuthenticationError({ message: 'x' }), 'authentication', false, AuthenticationError],
    [new ProviderError({ message: 'x' }), 'provider_error', false, ProviderError],
  ] as const;

  it.each(cases)('%s has a stable code and retryability', (error, code, retryable, type) => {
    expect(error.code).toBe(code);
    expect(error.isRetryable).toBe(retryable);
    expect(type.isInstance(error)).toBe(true);
    expect(SwitchyardError.isInstance(error)).toBe(true);
    expect(error).toBeInstanceOf(Error);
  });

  it('isInstance works across duplicate package copies (a plain object with the marker and code)', () => {
    const foreign = Object.assign(new Error('from another copy'), {
      [Symbol.for('switchyard.error')]: true,
      code: 'rate_limited',
    });
    expect(SwitchyardError.isInstance(foreign)).toBe(true);
    expect(RateLimitedError.isInstance(foreign)).toBe(true);
    expect(TimeoutError.isInstance(foreign)).toBe(false);
    expect(SwitchyardError.isInstance(new Error('plain'))).toBe(false);
    expect(SwitchyardError.isInstance(null)).toBe(false);
  });

  it('keeps its cause and serializes without it', () => {
    const cause = new Error('socket hang up');
    const error = new ProviderUnavailableError({ message: 'down', cause, provider: 'local', status: 503 });
    expect(error.cause).toBe(cause);
    expect(JSON.parse(JSON.stringify(error))).toEqual({
      name: 'ProviderUnavailableError',
      code: 'provider_unavailable',
      message: 'down',
      isRetryable: true,
      provider: 'local',
      status: 503,
    });
  });
});

describe('parseRetryAfter', () => {
  it('reads seconds, an HTTP date and retry-after-ms, in any header casing', () => {
    expect(parseRetryAfter({ 'Retry-After': '3' })).toBe(3000);
    expect(parseRetryAfter(new Headers({ 'retry-after-ms': '250' }))).toBe(250);
    expect(parseRetryAfter({ 'retry-after-ms': '250', 'retry-after': '9' })).toBe(250);
    const now = Date.parse('2026-11-28T10:00:00Z');
    expect(parseRetryAfter({ 'retry-after': 'Sat, 28 Nov 2026 10:00:05 GMT' }, now)).toBe(5000);
    expect(parseRetryAfter({ 'retry-after': 'Sat, 28 Nov 2026 09:00:00 GMT' }, now)).toBe(0);
  });

  it('ignores absent, empty, negative and garbage values', () => {
    expect(parseRetryAfter(undefined)).toBeUndefined();
    expect(parseRetryAfter({})).toBeUndefined();
    expect(parseRetryAfter({ 'retry-after': '' })).toBeUndefined();
    expect(parseRetryAfter({ 'retry-after': '-4' })).toBeUndefined();
    expect(parseRetryAfter({ 'retry-after': 'soon' })).toBeUndefined();
  });
});

describe('mapHttpError', () => {
  it.each([
    [429, 'rate_limited', true],
    [408, 'timeout', true],
    [401, 'authentication', false],
    [403, 'authentication', false],
    [500, 'provider_unavailable', true],
    [503, 'provider_unavailable', true],
    [529, 'provider_unavailable', true],
    [400, 'provider_error', false],
    [402, 'provider_error', false],
    [404, 'provider_error', false],
    [413, 'provider_error', false],
  ])('maps HTTP %i to %s', (status, code, retryable) => {
    const error = mapHttpError({ status, message: 'boom', provider: 'p' });
    expect(error.code).toBe(code);
    expect(error.isRetryable).toBe(retryable);
    expect(error.status).toBe(status);
    expect(error.message).toBe(`p: boom (HTTP ${status})`);
  });

  it('carries retry-after and recognizes context-length messages', () => {
    expect(
      mapHttpError({ status: 429, message: 'slow down', provider: 'p', headers: { 'retry-after': '7' } })
        .retryAfterMs,
    ).toBe(7000);
    expect(
      mapHttpError({
        status: 400,
        message: "This model's maximum context length is 8192 tokens",
        provider: 'p',
      }).code,
    ).toBe('context_length_exceeded');
    expect(mapHttpError({ status: 500, message: 'x', provider: 'p', contextLengthExceeded: true }).code).toBe(
      'context_length_exceeded',
    );
  });
});

describe('toSwitchyardError', () => {
  it('passes typed errors through and maps network and abort errors', () => {
    const typed = new TimeoutError({ message: 't' });
    expect(toSwitchyardError(typed)).toBe(typed);
    const refused = new TypeError('fetch failed', {
      cause: Object.assign(new Error('connect'), { code: 'ECONNREFUSED' }),
    });
    expect(toSwitchyardError(refused, 'local').code).toBe('provider_unavailable');
    const abort = new DOMException('aborted', 'AbortError');
    expect(toSwitchyardError(abort).code).toBe('aborted');
    const other = toSwitchyardError(new RangeError('bad'), 'local');
    expect(other.code).toBe('provider_error');
    expect(other.message).toBe('local: bad');
    expect(toSwitchyardError('a string').code).toBe('provider_error');
  });
});
