import { randomBytes, randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { anthropicErrorForStatus, anthropicPromptTooLong, anthropicStreamError } from './anthropic-errors';
import { type AnthropicPromptCache, createAnthropicPromptCache } from './anthropic-prompt-cache';
import { estimateAnthropicPromptTokens, validateAnthropicRequest } from './anthropic-validate';
import {
  type AnthropicSimulatorReply,
  type AnthropicTokenCounts,
  anthropicMessage,
  anthropicMessageDelta,
  anthropicMessageStart,
  estimateAnthropicTokens,
  splitAnthropicTokens,
} from './anthropic-wire';
import { SimulatorScript, type SimulatorStep } from './script';
import {
  type SimulatorHandler,
  type SimulatorServer,
  sendJson,
  startSimulatorServer,
  startSse,
  wait,
  writeSse,
} from './simulator-server';

/** The parsed JSON body of a Messages request. */
export type AnthropicRequestBody = Record<string, unknown> & { model: string; messages: unknown[] };

/** A fixed reply, or one computed from each request (`index` counts message requests from 0). */
export type AnthropicSimulatorReplySource =
  | AnthropicSimulatorReply
  | ((body: AnthropicRequestBody, index: number) => AnthropicSimulatorReply);

export interface AnthropicSimulatorOptions {
  /** Port to listen on (default: a free one). */
  port?: number;
  /** Delay before answering each request (before the headers), in ms. Default 0. */
  latencyMs?: number;
  /** Streaming speed: deltas are spaced `1000 / tokensPerSecond` ms apart. Default: no spacing. */
  tokensPerSecond?: number;
  /** What to answer. Default: a short fixed text. */
  reply?: AnthropicSimulatorReplySource;
  /** Scripted faults, consumed one per `POST /v1/messages`. */
  script?: SimulatorScript | SimulatorStep[];
  /** When set, requests must carry this key (`x-api-key`, or `Authorization: Bearer`) or get the real 401 body. */
  apiKey?: string;
  /** When set, prompts over this many (estimated) tokens get "prompt is too long". */
  contextWindow?: number;
  /** Shortest prefix the prompt cache stores (tokens, estimated at 4 characters a token). Default 1024. */
  minCacheableTokens?: number;
  /** Enforced requests-per-minute limit (429 `rate_limit_error` with `retry-after` past it). */
  rateLimit?: { requestsPerMinute: number };
  /** Model ids listed by `GET /v1/models`. Default `['claude-sonnet-5', 'claude-haiku-4-5']`. */
  models?: string[];
}

/** A running Anthropic Messages API simulator. */
export interface AnthropicSimulator extends SimulatorServer {
  /** The SDK's `baseURL` (the server's origin; the SDK adds `/v1/messages`). */
  readonly baseURL: string;
  readonly script: SimulatorScript;
  setReply(reply: AnthropicSimulatorReplySource): void;
  /** Bodies of the message requests received so far, in order. */
  messageBodies(): AnthropicRequestBody[];
  /** Forgets every cached prompt prefix. */
  clearPromptCache(): void;
}

const MESSAGES_PATH = /^(?:\/v1)?\/messages\/?$/;
const MODELS_PATH = /^(?:\/v1)?\/models\/?$/;
const BASE62 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

function randomId(prefix: string, length = 24): string {
  let out = prefix;
  for (const byte of randomBytes(length)) out += BASE62[byte % BASE62.length];
  return out;
}

/**
 * Starts a loopback server speaking Anthropic's Messages API: `POST /v1/messages` (JSON and SSE
 * with every event type, `ping`s and a mid-stream `event: error`), prompt caching with the
 * 5-minute / 1-hour split, `GET /v1/models`, the real error bodies and headers (`request-id`,
 * `anthropic-ratelimit-*`, `retry-after`), request validation (`max_tokens` required, at most four
 * `cache_control` breakpoints), and the shared `SimulatorStep` faults.
 *
 * @example
 * await using simulator = await startAnthropicSimulator({ reply: { text: 'Hi!' } });
 * const provider = createAnthropic({ model: 'claude-sonnet-5', apiKey: 'test', baseURL: simulator.baseURL });
 */
export async function startAnthropicSimulator(
  options: AnthropicSimulatorOptions = {},
): Promise<AnthropicSimulator> {
  const script =
    options.script instanceof SimulatorScript ? options.script : new SimulatorScript(options.script ?? []);
  let reply: AnthropicSimulatorReplySource = options.reply ?? { text: 'Hello from the Anthropic simulator.' };
  const cache: AnthropicPromptCache = createAnthropicPromptCache(options.minCacheableTokens ?? 1024);
  const bodies: AnthropicRequestBody[] = [];
  const recent: number[] = [];
  const requestLimit = options.rateLimit?.requestsPerMinute ?? 4_000;
  const organization = randomUUID();

  const headers = (): Record<string, string> => {
    const now = Date.now();
    while (recent.length > 0 && now - recent[0]! >= 60_000) recent.shift();
    const reset = new Date((recent[0] ?? now) + 60_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
    return {
      'request-id': randomId('req_011C', 20),
      'anthropic-organization-id': organization,
      'anthropic-ratelimit-requests-limit': String(requestLimit),
      'anthropic-ratelimit-requests-remaining': String(Math.max(0, requestLimit - recent.length)),
      'anthropic-ratelimit-requests-reset': reset,
      'anthropic-ratelimit-input-tokens-limit': '2000000',
      'anthropic-ratelimit-input-tokens-remaining': '2000000',
      'anthropic-ratelimit-input-tokens-reset': reset,
      'anthropic-ratelimit-output-tokens-limit': '400000',
      'anthropic-ratelimit-output-tokens-remaining': '400000',
      'anthropic-ratelimit-output-tokens-reset': reset,
      'anthropic-ratelimit-tokens-limit': '2400000',
      'anthropic-ratelimit-tokens-remaining': '2400000',
      'anthropic-ratelimit-tokens-reset': reset,
    };
  };
  const fail = (
    response: ServerResponse,
    status: number,
    message?: string,
    extra: Record<string, string> = {},
  ) => {
    const base = headers();
    sendJson(response, status, anthropicErrorForStatus(status, message, base['request-id']), {
      ...base,
      ...extra,
    });
  };

  const handler: SimulatorHandler = async (request, response) => {
    const path = request.path;
    // The API takes the key as `x-api-key`, or as a bearer token (how SDK 1.x sends it).
    const bearer = request.headers.authorization;
    const key =
      request.headers['x-api-key'] ??
      (typeof bearer === 'string' && bearer.startsWith('Bearer ') ? bearer.slice(7) : undefined);
    const authorized = options.apiKey === undefined ? true : key === options.apiKey;
    if (request.method === 'GET' && MODELS_PATH.test(path)) {
      if (!authorized) return fail(response, 401);
      const data = (options.models ?? ['claude-sonnet-5', 'claude-haiku-4-5']).map((id) => ({
        type: 'model',
        id,
        display_name: id,
        created_at: '2025-09-29T00:00:00Z',
      }));
      return sendJson(
        response,
        200,
        { data, has_more: false, first_id: data[0]?.id ?? null, last_id: data.at(-1)?.id ?? null },
        headers(),
      );
    }
    if (request.method !== 'POST' || !MESSAGES_PATH.test(path)) return fail(response, 404, 'Not found');
    const body = (request.body ?? {}) as AnthropicRequestBody;
    const index = bodies.length;
    bodies.push(body);
    if (key === undefined) {
      return fail(response, 401, 'x-api-key header is required');
    }
    if (!authorized) return fail(response, 401);
    if (request.headers['anthropic-version'] === undefined) {
      return fail(response, 400, 'anthropic-version: header is required');
    }
    if (options.rateLimit) {
      headers();
      if (recent.length >= requestLimit) {
        const waitMs = 60_000 - (Date.now() - recent[0]!);
        return fail(response, 429, undefined, {
          'retry-after': String(Math.max(1, Math.ceil(waitMs / 1000))),
        });
      }
    }
    recent.push(Date.now());

    const step = script.next();
    if (step !== 'ok' && !('slowFirstTokenMs' in step)) {
      if ('status' in step) {
        const base = headers();
        const retry: Record<string, string> =
          step.status === 429 && step.headers === undefined ? { 'retry-after': '1' } : {};
        return sendJson(
          response,
          step.status,
          step.body ?? anthropicErrorForStatus(step.status, step.message, base['request-id']),
          { ...base, ...retry, ...step.headers },
        );
      }
      switch (step.fault) {
        case 'context-length': {
          const window = options.contextWindow ?? 200_000;
          const base = headers();
          return sendJson(
            response,
            400,
            anthropicPromptTooLong(window + estimateAnthropicPromptTokens(body), window, base['request-id']),
            base,
          );
        }
        case 'hang':
          return;
        case 'drop':
          request.socket.destroy();
          return;
        case 'stream-error':
          if (body.stream !== true) return fail(response, 529, step.message);
          break;
        case 'cut':
          break;
      }
    }

    const rejection = validateAnthropicRequest(
      body,
      options.contextWindow === undefined ? {} : { contextWindow: options.contextWindow },
    );
    if (rejection) {
      const base = headers();
      return sendJson(
        response,
        rejection.status,
        { ...rejection.body, request_id: base['request-id'] },
        base,
      );
    }

    await wait(options.latencyMs ?? 0, response);
    if (response.destroyed) return;
    const answer = typeof reply === 'function' ? reply(body, index) : reply;
    const model = answer.model ?? body.model;
    const account = cache.account(body);
    const textTokens = splitAnthropicTokens(answer.text ?? '');
    let outputTokens = textTokens.length + (answer.thinking ? estimateAnthropicTokens(answer.thinking) : 0);
    for (const call of answer.toolCalls ?? [])
      outputTokens += estimateAnthropicTokens(call.name + call.arguments);
    if (answer.refusal) outputTokens = Math.max(1, outputTokens);
    const counts: AnthropicTokenCounts = {
      inputTokens: account.inputTokens,
      cacheCreationTokens: account.cacheCreation5mTokens + account.cacheCreation1hTokens,
      cacheReadTokens: account.cacheReadTokens,
      cacheCreation5mTokens: account.cacheCreation5mTokens,
      cacheCreation1hTokens: account.cacheCreation1hTokens,
      outputTokens: Math.max(1, outputTokens),
    };
    const id = randomId('msg_01');
    const slowMs = step !== 'ok' && 'slowFirstTokenMs' in step ? step.slowFirstTokenMs : 0;
    const fault =
      step !== 'ok' && 'fault' in step && (step.fault === 'cut' || step.fault === 'stream-error')
        ? step
        : undefined;
    if (body.stream === true) {
      return streamAnswer(response, id, model, answer, textTokens, counts, headers(), {
        slowMs,
        intervalMs: options.tokensPerSecond ? 1000 / options.tokensPerSecond : 0,
        ...(fault ? { fault: fault.fault, afterChunks: fault.afterChunks ?? 1 } : {}),
        ...(fault?.fault === 'stream-error' && fault.message ? { message: fault.message } : {}),
      });
    }
    await wait(slowMs, response);
    if (response.destroyed) return;
    const payload = anthropicMessage(id, model, answer, counts);
    if (fault?.fault === 'cut') {
      const text = JSON.stringify(payload);
      response.writeHead(200, { 'content-type': 'application/json', ...headers() });
      response.write(text.slice(0, Math.floor(text.length / 2)));
      response.destroy();
      return;
    }
    sendJson(response, 200, payload, headers());
  };

  const server = await startSimulatorServer(
    handler,
    options.port === undefined ? {} : { port: options.port },
  );
  return Object.assign(server, {
    baseURL: server.url,
    script,
    setReply(next: AnthropicSimulatorReplySource) {
      reply = next;
    },
    messageBodies: () => [...bodies],
    clearPromptCache: () => cache.clear(),
  });
}

interface StreamPlan {
  slowMs: number;
  intervalMs: number;
  fault?: 'cut' | 'stream-error';
  afterChunks?: number;
  message?: string;
}

function argumentPieces(text: string): string[] {
  const pieces: string[] = [];
  for (let start = 0; start < text.length; start += 12) pieces.push(text.slice(start, start + 12));
  return pieces;
}

async function streamAnswer(
  response: ServerResponse,
  id: string,
  model: string,
  answer: AnthropicSimulatorReply,
  textTokens: string[],
  counts: AnthropicTokenCounts,
  headers: Record<string, string>,
  plan: StreamPlan,
): Promise<void> {
  startSse(response, headers);
  await wait(plan.slowMs, response);
  const event = (payload: { type: string; [key: string]: unknown }) => {
    if (!response.destroyed) writeSse(response, JSON.stringify(payload), payload.type);
  };
  let deltas = 0;
  let pinged = false;
  /** Sends one content delta; false once the plan says to stop here. */
  const delta = async (index: number, payload: Record<string, unknown>): Promise<boolean> => {
    if (plan.fault && deltas >= (plan.afterChunks ?? 1)) return false;
    if (deltas > 0) await wait(plan.intervalMs, response);
    if (response.destroyed) return false;
    event({ type: 'content_block_delta', index, delta: payload });
    deltas++;
    return true;
  };
  const stop = () => {
    if (response.destroyed) return;
    if (plan.fault === 'stream-error') event({ ...anthropicStreamError(plan.message) });
    response.end();
  };
  const ping = () => {
    if (!pinged) event({ type: 'ping' });
    pinged = true;
  };

  event(anthropicMessageStart(id, model, counts));
  let index = 0;
  if (answer.refusal) ping();
  if (!answer.refusal && answer.thinking) {
    event({
      type: 'content_block_start',
      index,
      content_block: { type: 'thinking', thinking: '', signature: '' },
    });
    ping();
    if (!(await delta(index, { type: 'thinking_delta', thinking: answer.thinking }))) return stop();
    event({
      type: 'content_block_delta',
      index,
      delta: { type: 'signature_delta', signature: 'c2lnbmF0dXJl' },
    });
    event({ type: 'content_block_stop', index });
    index++;
  }
  if (!answer.refusal && answer.text) {
    event({ type: 'content_block_start', index, content_block: { type: 'text', text: '' } });
    ping();
    for (const token of textTokens) {
      if (!(await delta(index, { type: 'text_delta', text: token }))) return stop();
    }
    event({ type: 'content_block_stop', index });
    index++;
  }
  for (const call of answer.refusal ? [] : (answer.toolCalls ?? [])) {
    event({
      type: 'content_block_start',
      index,
      content_block: { type: 'tool_use', id: call.id, name: call.name, input: {} },
    });
    ping();
    event({ type: 'content_block_delta', index, delta: { type: 'input_json_delta', partial_json: '' } });
    const text = call.arguments === '{}' ? '' : call.arguments;
    for (const piece of argumentPieces(text)) {
      if (!(await delta(index, { type: 'input_json_delta', partial_json: piece }))) return stop();
    }
    event({ type: 'content_block_stop', index });
    index++;
  }
  if (plan.fault) return stop();
  event(anthropicMessageDelta(answer, model, counts));
  event({ type: 'message_stop' });
  if (!response.destroyed) response.end();
}
