import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import {
  type ChatRequest,
  isDataClass,
  type RequestContext,
  type Router,
  SwitchyardError,
} from '@switchyard/core';

/** The HTTP status for each typed error: what a client of this service should branch on. */
const STATUS: Record<SwitchyardError['code'], number> = {
  invalid_request: 400,
  context_length_exceeded: 400,
  budget_exceeded: 402,
  rate_limited: 429,
  aborted: 499,
  config_error: 500,
  authentication: 502,
  provider_error: 502,
  stream_interrupted: 502,
  no_eligible_route: 503,
  provider_unavailable: 503,
  timeout: 504,
};

/** Request bodies above this are refused before parsing. */
const MAX_BODY_BYTES = 4 * 1024 * 1024;

class BadRequest extends Error {}

async function readJson(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new BadRequest(`body over ${MAX_BODY_BYTES} bytes`);
    chunks.push(chunk);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new BadRequest('body is not JSON');
  }
}

function header(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/**
 * The routing context from the caller's headers: `x-data-class` (a caller may raise the class, never
 * lower it below what the classifier finds, under the default policy), `x-workload`, `x-tenant`
 * (an audit tag) and `x-request-id`.
 */
function contextFrom(request: IncomingMessage): RequestContext {
  const dataClass = header(request, 'x-data-class');
  if (dataClass !== undefined && !isDataClass(dataClass)) {
    throw new BadRequest('x-data-class must be regulated, internal or public');
  }
  const workload = header(request, 'x-workload');
  const tenant = header(request, 'x-tenant');
  const requestId = header(request, 'x-request-id');
  return {
    ...(dataClass ? { dataClass } : {}),
    ...(workload ? { workload } : {}),
    ...(tenant ? { tags: { tenant } } : {}),
    ...(requestId ? { requestId } : {}),
  };
}

function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
) {
  response.writeHead(status, { 'content-type': 'application/json', ...headers });
  response.end(JSON.stringify(body));
}

/** A typed error as this service's error body. The message holds no prompt text. */
function errorBody(error: SwitchyardError) {
  return { error: { code: error.code, message: error.message, retryable: error.isRetryable } };
}

function sendError(response: ServerResponse, error: unknown): void {
  if (error instanceof BadRequest) {
    sendJson(response, 400, { error: { code: 'invalid_request', message: error.message, retryable: false } });
    return;
  }
  if (!SwitchyardError.isInstance(error)) {
    // Not ours: log it, and tell the client nothing it could leak.
    console.error(error);
    sendJson(response, 500, { error: { code: 'internal', message: 'internal error', retryable: false } });
    return;
  }
  const headers: Record<string, string> =
    error.retryAfterMs === undefined ? {} : { 'retry-after': String(Math.ceil(error.retryAfterMs / 1000)) };
  sendJson(response, STATUS[error.code], errorBody(error), headers);
}

function writeEvent(response: ServerResponse, event: string, data: unknown): void {
  response.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
}

/**
 * `POST /v1/chat` with `"stream": true`: server-sent events — `route` (who answers), `delta` (text),
 * `done` (the routing summary), or `error` (a typed error; once the first event is out, the HTTP
 * status is already 200).
 */
async function streamChat(
  router: Router,
  chat: ChatRequest,
  context: RequestContext,
  response: ServerResponse,
) {
  const events = router.stream(chat, context);
  let started = false;
  try {
    for await (const event of events) {
      if (!started) {
        response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store' });
        started = true;
      }
      if (event.type === 'route')
        writeEvent(response, 'route', { provider: event.provider, dataClass: event.dataClass });
      else if (event.type === 'text-delta') writeEvent(response, 'delta', { text: event.text });
      else if (event.type === 'finish') {
        const { text: _text, ...summary } = event.response;
        writeEvent(response, 'done', summary);
      }
    }
    response.end();
  } catch (error) {
    if (!started) return sendError(response, error);
    writeEvent(
      response,
      'error',
      SwitchyardError.isInstance(error) ? errorBody(error) : { error: { code: 'internal' } },
    );
    response.end();
  }
}

/**
 * An HTTP server around a router: `POST /v1/chat` (JSON or SSE), `GET /healthz` (what the router
 * knows of each provider). A client that disconnects aborts its request, which frees the provider's
 * slot. Close the server first, then `router.close()` (flushes the audit log).
 *
 * @example
 * const server = createChatServer(router).listen(3000);
 */
export function createChatServer(router: Router): Server {
  return createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (request.method === 'GET' && url.pathname === '/healthz') {
      const providers = router.status();
      const ready = providers.some(
        (provider) => provider.health !== 'down' && provider.unavailable === undefined,
      );
      sendJson(response, ready ? 200 : 503, { ready, providers });
      return;
    }
    if (url.pathname !== '/v1/chat') return sendJson(response, 404, { error: { code: 'not_found' } });
    if (request.method !== 'POST')
      return sendJson(response, 405, { error: { code: 'method_not_allowed' } }, { allow: 'POST' });

    // The client going away aborts the routed request (and the provider call behind it).
    const disconnected = new AbortController();
    response.on('close', () => {
      if (!response.writableFinished) disconnected.abort();
    });
    try {
      const body = await readJson(request);
      if (typeof body !== 'object' || body === null || Array.isArray(body))
        throw new BadRequest('body must be an object');
      const { stream, ...fields } = body as { stream?: unknown };
      // The router validates the request itself (typed `invalid_request` errors naming the field).
      const chat = { ...fields, signal: disconnected.signal } as ChatRequest;
      const context = contextFrom(request);
      if (stream === true) return await streamChat(router, chat, context, response);
      const answer = await router.chat(chat, context);
      sendJson(response, 200, answer);
    } catch (error) {
      if (!response.headersSent) sendError(response, error);
    }
  });
}
