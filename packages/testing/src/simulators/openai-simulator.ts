import { randomBytes } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import {
  openAIContextLengthError,
  openAIErrorBody,
  openAIErrorForStatus,
  openAIStreamError,
} from './openai-errors';
import { estimateOpenAIPromptTokens, isOpenAIReasoningModel, validateOpenAIRequest } from './openai-validate';
import {
  type OpenAIChunkFormat,
  type OpenAIResponseIdentity,
  type OpenAISimulatorReply,
  estimateOpenAITokens,
  openAIChunk,
  openAICompletion,
  openAILogprobsFor,
  openAIUsage,
  splitOpenAITokens,
} from './openai-wire';
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

/** The parsed JSON body of a Chat Completions request. */
export type OpenAIRequestBody = Record<string, unknown> & { model: string; messages: unknown[] };

/** A fixed reply, or one computed from each request (`index` counts chat requests from 0). */
export type OpenAISimulatorReplySource =
  | OpenAISimulatorReply
  | ((body: OpenAIRequestBody, index: number) => OpenAISimulatorReply);

export interface OpenAISimulatorOptions {
  /** Port to listen on (default: a free one). */
  port?: number;
  /** Delay before answering each chat request (before the headers), in ms. Default 0. */
  latencyMs?: number;
  /** Streaming speed: chunks are spaced `1000 / tokensPerSecond` ms apart. Default: no spacing. */
  tokensPerSecond?: number;
  /** What to answer. Default: a short fixed text. */
  reply?: OpenAISimulatorReplySource;
  /** Scripted faults, consumed one per chat request (`SimulatorStep`s or a shared `SimulatorScript`). */
  script?: SimulatorScript | SimulatorStep[];
  /** When set, requests must carry `Authorization: Bearer <apiKey>` or get the real 401 body. */
  apiKey?: string;
  /** When set, prompts (estimated at 4 characters a token) over this get `context_length_exceeded`. */
  contextWindow?: number;
  /** Which models refuse `logprobs`, `max_tokens` and sampling parameters. Default: o-series and gpt-5. */
  isReasoningModel?: (model: string) => boolean;
  /** Enforced requests-per-minute limit (429 with `retry-after` past it); reported in `x-ratelimit-*`. */
  rateLimit?: { requestsPerMinute: number; tokensPerMinute?: number };
  /** Model ids listed by `GET /v1/models`. Default `['gpt-4o-mini', 'o4-mini']`. */
  models?: string[];
}

/** A running OpenAI Chat Completions simulator. */
export interface OpenAISimulator extends SimulatorServer {
  /** The SDK's `baseURL`: `<url>/v1`. */
  readonly baseURL: string;
  /** Faults for the next chat requests. */
  readonly script: SimulatorScript;
  /** Replaces the reply from the next request on. */
  setReply(reply: OpenAISimulatorReplySource): void;
  /** Bodies of the chat requests received so far, in order. */
  chatBodies(): OpenAIRequestBody[];
}

const CHAT_PATH = /^(?:\/v1)?\/chat\/completions\/?$/;
const MODELS_PATH = /^(?:\/v1)?\/models\/?$/;
const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

function randomId(length: number): string {
  const bytes = randomBytes(length);
  let out = '';
  for (const byte of bytes) out += ALPHANUMERIC[byte % ALPHANUMERIC.length];
  return out;
}

function formatReset(ms: number): string {
  if (ms < 1000) return `${Math.max(0, Math.round(ms))}ms`;
  const seconds = ms / 1000;
  if (seconds < 60) return `${Number(seconds.toFixed(3))}s`;
  return `${Math.floor(seconds / 60)}m${Math.round(seconds % 60)}s`;
}

/**
 * Starts a loopback server speaking OpenAI's Chat Completions wire format: `POST /v1/chat/completions`
 * (JSON and SSE with `stream_options.include_usage`, tool calls, logprobs, cached-token usage),
 * `GET /v1/models`, the real error bodies and headers (`x-request-id`, `x-ratelimit-*`,
 * `retry-after` / `retry-after-ms`), request validation (reasoning models refuse `logprobs`), and the
 * shared `SimulatorStep` faults.
 *
 * @example
 * await using simulator = await startOpenAISimulator({ reply: { text: 'Hi!' } });
 * const provider = createOpenAI({ model: 'gpt-4o-mini', apiKey: 'test', baseURL: simulator.baseURL });
 */
export async function startOpenAISimulator(options: OpenAISimulatorOptions = {}): Promise<OpenAISimulator> {
  const script =
    options.script instanceof SimulatorScript ? options.script : new SimulatorScript(options.script ?? []);
  let reply: OpenAISimulatorReplySource = options.reply ?? { text: 'Hello from the OpenAI simulator.' };
  const isReasoning = options.isReasoningModel ?? isOpenAIReasoningModel;
  const chatBodies: OpenAIRequestBody[] = [];
  const recentRequests: number[] = [];
  const requestLimit = options.rateLimit?.requestsPerMinute ?? 10_000;
  const tokenLimit = options.rateLimit?.tokensPerMinute ?? 30_000_000;

  const baseHeaders = (started: number): Record<string, string> => {
    const now = Date.now();
    while (recentRequests.length > 0 && now - recentRequests[0]! >= 60_000) recentRequests.shift();
    const oldest = recentRequests[0];
    return {
      'x-request-id': `req_${randomBytes(16).toString('hex')}`,
      'openai-version': '2020-10-01',
      'openai-organization': 'org-simulator',
      'openai-processing-ms': String(Math.max(1, Math.round(performance.now() - started))),
      'x-ratelimit-limit-requests': String(requestLimit),
      'x-ratelimit-remaining-requests': String(Math.max(0, requestLimit - recentRequests.length)),
      'x-ratelimit-reset-requests': formatReset(oldest === undefined ? 0 : 60_000 - (now - oldest)),
      'x-ratelimit-limit-tokens': String(tokenLimit),
      'x-ratelimit-remaining-tokens': String(tokenLimit),
      'x-ratelimit-reset-tokens': '0s',
    };
  };

  const handler: SimulatorHandler = async (request, response) => {
    const started = performance.now();
    const path = request.path;
    const authorized =
      options.apiKey === undefined || request.headers.authorization === `Bearer ${options.apiKey}`;

    if (request.method === 'GET' && MODELS_PATH.test(path)) {
      if (!authorized) return sendJson(response, 401, openAIErrorForStatus(401, ''), baseHeaders(started));
      const data = (options.models ?? ['gpt-4o-mini', 'o4-mini']).map((id) => ({
        id,
        object: 'model',
        created: 1_715_367_049,
        owned_by: 'system',
      }));
      return sendJson(response, 200, { object: 'list', data }, baseHeaders(started));
    }
    if (request.method !== 'POST' || !CHAT_PATH.test(path)) {
      return sendJson(
        response,
        404,
        openAIErrorBody(`Invalid URL (${request.method} ${path})`, 'invalid_request_error'),
        baseHeaders(started),
      );
    }
    const body = (request.body ?? {}) as OpenAIRequestBody;
    const index = chatBodies.length;
    chatBodies.push(body);
    const model = typeof body.model === 'string' ? body.model : 'gpt-4o-mini';
    if (!authorized) return sendJson(response, 401, openAIErrorForStatus(401, model), baseHeaders(started));

    if (options.rateLimit) {
      const headers = baseHeaders(started);
      if (recentRequests.length >= requestLimit) {
        const waitMs = 60_000 - (Date.now() - recentRequests[0]!);
        return sendJson(response, 429, openAIErrorForStatus(429, model), {
          ...headers,
          'retry-after': String(Math.ceil(waitMs / 1000)),
          'retry-after-ms': String(Math.ceil(waitMs)),
        });
      }
    }
    recentRequests.push(Date.now());

    const step = script.next();
    if (step !== 'ok' && !('slowFirstTokenMs' in step)) {
      if ('status' in step) {
        const retryHeaders: Record<string, string> =
          step.status === 429 && step.headers === undefined
            ? { 'retry-after': '1', 'retry-after-ms': '1000' }
            : {};
        return sendJson(
          response,
          step.status,
          step.body ?? openAIErrorForStatus(step.status, model, step.message),
          {
            ...baseHeaders(started),
            ...retryHeaders,
            ...step.headers,
          },
        );
      }
      switch (step.fault) {
        case 'context-length': {
          const window = options.contextWindow ?? 128_000;
          return sendJson(
            response,
            400,
            openAIContextLengthError(window, window + estimateOpenAIPromptTokens(body)),
            baseHeaders(started),
          );
        }
        case 'hang':
          return;
        case 'drop':
          request.socket.destroy();
          return;
        case 'stream-error':
          if (body.stream !== true) {
            return sendJson(
              response,
              500,
              openAIErrorForStatus(500, model, step.message),
              baseHeaders(started),
            );
          }
          break;
        case 'cut':
          break;
      }
    }

    const rejection = validateOpenAIRequest(body, {
      reasoning: isReasoning(model),
      ...(options.contextWindow === undefined ? {} : { contextWindow: options.contextWindow }),
    });
    if (rejection) return sendJson(response, rejection.status, rejection.body, baseHeaders(started));

    await wait(options.latencyMs ?? 0, response);
    if (response.destroyed) return;
    const answer = typeof reply === 'function' ? reply(body, index) : reply;
    const identity: OpenAIResponseIdentity = {
      id: `chatcmpl-${randomId(29)}`,
      created: Math.floor(Date.now() / 1000),
      model: answer.model ?? model,
      systemFingerprint: 'fp_de604bd877',
    };
    const slowMs = step !== 'ok' && 'slowFirstTokenMs' in step ? step.slowFirstTokenMs : 0;
    if (body.stream === true) {
      const fault = step !== 'ok' && 'fault' in step ? step : undefined;
      return streamAnswer(response, body, answer, identity, baseHeaders(started), {
        slowMs,
        intervalMs: options.tokensPerSecond ? 1000 / options.tokensPerSecond : 0,
        ...(fault?.fault === 'cut' || fault?.fault === 'stream-error'
          ? {
              fault: fault.fault,
              afterChunks: fault.afterChunks ?? 1,
              ...(fault.fault === 'stream-error' && fault.message ? { message: fault.message } : {}),
            }
          : {}),
      });
    }
    await wait(slowMs, response);
    if (response.destroyed) return;
    const { completion } = completionParts(body, answer);
    const payload = openAICompletion(
      identity,
      answer,
      completion.finishReason,
      completion.logprobs,
      completion.usage,
    );
    if (step !== 'ok' && 'fault' in step && step.fault === 'cut') {
      // Half a body, then the connection goes away.
      const text = JSON.stringify(payload);
      response.writeHead(200, { 'content-type': 'application/json', ...baseHeaders(started) });
      response.write(text.slice(0, Math.floor(text.length / 2)));
      response.destroy();
      return;
    }
    sendJson(response, 200, payload, baseHeaders(started));
  };

  const server = await startSimulatorServer(
    handler,
    options.port === undefined ? {} : { port: options.port },
  );
  return Object.assign(server, {
    baseURL: `${server.url}/v1`,
    script,
    setReply(next: OpenAISimulatorReplySource) {
      reply = next;
    },
    chatBodies: () => [...chatBodies],
  });
}

function completionParts(body: OpenAIRequestBody, answer: OpenAISimulatorReply) {
  const tokens = splitOpenAITokens(answer.refusal ?? answer.text ?? '');
  const toolCalls = answer.toolCalls ?? [];
  const wantLogprobs = body.logprobs === true && answer.refusal === undefined;
  const logprobs = wantLogprobs ? openAILogprobsFor(tokens, Number(body.top_logprobs ?? 0)) : null;
  let completionTokens = tokens.length;
  for (const call of toolCalls) completionTokens += estimateOpenAITokens(call.name + call.arguments);
  const usage = openAIUsage({
    promptTokens: estimateOpenAIPromptTokens(body),
    completionTokens,
    ...(answer.cachedTokens === undefined ? {} : { cachedTokens: answer.cachedTokens }),
    ...(answer.reasoningTokens === undefined ? {} : { reasoningTokens: answer.reasoningTokens }),
  });
  const finishReason = answer.finishReason ?? (toolCalls.length > 0 ? 'tool_calls' : 'stop');
  return { tokens, toolCalls, completion: { finishReason, logprobs, usage } };
}

interface StreamPlan {
  slowMs: number;
  intervalMs: number;
  fault?: 'cut' | 'stream-error';
  afterChunks?: number;
  message?: string;
}

/** Pieces of a tool call's arguments, as the API streams them (a few characters at a time). */
function argumentPieces(text: string): string[] {
  const pieces: string[] = [];
  for (let start = 0; start < text.length; start += 8) pieces.push(text.slice(start, start + 8));
  return pieces;
}

async function streamAnswer(
  response: ServerResponse,
  body: OpenAIRequestBody,
  answer: OpenAISimulatorReply,
  identity: OpenAIResponseIdentity,
  headers: Record<string, string>,
  plan: StreamPlan,
): Promise<void> {
  const streamOptions = (body.stream_options ?? {}) as {
    include_usage?: unknown;
    include_obfuscation?: unknown;
  };
  const format: OpenAIChunkFormat = {
    includeUsage: streamOptions.include_usage === true,
    includeObfuscation: streamOptions.include_obfuscation !== false,
  };
  const { tokens, toolCalls, completion } = completionParts(body, answer);
  startSse(response, headers);
  await wait(plan.slowMs, response);
  let sequence = 0;
  let contentChunks = 0;
  const send = (chunk: Record<string, unknown>) => {
    if (!response.destroyed) writeSse(response, JSON.stringify(chunk));
  };
  /** Sends one content chunk; false once the plan says to stop here. */
  const content = async (choice: Parameters<typeof openAIChunk>[2]): Promise<boolean> => {
    if (plan.fault && contentChunks >= (plan.afterChunks ?? 1)) return false;
    if (contentChunks > 0) await wait(plan.intervalMs, response);
    if (response.destroyed) return false;
    send(openAIChunk(identity, format, choice, undefined, sequence++));
    contentChunks++;
    return true;
  };
  const stop = () => {
    if (response.destroyed) return;
    if (plan.fault === 'stream-error') {
      writeSse(response, JSON.stringify(openAIStreamError(plan.message)));
      writeSse(response, '[DONE]');
    }
    response.end();
  };

  if (toolCalls.length === 0) {
    send(
      openAIChunk(
        identity,
        format,
        { delta: { role: 'assistant', content: '', refusal: null } },
        undefined,
        sequence++,
      ),
    );
    const logprobs = completion.logprobs;
    for (const [index, token] of tokens.entries()) {
      const delta = answer.refusal === undefined ? { content: token } : { refusal: token };
      const sent = await content({ delta, logprobs: logprobs ? [logprobs[index]!] : null });
      if (!sent) return stop();
    }
  } else {
    let first = true;
    if (answer.text) {
      send(
        openAIChunk(
          identity,
          format,
          { delta: { role: 'assistant', content: '', refusal: null } },
          undefined,
          sequence++,
        ),
      );
      first = false;
      for (const token of tokens) if (!(await content({ delta: { content: token } }))) return stop();
    }
    for (const [index, call] of toolCalls.entries()) {
      const opening = {
        index,
        id: call.id,
        type: 'function',
        function: { name: call.name, arguments: '' },
      };
      const delta: Record<string, unknown> = first
        ? { role: 'assistant', content: null, tool_calls: [opening], refusal: null }
        : { tool_calls: [opening] };
      first = false;
      if (!(await content({ delta }))) return stop();
      for (const piece of argumentPieces(call.arguments)) {
        if (!(await content({ delta: { tool_calls: [{ index, function: { arguments: piece } }] } })))
          return stop();
      }
    }
  }
  if (plan.fault) return stop();
  if (response.destroyed) return;
  send(
    openAIChunk(
      identity,
      format,
      { delta: {}, finishReason: completion.finishReason },
      undefined,
      sequence++,
    ),
  );
  if (format.includeUsage) send(openAIChunk(identity, format, null, completion.usage, sequence++));
  if (!response.destroyed) {
    writeSse(response, '[DONE]');
    response.end();
  }
}
