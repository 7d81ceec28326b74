import { describe, expect, it } from 'vitest';
import {
  abortErrorFor,
  type ClientErrorClasses,
  clientErrorKind,
  mapClientError,
  mapClientStreamFailure,
} from './client-errors';
import { mapHttpError } from './map-http-error';
import { RateLimitedError, TimeoutError } from './errors';

// The shape of the official SDKs' hierarchy, as an adapter's own SDK would have it.
class APIError extends Error {
  constructor(
    readonly status: number | undefined,
    readonly error: unknown,
    readonly headers: Headers,
    message = 'api error',
  ) {
    super(message);
  }
}
class APIUserAbortError extends APIError {
  constructor() {
    super(undefined, undefined, new Headers(), 'Request was aborted.');
  }
}
class APIConnectionError extends APIError {
  constructor(options: { cause?: Error } = {}) {
    super(undefined, undefined, new Headers(), 'Connection error.');
    this.cause = options.cause;
  }
}
class APIConnectionTimeoutError extends APIConnectionError {}

const classes: ClientErrorClasses = {
  abort: APIUserAbortError,
  timeout: APIConnectionTimeoutError,
  connection: APIConnectionError,
  api: APIError,
};

const mapping = {
  provider: 'cloud-a',
  classes,
  mapApiError: (error: APIError) =>
    mapHttpError({ status: error.status ?? 500, message: error.message, provider: 'cloud-a', cause: error }),
};

/** An error from another copy of the SDK: same class name, other class. */
function foreign(name: string): Error {
  const Class = { [name]: class extends Error {} }[name]!;
  return new Class('from another copy');
}

describe('abortErrorFor', () => {
  it('returns a typed reason as it is', () => {
    const controller = new AbortController();
    const reason = new TimeoutError({ message: 'deadline' });
    controller.abort(reason);
    expect(abortErrorFor(controller.signal, 'p')).toBe(reason);
  });

  it('wraps any other reason in an AbortedError that keeps it as the cause', () => {
    const controller = new AbortController();
    controller.abort('user went away');
    const error = abortErrorFor(controller.signal, 'p');
    expect(error.code).toBe('aborted');
    expect(error.provider).toBe('p');
    expect(error.cause).toBe('user went away');
  });
});

describe('clientErrorKind', () => {
  it('tells subclasses apart before their parents', () => {
    expect(clientErrorKind(new APIUserAbortError(), classes)).toBe('abort');
    expect(clientErrorKind(new APIConnectionTimeoutError(), classes)).toBe('timeout');
    expect(clientErrorKind(new APIConnectionError(), classes)).toBe('connection');
    expect(clientErrorKind(new APIError(500, {}, new Headers()), classes)).toBe('api');
  });

  it('recognizes errors from another copy of the SDK by class name or by shape', () => {
    expect(clientErrorKind(foreign('APIUserAbortError'), classes)).toBe('abort');
    expect(clientErrorKind(foreign('APIConnectionTimeoutError'), classes)).toBe('timeout');
    expect(clientErrorKind(foreign('APIConnectionError'), classes)).toBe('connection');
    const named = Object.assign(new Error('x'), { name: 'APIConnectionTimeoutError' });
    expect(clientErrorKind(named, classes)).toBe('timeout');
    const shaped = Object.assign(new Error('x'), { status: 429, error: {}, headers: {} });
    expect(clientErrorKind(shaped, classes)).toBe('api');
  });

  it('leaves anything else alone', () => {
    expect(clientErrorKind(new Error('plain'), classes)).toBeUndefined();
    expect(clientErrorKind('a string', classes)).toBeUndefined();
    expect(clientErrorKind(null, classes)).toBeUndefined();
  });
});

describe('mapClientError', () => {
  it('passes typed errors through', () => {
    const typed = new RateLimitedError({ message: 'x' });
    expect(mapClientError(typed, mapping)).toBe(typed);
  });

  it('puts an aborted signal first, whatever the SDK threw', () => {
    const controller = new AbortController();
    const reason = new TimeoutError({ message: 'deadline' });
    controller.abort(reason);
    expect(mapClientError(new APIError(500, {}, new Headers()), mapping, controller.signal)).toBe(reason);
  });

  it('maps each kind to its typed error', () => {
    expect(mapClientError(new APIUserAbortError(), mapping).code).toBe('aborted');
    const timeout = mapClientError(new APIConnectionTimeoutError(), mapping);
    expect([timeout.code, timeout.isRetryable]).toEqual(['timeout', true]);
    const refused = mapClientError(new APIConnectionError({ cause: new Error('ECONNREFUSED') }), mapping);
    expect([refused.code, refused.isRetryable]).toEqual(['provider_unavailable', true]);
    expect(refused.message).toBe('cloud-a: connection failed: ECONNREFUSED');
    const limited = mapClientError(new APIError(429, {}, new Headers()), mapping);
    expect([limited.code, limited.provider]).toEqual(['rate_limited', 'cloud-a']);
    const other = mapClientError(new TypeError('boom'), mapping);
    expect([other.code, other.provider, other.cause]).toEqual([
      'provider_error',
      'cloud-a',
      expect.any(TypeError),
    ]);
  });
});

describe('mapClientStreamFailure', () => {
  it('maps an API error reported inside the stream like any API error', () => {
    expect(mapClientStreamFailure(new APIError(529, {}, new Headers()), mapping).code).toBe(
      'provider_unavailable',
    );
  });

  it('calls anything else an interrupted stream', () => {
    const error = mapClientStreamFailure(new SyntaxError('Unexpected token'), mapping);
    expect(error.code).toBe('stream_interrupted');
    expect(error.message).toBe('cloud-a: the stream broke before it finished: Unexpected token');
  });
});
