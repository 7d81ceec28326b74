import type { ServerResponse } from 'node:http';
import { type LlamaCppContext, handleLlamaCppChat, handleLlamaCppCompletion } from './llamacpp-chat';
import {
  type LlamaCppCounters,
  type SlotLease,
  createSlotPool,
  renderMetrics,
  renderSlots,
} from './llamacpp-slots';
import { llamaCppError } from './llamacpp-wire';
import type { LocalReplySource } from './openai-compatible-local-reply';
import {
  type LocalRequest,
  type LocalSimulatorOptions,
  startLocalServer,
} from './openai-compatible-local-server';
import type { SimulatorScript } from './script';
import { type RecordedRequest, sendJson } from './simulator-server';

/** Options of `startLlamaCppSimulator`. */
export interface LlamaCppSimulatorOptions extends LocalSimulatorOptions {
  /** Model alias reported when a request names none. Default `qwen2.5-0.5b-instruct-q4_k_m`. */
  model?: string;
  /** Parallel slots (`--parallel`). Requests beyond them wait in the deferred queue. Default 4. */
  slots?: number;
  /** Context size per slot (`n_ctx`); prompts at or above it get `exceed_context_size_error`. Default 4096. */
  contextSize?: number;
  /** Start in the model-loading state (every endpoint but `/v1/models` answers 503 "Loading model"). */
  loading?: boolean;
  /** Which optional endpoints are on: `/slots` (default on, `--no-slots`), `/metrics` (default off, `--metrics`). */
  endpoints?: { slots?: boolean; metrics?: boolean };
  /** Require `Authorization: Bearer <apiKey>` (`--api-key`). */
  apiKey?: string;
  /**
   * How an error in the middle of a stream is written: `data` = `data: {"error": {...}}` (current
   * builds), `error-field` = `error: {...}` then `data: [DONE]` (older builds). Default `data`.
   */
  streamErrorStyle?: 'data' | 'error-field';
}

/** A running llama-server simulator. */
export interface LlamaCppSimulator {
  readonly url: string;
  readonly port: number;
  /** Every request received, in order (across down/up). */
  readonly requests: RecordedRequest[];
  /** Scripted faults, consumed one per completion request. */
  readonly script: SimulatorScript;
  /** What completions answer from now on. */
  setReply(reply: LocalReplySource): void;
  /** Switches the model-loading state (`/health` 503 "Loading model"). */
  setLoading(loading: boolean): void;
  /** Stops listening (connections refused: the server is down) or listens again on the same port. */
  setDown(down: boolean): Promise<void>;
  /**
   * Takes `count` slots (default: all) as if long requests held them, so the server reports itself
   * full; requests beyond the free slots wait in the deferred queue. Returns the release function.
   */
  occupySlots(count?: number): () => void;
  /** Slots as `/slots` and `/metrics` report them. */
  readonly slots: { readonly total: number; readonly processing: number; readonly deferred: number };
  close(): Promise<void>;
  [Symbol.asyncDispose](): Promise<void>;
}

/**
 * Starts a loopback simulator of llama.cpp's `llama-server` (ggml-org/llama.cpp `tools/server`):
 * `/v1/chat/completions` (logprobs, tools, streaming, usage chunk), `/completion` (`n_probs` →
 * `completion_probabilities`), `/health`, `/props`, `/slots`, `/metrics`, `/v1/models`, its error
 * bodies and statuses, slots with a deferred queue, and the shared scripted faults.
 *
 * @example
 * await using llama = await startLlamaCppSimulator({ slots: 2, reply: { text: 'Hi.' } });
 * const provider = createLlamaCpp({ baseURL: llama.url });
 */
export async function startLlamaCppSimulator(
  options: LlamaCppSimulatorOptions = {},
): Promise<LlamaCppSimulator> {
  const total = options.slots ?? 4;
  if (!Number.isInteger(total) || total < 1)
    throw new TypeError('startLlamaCppSimulator: options.slots must be a positive integer');
  const pool = createSlotPool(total);
  const counters: LlamaCppCounters = { promptTokens: 0, predictedTokens: 0, decodeCalls: 0 };
  const contextSize = options.contextSize ?? 4096;
  const model = options.model ?? 'qwen2.5-0.5b-instruct-q4_k_m';
  const endpoints = { slots: options.endpoints?.slots ?? true, metrics: options.endpoints?.metrics ?? false };
  let loading = options.loading ?? false;
  const context = {} as LlamaCppContext;

  const handler = async (request: LocalRequest, response: ServerResponse) => {
    const path = request.path;
    const isModels = path === '/models' || path === '/v1/models' || path === '/api/tags';
    if (loading && !isModels) {
      // server.cpp middleware_server_state: everything but the model list waits for the model.
      sendJson(response, 503, llamaCppError(503, 'Loading model'));
      return;
    }
    const isPublic = isModels || path === '/health' || path === '/v1/health';
    if (options.apiKey && !isPublic && request.headers.authorization !== `Bearer ${options.apiKey}`) {
      sendJson(response, 401, llamaCppError(401, 'Invalid API Key'));
      return;
    }
    const query = new URL(request.url ?? '/', 'http://localhost').searchParams;
    switch (`${request.method} ${path}`) {
      case 'GET /health':
      case 'GET /v1/health':
        sendJson(response, 200, { status: 'ok' });
        return;
      case 'GET /models':
      case 'GET /v1/models':
        sendJson(response, 200, {
          object: 'list',
          data: [
            {
              id: model,
              object: 'model',
              created: Math.floor(Date.now() / 1000),
              owned_by: 'llamacpp',
              meta: {
                vocab_type: 2,
                n_vocab: 151936,
                n_ctx_train: 32768,
                n_embd: 896,
                n_params: 494032768,
                size: 397808192,
              },
            },
          ],
        });
        return;
      case 'GET /props':
        sendJson(response, 200, {
          default_generation_settings: {
            params: { n_predict: -1, temperature: 0.800000011920929, top_k: 40 },
            n_ctx: contextSize,
          },
          total_slots: total,
          model_alias: model,
          model_path: `/models/${model}.gguf`,
          modalities: { vision: false, audio: false },
          endpoint_slots: endpoints.slots,
          endpoint_props: false,
          endpoint_metrics: endpoints.metrics,
          webui: true,
          chat_template: '{{ messages }}',
          bos_token: '<|endoftext|>',
          eos_token: '<|im_end|>',
          build_info: 'b0000-simulator',
        });
        return;
      case 'GET /slots':
        if (!endpoints.slots) {
          sendJson(
            response,
            501,
            llamaCppError(501, 'This server does not support slots endpoint. Start it with `--slots`'),
          );
          return;
        }
        if (query.get('fail_on_no_slot') && pool.processing >= total) {
          sendJson(response, 503, llamaCppError(503, 'no slot available'));
          return;
        }
        sendJson(response, 200, renderSlots(pool, contextSize));
        return;
      case 'GET /metrics': {
        if (!endpoints.metrics) {
          sendJson(
            response,
            501,
            llamaCppError(501, 'This server does not support metrics endpoint. Start it with `--metrics`'),
          );
          return;
        }
        const text = renderMetrics(pool, counters);
        response.writeHead(200, {
          'content-type': 'text/plain; version=0.0.4',
          'content-length': Buffer.byteLength(text),
        });
        response.end(text);
        return;
      }
      case 'POST /v1/chat/completions':
      case 'POST /chat/completions':
        await handleLlamaCppChat(context, request.body, response);
        return;
      case 'POST /completion':
      case 'POST /completions':
        await handleLlamaCppCompletion(context, request.body, response);
        return;
      default:
        sendJson(response, 404, llamaCppError(404, 'File Not Found'));
    }
  };

  const runtime = await startLocalServer(handler, options);
  Object.assign(context, {
    runtime,
    pool,
    counters,
    model,
    contextSize,
    latencyMs: options.latencyMs ?? 0,
    tokensPerSecond: options.tokensPerSecond,
    streamErrorStyle: options.streamErrorStyle ?? 'data',
  } satisfies LlamaCppContext);

  const close = () => runtime.close();
  return {
    url: runtime.url,
    port: runtime.port,
    requests: runtime.requests,
    script: runtime.script,
    setReply(reply) {
      runtime.reply = reply;
    },
    setLoading(value) {
      loading = value;
    },
    setDown: (down) => runtime.setDown(down),
    occupySlots(count = total) {
      const leases: Promise<SlotLease | undefined>[] = [];
      for (let index = 0; index < count; index++) leases.push(pool.acquire());
      let released = false;
      return () => {
        if (released) return;
        released = true;
        for (const lease of leases) void lease.then((held) => held?.release());
      };
    },
    slots: {
      total,
      get processing() {
        return pool.processing;
      },
      get deferred() {
        return pool.deferred;
      },
    },
    close,
    [Symbol.asyncDispose]: close,
  };
}
