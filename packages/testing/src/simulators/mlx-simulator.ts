import type { ServerResponse } from 'node:http';
import { mlxLogprobs, mlxToolCalls, mlxUsage } from './mlx-wire';
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
  dropAfterFlush,
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

/** Options of `startMlxSimulator`. */
export interface MlxSimulatorOptions extends LocalSimulatorOptions {
  /** The model the server was started with (`--model`). Default `mlx-community/Qwen2.5-0.5B-Instruct-4bit`. */
  model?: string;
  /** Logprob shape: `current` (`logprobs.content`) or `legacy` (`token_logprobs`/`tokens`/`top_logprobs`). */
  logprobsShape?: 'current' | 'legacy';
  /** Highest `top_logprobs` the server accepts (`validate_model_parameters`). Default 10. */
  maxTopLogprobs?: number;
  /** How token pieces are spelled: byte-level BPE (`Ġ`) or SentencePiece (`▁`). Default `byte-level`. */
  vocabulary?: 'byte-level' | 'sentencepiece';
  /** `--max-prompt-tokens` with the `error` overflow policy: longer prompts fail. */
  maxPromptTokens?: number;
}

/** A running mlx_lm.server simulator. */
export interface MlxSimulator {
  readonly url: string;
  readonly port: number;
  readonly requests: RecordedRequest[];
  readonly script: SimulatorScript;
  setReply(reply: LocalReplySource): void;
  setDown(down: boolean): Promise<void>;
  /** Requests that named another model, which the real server would load (or download). */
  readonly modelSwaps: number;
  close(): Promise<void>;
  [Symbol.asyncDispose](): Promise<void>;
}

let sequence = 0;

/**
 * Starts a loopback simulator of `mlx_lm.server` (default port 8080): `/v1/chat/completions`,
 * `/v1/models`, `/health`, its logprob shapes (no logprobs in streams), `{"error": "..."}` bodies,
 * dropped connections for rejected parameters, and the shared scripted faults.
 *
 * @example
 * await using mlx = await startMlxSimulator({ reply: { text: 'Hi.' } });
 * const provider = createMlx({ baseURL: mlx.url });
 */
export async function startMlxSimulator(options: MlxSimulatorOptions = {}): Promise<MlxSimulator> {
  const model = options.model ?? 'mlx-community/Qwen2.5-0.5B-Instruct-4bit';
  const shape = options.logprobsShape ?? 'current';
  const maxTop = options.maxTopLogprobs ?? 10;
  const vocabulary = options.vocabulary ?? 'byte-level';
  let modelSwaps = 0;

  const chat = async (request: LocalRequest, response: ServerResponse) => {
    if (typeof request.body !== 'object' || request.body === null) {
      sendJson(response, 400, {
        error: 'Invalid JSON in request body: Expecting value: line 1 column 1 (char 0)',
      });
      return;
    }
    const body = request.body as Record<string, unknown>;
    const stream = body.stream ?? false;
    const logprobs = shape === 'legacy' ? (body.logprobs ?? -1) : (body.logprobs ?? false);
    const top = shape === 'legacy' ? -1 : (body.top_logprobs ?? -1);
    const requested = body.model ?? 'default_model';
    // validate_model_parameters raises ValueError outside any try: the client sees a dropped connection.
    const invalid =
      typeof stream !== 'boolean' ||
      typeof requested !== 'string' ||
      (shape === 'current' && typeof logprobs !== 'boolean') ||
      (shape === 'legacy' &&
        logprobs !== -1 &&
        logprobs !== true &&
        !(typeof logprobs === 'number' && logprobs > 0 && logprobs <= 10)) ||
      (top !== -1 && !(typeof top === 'number' && top > 0 && top <= maxTop));
    if (invalid) return dropConnection(response);
    const step = runtime.script.next();
    const status = stepStatus(step);
    if (status) {
      sendJson(
        response,
        status.status,
        status.body ?? { error: status.message ?? `simulated HTTP ${status.status}` },
        status.headers ?? {},
      );
      return;
    }
    const fault = stepFault(step);
    if (fault?.fault === 'drop') return dropConnection(response);
    if (requested !== 'default_model' && requested !== model) {
      // ModelProvider.load would swap to (and maybe download) this model.
      modelSwaps++;
      sendJson(response, 500, {
        error: `Repository Not Found for url: https://huggingface.co/api/models/${requested}/revision/main.`,
      });
      return;
    }
    const promptTokens = countPromptTokens(body);
    const limit = options.maxPromptTokens;
    if (fault?.fault === 'context-length' || (limit !== undefined && promptTokens > limit)) {
      const max = limit ?? Math.max(1, promptTokens - 1);
      sendJson(response, 500, {
        error: `Prompt exceeds max prompt token limit: prompt_tokens=${Math.max(promptTokens, max + 1)}, max_prompt_tokens=${max}`,
      });
      return;
    }
    if (fault?.fault === 'hang') return clientGone(response);
    const reply = resolveReply(runtime.reply, body);
    const maxTokens =
      typeof body.max_completion_tokens === 'number' ? body.max_completion_tokens : body.max_tokens;
    let pieces = tokenizeText(reply.text);
    let finish: 'stop' | 'length' | 'tool_calls' = reply.toolCalls.length > 0 ? 'tool_calls' : 'stop';
    if (typeof maxTokens === 'number' && maxTokens > 0 && pieces.length > maxTokens) {
      pieces = pieces.slice(0, maxTokens);
      finish = 'length';
    }
    const topCount =
      shape === 'legacy'
        ? typeof logprobs === 'number' && logprobs > 0
          ? logprobs
          : logprobs === true
            ? 1
            : 0
        : Math.max(0, top as number);
    // mlx_lm.server's default temperature (`--temp`) is 0.0: greedy unless the request says otherwise.
    const greedy = (typeof body.temperature === 'number' ? body.temperature : 0) === 0;
    const tokens = simulateTokens(pieces, { candidates: topCount, overrides: reply.logprobs, greedy });
    const completionTokens =
      tokens.length + reply.toolCalls.reduce((sum, call) => sum + tokenizeText(call.arguments).length + 2, 0);
    const meta = {
      id: `chatcmpl-${(++sequence).toString(16)}-sim`,
      system_fingerprint: '0.28.0-0.29.0-macOS-15.5-arm64-arm-applegpu_g15s',
      model: requested,
      created: Math.floor(Date.now() / 1000),
    };
    const delay = tokenDelayMs(options.tokensPerSecond);
    await wait(options.latencyMs ?? 0, response);
    if (!isOpen(response)) return;

    if (!stream) {
      await wait(stepSlowMs(step) + delay * tokens.length, response);
      if (!isOpen(response)) return;
      const choice: Record<string, unknown> = {
        index: 0,
        finish_reason: finish,
        message: {
          role: 'assistant',
          content: reply.text.length > 0 ? tokens.map((token) => token.text).join('') : '',
          reasoning: null,
          tool_calls: mlxToolCalls(reply.toolCalls, false),
        },
      };
      const wantsLogprobs = shape === 'legacy' ? true : logprobs === true || topCount > 0;
      if (wantsLogprobs && tokens.length > 0)
        choice.logprobs = mlxLogprobs(tokens, { shape, topLogprobs: topCount, vocabulary });
      sendJson(response, 200, {
        ...meta,
        object: 'chat.completion',
        choices: [choice],
        usage: mlxUsage(promptTokens, completionTokens),
      });
      return;
    }

    startSse(response, { 'access-control-allow-origin': '*' });
    writeSseComment(response, `keepalive ${promptTokens}/${promptTokens}`);
    await wait(stepSlowMs(step), response);
    if (!isOpen(response)) return;
    const cut = streamFault(step);
    const chunk = (delta: Record<string, unknown>, reason: string | null) =>
      JSON.stringify({
        ...meta,
        object: 'chat.completion.chunk',
        choices: [
          {
            index: 0,
            finish_reason: reason,
            delta: { role: 'assistant', content: '', reasoning: null, tool_calls: [], ...delta },
          },
        ],
      });
    let sent = 0;
    const faultNow = () => {
      if (!cut || sent < cut.afterChunks) return false;
      // A failure inside generation raises out of the handler: the connection drops.
      if (cut.kind === 'stream-error') dropAfterFlush(response);
      else response.end();
      return true;
    };
    for (const token of tokens) {
      if (faultNow()) return;
      if (delay > 0) {
        await wait(delay, response);
        if (!isOpen(response)) return;
      }
      writeSse(response, chunk({ content: token.text }, null));
      sent++;
    }
    if (cut) {
      sent = Math.max(sent, cut.afterChunks);
      if (faultNow()) return;
    }
    writeSse(response, chunk({ tool_calls: mlxToolCalls(reply.toolCalls, true) }, finish));
    const options_ = body.stream_options as { include_usage?: unknown } | undefined;
    if (options_?.include_usage === true) {
      writeSse(
        response,
        JSON.stringify({
          ...meta,
          object: 'chat.completion',
          choices: [],
          usage: mlxUsage(promptTokens, completionTokens),
        }),
      );
    }
    writeSse(response, '[DONE]');
    response.end();
  };

  const handler = async (request: LocalRequest, response: ServerResponse) => {
    const route = `${request.method} ${request.path}`;
    if (route === 'POST /v1/chat/completions' || route === 'POST /chat/completions')
      return chat(request, response);
    if (route === 'GET /health') {
      // handle_health_check writes this literal (note the space after the colon).
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end('{"status": "ok"}');
      return;
    }
    if (request.method === 'GET' && request.path.startsWith('/v1/models')) {
      sendJson(response, 200, {
        object: 'list',
        data: [{ id: model, object: 'model', created: Math.floor(Date.now() / 1000) }],
      });
      return;
    }
    response.writeHead(404, { 'content-type': 'application/json' });
    response.end('Not Found');
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
    setDown: (down) => runtime.setDown(down),
    get modelSwaps() {
      return modelSwaps;
    },
    close,
    [Symbol.asyncDispose]: close,
  };
}
