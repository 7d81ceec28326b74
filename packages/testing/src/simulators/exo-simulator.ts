import { randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { exoError, exoLogprob, exoMessage, exoUsage } from './exo-wire';
import {
  type LocalReplySource,
  countPromptTokens,
  resolveReply,
  simulateTokens,
  tokenizeText,
} from './openai-compatible-local-reply';
import {
  type LocalRequest,
  type LocalSimulatorOptions,
  clientGone,
  dropConnection,
  isOpen,
  startLocalServer,
  stepFault,
  stepSlowMs,
  stepStatus,
  streamFault,
  tokenDelayMs,
} from './openai-compatible-local-server';
import type { SimulatorScript } from './script';
import {
  type RecordedRequest,
  sendJson,
  startSse,
  wait,
  writeSse,
  writeSseComment,
} from './simulator-server';

/** Options of `startExoSimulator`. */
export interface ExoSimulatorOptions extends LocalSimulatorOptions {
  /** Model id served by the cluster. Default `mlx-community/Llama-3.2-1B-Instruct-4bit`. */
  model?: string;
  /** The model card's `context_length` (prompts beyond it fail). Default 131072. */
  contextLength?: number;
  /** Whether an instance of the model is placed and running. Default true. */
  instance?: boolean;
  /** How long `/place_instance` takes before the instance serves. Default 50 ms. */
  placementDelayMs?: number;
  /** Value of `/node_id`. */
  nodeId?: string;
}

/** A running EXO simulator. */
export interface ExoSimulator {
  readonly url: string;
  readonly port: number;
  readonly requests: RecordedRequest[];
  readonly script: SimulatorScript;
  setReply(reply: LocalReplySource): void;
  /** Places (true) or deletes (false) the model's instance. */
  setInstance(present: boolean): void;
  setDown(down: boolean): Promise<void>;
  /** `POST /place_instance` calls received. */
  readonly placements: number;
  close(): Promise<void>;
  [Symbol.asyncDispose](): Promise<void>;
}

/**
 * Starts a loopback simulator of an EXO cluster's API (default port 52415): `/v1/chat/completions`
 * (chunks with `object: "chat.completion"`, SSE comments, in-stream errors then `[DONE]`),
 * `/v1/models`, `/node_id`, `/state/instances`, `/place_instance`, 404 "No instance found for
 * model", and the shared scripted faults. There is no `/health`.
 *
 * @example
 * await using exo = await startExoSimulator({ model: 'llama-3.2-1b' });
 * const provider = createExo({ baseURL: exo.url, model: 'llama-3.2-1b' });
 */
export async function startExoSimulator(options: ExoSimulatorOptions = {}): Promise<ExoSimulator> {
  const model = options.model ?? 'mlx-community/Llama-3.2-1B-Instruct-4bit';
  const contextLength = options.contextLength ?? 131072;
  const nodeId = options.nodeId ?? '12D3KooWSimulatedNode7x9Yq3Lm2Nb8Vc4Rt6Ws1Ez5Ka';
  let instanceId: string | undefined = (options.instance ?? true) ? randomUUID() : undefined;
  let placements = 0;

  const instances = () =>
    instanceId === undefined
      ? {}
      : {
          [instanceId]: {
            MlxRingInstance: {
              instanceId,
              shardAssignments: { modelId: model, nodeToRunner: { [nodeId]: randomUUID() } },
            },
          },
        };

  const chat = async (request: LocalRequest, response: ServerResponse) => {
    const body = (typeof request.body === 'object' && request.body !== null ? request.body : {}) as Record<
      string,
      unknown
    >;
    if (typeof body.model !== 'string') {
      sendJson(response, 422, {
        detail: [{ type: 'missing', loc: ['body', 'model'], msg: 'Field required', input: body }],
      });
      return;
    }
    const step = runtime.script.next();
    const status = stepStatus(step);
    if (status) {
      sendJson(
        response,
        status.status,
        status.body ?? exoError(status.status, status.message ?? `simulated HTTP ${status.status}`),
        status.headers ?? {},
      );
      return;
    }
    if (body.model !== model || instanceId === undefined) {
      sendJson(response, 404, exoError(404, `No instance found for model ${body.model}`));
      return;
    }
    const fault = stepFault(step);
    if (fault?.fault === 'drop') return dropConnection(response);
    const stream = body.stream === true;
    const promptTokens = countPromptTokens(body);
    const tooLong = fault?.fault === 'context-length' || promptTokens > contextLength;
    // The runners are mlx-lm: a prompt past the limit fails with its message, relayed by EXO.
    const tooLongMessage = `Prompt exceeds max prompt token limit: prompt_tokens=${Math.max(promptTokens, contextLength + 1)}, max_prompt_tokens=${contextLength}`;
    if (tooLong && !stream) {
      sendJson(response, 500, exoError(500, tooLongMessage));
      return;
    }
    if (fault?.fault === 'hang') return clientGone(response);
    const reply = resolveReply(runtime.reply, body);
    const top = body.logprobs === true ? (typeof body.top_logprobs === 'number' ? body.top_logprobs : 5) : 0;
    let pieces = tokenizeText(reply.text);
    let finish: 'stop' | 'length' | 'tool_calls' = reply.toolCalls.length > 0 ? 'tool_calls' : 'stop';
    if (typeof body.max_tokens === 'number' && body.max_tokens > 0 && pieces.length > body.max_tokens) {
      pieces = pieces.slice(0, body.max_tokens);
      finish = 'length';
    }
    const tokens = simulateTokens(pieces, {
      candidates: top,
      overrides: reply.logprobs,
      greedy: body.temperature === 0,
    });
    const completionTokens = Math.max(
      1,
      tokens.length + reply.toolCalls.reduce((sum, call) => sum + tokenizeText(call.arguments).length + 2, 0),
    );
    const usage = exoUsage(promptTokens, completionTokens);
    const commandId = randomUUID();
    const created = Math.floor(Date.now() / 1000);
    const delay = tokenDelayMs(options.tokensPerSecond);
    const wrap = (choice: unknown, withUsage: boolean) => ({
      id: commandId,
      object: 'chat.completion',
      created,
      model,
      choices: [choice],
      usage: withUsage ? usage : null,
      service_tier: null,
    });

    if (!stream) {
      await wait((options.latencyMs ?? 0) + stepSlowMs(step) + delay * tokens.length, response);
      if (!isOpen(response)) return;
      const text = tokens.map((token) => token.text).join('');
      sendJson(
        response,
        200,
        wrap(
          {
            index: 0,
            message: exoMessage(text, reply.toolCalls),
            logprobs:
              top > 0 || body.logprobs === true
                ? { content: tokens.map((token) => exoLogprob(token, top)) }
                : null,
            finish_reason: finish,
          },
          true,
        ),
      );
      return;
    }

    // StreamingResponse: headers go out at once; prefill progress arrives as SSE comments.
    startSse(response);
    writeSseComment(
      response,
      `prefill_progress {"command_id":"${commandId}","processed_tokens":${promptTokens},"total_tokens":${promptTokens}}`,
    );
    await wait((options.latencyMs ?? 0) + stepSlowMs(step), response);
    if (!isOpen(response)) return;
    const errorThenDone = (message: string) => {
      writeSse(
        response,
        JSON.stringify({ error: { message, type: 'InternalServerError', param: null, code: 500 } }),
      );
      writeSse(response, '[DONE]');
      response.end();
    };
    if (tooLong) return errorThenDone(tooLongMessage);
    const cut = streamFault(step);
    let sent = 0;
    const faultNow = () => {
      if (!cut || sent < cut.afterChunks) return false;
      if (cut.kind === 'cut') response.end();
      else errorThenDone(cut.message ?? 'Runner failed during generation');
      return true;
    };
    const stats = () =>
      writeSseComment(
        response,
        `generation_stats {"prompt_tps":812.4,"generation_tps":41.7,"prompt_tokens":${promptTokens},"generation_tokens":${completionTokens},"peak_memory_usage":{"in_bytes":1073741824},"prefix_cache_hit":"none"}`,
      );
    for (let index = 0; index < tokens.length; index++) {
      if (faultNow()) return;
      if (delay > 0) {
        await wait(delay, response);
        if (!isOpen(response)) return;
      }
      const token = tokens[index]!;
      const last = index === tokens.length - 1 && reply.toolCalls.length === 0;
      writeSse(
        response,
        JSON.stringify(
          wrap(
            {
              index: 0,
              delta: exoMessage(token.text, null),
              logprobs: body.logprobs === true ? { content: [exoLogprob(token, top)] } : null,
              finish_reason: last ? finish : null,
              usage: null,
            },
            last,
          ),
        ),
      );
      sent++;
    }
    if (cut) {
      sent = Math.max(sent, cut.afterChunks);
      if (faultNow()) return;
    }
    if (reply.toolCalls.length > 0 || tokens.length === 0) {
      writeSse(
        response,
        JSON.stringify(
          wrap(
            {
              index: 0,
              delta: exoMessage(reply.toolCalls.length > 0 ? null : '', reply.toolCalls),
              logprobs: null,
              finish_reason: reply.toolCalls.length > 0 ? 'tool_calls' : finish,
              usage: null,
            },
            true,
          ),
        ),
      );
    }
    stats();
    writeSse(response, '[DONE]');
    response.end();
  };

  const handler = async (request: LocalRequest, response: ServerResponse) => {
    const route = `${request.method} ${request.path}`;
    switch (route) {
      case 'POST /v1/chat/completions':
        return chat(request, response);
      case 'GET /node_id':
        sendJson(response, 200, nodeId);
        return;
      case 'GET /models':
      case 'GET /v1/models':
        sendJson(response, 200, {
          object: 'list',
          data: [model, 'mlx-community/Qwen3-30B-A3B-4bit'].map((id, index) => ({
            id,
            object: 'model',
            created: Math.floor(Date.now() / 1000),
            owned_by: 'exo',
            hugging_face_id: id,
            name: id.split('/').at(-1),
            description: '',
            context_length: index === 0 ? contextLength : 40960,
            tags: [],
            storage_size_megabytes: index === 0 ? 696 : 16797,
            supports_tensor: true,
            tasks: ['TextGeneration'],
            is_custom: false,
            family: index === 0 ? 'llama' : 'qwen',
            quantization: '4bit',
            base_model: id,
            capabilities: ['text'],
            reasoning_dialect: 'none',
          })),
        });
        return;
      case 'GET /state':
        sendJson(response, 200, {
          instances: instances(),
          runners: {},
          tasks: {},
          topology: { nodes: [nodeId] },
        });
        return;
      case 'GET /state/instances':
        sendJson(response, 200, instances());
        return;
      case 'POST /place_instance': {
        placements++;
        const params = (request.body ?? {}) as { model_id?: unknown };
        const commandId = randomUUID();
        if (params.model_id === model) {
          setTimeout(() => {
            instanceId ??= randomUUID();
          }, options.placementDelayMs ?? 50).unref();
        }
        sendJson(response, 200, {
          message: 'Command received.',
          command_id: commandId,
          model_card: {
            model_id: params.model_id,
            storage_size: { in_bytes: 729808896 },
            n_layers: 16,
            hidden_size: 2048,
          },
        });
        return;
      }
      default:
        sendJson(response, 404, { detail: 'Not Found' });
    }
  };

  const runtime = await startLocalServer(handler, options);
  const close = () => runtime.close();
  return {
    url: runtime.url,
    port: runtime.port,
    requests: runtime.requests,
    script: runtime.script,
    setReply(reply) {
      runtime.reply = reply;
    },
    setInstance(present) {
      instanceId = present ? (instanceId ?? randomUUID()) : undefined;
    },
    setDown: (down) => runtime.setDown(down),
    get placements() {
      return placements;
    },
    close,
    [Symbol.asyncDispose]: close,
  };
}
