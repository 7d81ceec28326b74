import type { ServerResponse } from 'node:http';
import {
  type LocalReply,
  countPromptTokens,
  resolveReply,
  simulateTokens,
  splitArguments,
  tokenizeText,
} from './openai-compatible-local-reply';
import {
  type LocalServerRuntime,
  clientGone,
  dropConnection,
  isOpen,
  stepFault,
  stepSlowMs,
  stepStatus,
  streamFault,
  tokenDelayMs,
} from './openai-compatible-local-server';
import type { LlamaCppCounters, SlotPool } from './llamacpp-slots';
import {
  llamaCppChunk,
  llamaCppContextError,
  llamaCppError,
  llamaCppProb,
  llamaCppTimings,
  llamaCppToolCalls,
  llamaCppUsage,
} from './llamacpp-wire';
import type { SimulatorStep } from './script';
import { sendJson, startSse, wait, writeSse } from './simulator-server';

/** What the chat and completion handlers need from the simulator. */
export interface LlamaCppContext {
  runtime: LocalServerRuntime;
  pool: SlotPool;
  counters: LlamaCppCounters;
  model: string;
  contextSize: number;
  latencyMs: number;
  tokensPerSecond: number | undefined;
  streamErrorStyle: 'data' | 'error-field';
}

let sequence = 0;
const completionId = () =>
  `chatcmpl-${(++sequence).toString(36).padStart(8, '0')}sim${Date.now().toString(36)}`;

function positiveInt(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : undefined;
}

interface Generation {
  reply: LocalReply & { text: string; toolCalls: NonNullable<LocalReply['toolCalls']> };
  tokens: ReturnType<typeof simulateTokens>;
  finishReason: 'stop' | 'length' | 'tool_calls';
  completionTokens: number;
  promptTokens: number;
}

function generate(
  context: LlamaCppContext,
  body: Record<string, unknown>,
  nProbs: number,
  promptTokens: number,
): Generation {
  const reply = resolveReply(context.runtime.reply, body);
  const limit =
    positiveInt(body.max_tokens) ?? positiveInt(body.max_completion_tokens) ?? positiveInt(body.n_predict);
  let pieces = tokenizeText(reply.text);
  let finishReason: Generation['finishReason'] = reply.toolCalls.length > 0 ? 'tool_calls' : 'stop';
  if (limit !== undefined && pieces.length > limit) {
    pieces = pieces.slice(0, limit);
    finishReason = 'length';
  }
  const tokens = simulateTokens(pieces, {
    candidates: nProbs,
    overrides: reply.logprobs,
    greedy: body.temperature === 0,
  });
  const toolTokens = reply.toolCalls.reduce(
    (sum, call) => sum + tokenizeText(call.name + call.arguments).length,
    0,
  );
  return {
    reply,
    tokens,
    finishReason,
    completionTokens: Math.max(1, tokens.length + toolTokens),
    promptTokens,
  };
}

/**
 * Runs one completion request inside a slot: scripted faults, the deferred queue, the context
 * check, latency, then `answer` (which writes the body). Returns early when the client leaves.
 */
async function inSlot(
  context: LlamaCppContext,
  body: Record<string, unknown>,
  response: ServerResponse,
  step: SimulatorStep,
  answer: (promptTokens: number, slowMs: number) => Promise<void>,
): Promise<void> {
  const status = stepStatus(step);
  if (status) {
    sendJson(
      response,
      status.status,
      status.body ?? llamaCppError(status.status, status.message ?? `simulated HTTP ${status.status}`),
      status.headers ?? {},
    );
    return;
  }
  const fault = stepFault(step);
  if (fault?.fault === 'drop') return dropConnection(response);
  const lease = await context.pool.acquire(response);
  if (!lease) return;
  try {
    const promptTokens = countPromptTokens(body);
    if (fault?.fault === 'context-length' || promptTokens >= context.contextSize) {
      const reported =
        promptTokens >= context.contextSize ? promptTokens : context.contextSize + promptTokens;
      sendJson(response, 400, llamaCppContextError(reported, context.contextSize));
      return;
    }
    if (fault?.fault === 'hang') {
      await clientGone(response);
      return;
    }
    context.counters.promptTokens += promptTokens;
    await wait(context.latencyMs, response);
    if (!isOpen(response)) return;
    await answer(promptTokens, stepSlowMs(step));
    lease.slot.nDecoded = 0;
  } finally {
    lease.release();
  }
}

/** `POST /v1/chat/completions` (and `/chat/completions`). */
export async function handleLlamaCppChat(
  context: LlamaCppContext,
  raw: unknown,
  response: ServerResponse,
): Promise<void> {
  if (typeof raw !== 'object' || raw === null) {
    sendJson(
      response,
      500,
      llamaCppError(500, '[json.exception.parse_error.101] parse error: invalid request body'),
    );
    return;
  }
  const body = raw as Record<string, unknown>;
  const stream = body.stream === true;
  const hasTools = Array.isArray(body.tools) && body.tools.length > 0;
  if (body.logprobs === true && hasTools && stream) {
    // server-common.cpp oaicompat_chat_params_parse
    sendJson(response, 400, llamaCppError(400, 'logprobs is not supported with tools + stream'));
    return;
  }
  if (body.logprobs !== true && body.top_logprobs != null) {
    sendJson(response, 400, llamaCppError(400, 'top_logprobs requires logprobs to be set to true'));
    return;
  }
  // The server default when `logprobs` is on and `top_logprobs` is absent is 20.
  const nProbs =
    body.logprobs === true ? (typeof body.top_logprobs === 'number' ? body.top_logprobs : 20) : 0;
  const includeUsage =
    (body.stream_options as { include_usage?: unknown } | undefined)?.include_usage === true;
  const step = context.runtime.script.next();
  const fault = streamFault(step);
  await inSlot(context, body, response, step, async (promptTokens, slowMs) => {
    const generation = generate(context, body, nProbs, promptTokens);
    const meta = {
      id: completionId(),
      model: typeof body.model === 'string' ? body.model : context.model,
      created: Math.floor(Date.now() / 1000),
    };
    context.counters.predictedTokens += generation.completionTokens;
    context.counters.decodeCalls += generation.completionTokens + 1;
    if (!stream) {
      await wait(slowMs + tokenDelayMs(context.tokensPerSecond) * generation.completionTokens, response);
      if (!isOpen(response)) return;
      sendJson(response, 200, chatBody(generation, meta, nProbs));
      return;
    }
    await wait(slowMs, response);
    if (!isOpen(response)) return;
    await streamChat(context, generation, meta, nProbs, includeUsage, fault, response);
  });
}

function chatBody(
  generation: Generation,
  meta: { id: string; model: string; created: number },
  nProbs: number,
) {
  const { reply } = generation;
  const text = generation.tokens.map((token) => token.text).join('');
  const message: Record<string, unknown> = { role: 'assistant', content: text };
  if (reply.toolCalls.length > 0) {
    message.content = text.length > 0 ? text : null;
    message.tool_calls = llamaCppToolCalls(reply.toolCalls);
  }
  const choice: Record<string, unknown> = { finish_reason: generation.finishReason, index: 0, message };
  if (nProbs > 0 && generation.tokens.length > 0) {
    choice.logprobs = { content: generation.tokens.map((token) => llamaCppProb(token, nProbs)) };
  }
  return {
    choices: [choice],
    created: meta.created,
    model: meta.model,
    system_fingerprint: 'b0000-simulator',
    object: 'chat.completion',
    usage: llamaCppUsage(generation.promptTokens, generation.completionTokens),
    id: meta.id,
    timings: llamaCppTimings(generation.promptTokens, generation.completionTokens),
  };
}

async function streamChat(
  context: LlamaCppContext,
  generation: Generation,
  meta: { id: string; model: string; created: number },
  nProbs: number,
  includeUsage: boolean,
  fault: ReturnType<typeof streamFault>,
  response: ServerResponse,
): Promise<void> {
  const delay = tokenDelayMs(context.tokensPerSecond);
  startSse(response);
  const send = (choice: unknown) => writeSse(response, JSON.stringify(llamaCppChunk(meta, choice)));
  let chunks = 0;
  /** Applies the scripted fault once `chunks` content chunks went out; true when the stream must stop. */
  const faulted = (): boolean => {
    if (!fault || chunks < fault.afterChunks) return false;
    if (fault.kind === 'cut') {
      response.end();
      return true;
    }
    const error = llamaCppError(500, fault.message ?? 'simulated failure during generation').error;
    if (context.streamErrorStyle === 'error-field') {
      response.write(`error: ${JSON.stringify(error)}\n\n`);
      writeSse(response, '[DONE]');
    } else {
      writeSse(response, JSON.stringify({ error }));
    }
    response.end();
    return true;
  };
  send({ finish_reason: null, index: 0, delta: { role: 'assistant', content: null } });
  for (const token of generation.tokens) {
    if (faulted()) return;
    if (delay > 0) {
      await wait(delay, response);
      if (!isOpen(response)) return;
    }
    const choice: Record<string, unknown> = { finish_reason: null, index: 0, delta: { content: token.text } };
    if (nProbs > 0) choice.logprobs = { content: [llamaCppProb(token, nProbs)] };
    send(choice);
    chunks++;
  }
  for (const [index, call] of generation.reply.toolCalls.entries()) {
    if (faulted()) return;
    send({
      finish_reason: null,
      index: 0,
      delta: {
        tool_calls: [{ index, id: call.id, type: 'function', function: { name: call.name, arguments: '' } }],
      },
    });
    chunks++;
    for (const piece of splitArguments(call.arguments)) {
      if (faulted()) return;
      send({
        finish_reason: null,
        index: 0,
        delta: { tool_calls: [{ index, function: { arguments: piece } }] },
      });
      chunks++;
    }
  }
  if (fault) {
    // A fault past the last content chunk still lands before the finish.
    chunks = Math.max(chunks, fault.afterChunks);
    if (faulted()) return;
  }
  const timings = llamaCppTimings(generation.promptTokens, generation.completionTokens);
  const finish = llamaCppChunk(meta, { finish_reason: generation.finishReason, index: 0, delta: {} });
  if (includeUsage) {
    writeSse(response, JSON.stringify(finish));
    writeSse(
      response,
      JSON.stringify({
        ...llamaCppChunk(meta, undefined),
        choices: [],
        usage: llamaCppUsage(generation.promptTokens, generation.completionTokens),
        timings,
      }),
    );
  } else {
    writeSse(response, JSON.stringify({ ...finish, timings }));
  }
  writeSse(response, '[DONE]');
  response.end();
}

/** `POST /completion`: the native endpoint for raw prompts, with `n_probs` → `completion_probabilities`. */
export async function handleLlamaCppCompletion(
  context: LlamaCppContext,
  raw: unknown,
  response: ServerResponse,
): Promise<void> {
  if (
    typeof raw !== 'object' ||
    raw === null ||
    (typeof (raw as { prompt?: unknown }).prompt !== 'string' &&
      !Array.isArray((raw as { prompt?: unknown }).prompt))
  ) {
    sendJson(response, 400, llamaCppError(400, '"prompt" must be provided'));
    return;
  }
  const body = raw as Record<string, unknown>;
  const nProbs = typeof body.n_probs === 'number' && body.n_probs > 0 ? body.n_probs : 0;
  await inSlot(context, body, response, context.runtime.script.next(), async (promptTokens, slowMs) => {
    const generation = generate(context, body, nProbs, promptTokens);
    context.counters.predictedTokens += generation.completionTokens;
    await wait(slowMs + tokenDelayMs(context.tokensPerSecond) * generation.completionTokens, response);
    if (!isOpen(response)) return;
    const text = generation.tokens.map((token) => token.text).join('');
    // server-task.cpp server_task_result_cmpl_final::to_json_non_oaicompat
    const out: Record<string, unknown> = {
      index: 0,
      content: text,
      tokens: [],
      id_slot: 0,
      stop: true,
      model: typeof body.model === 'string' ? body.model : context.model,
      tokens_predicted: generation.tokens.length,
      tokens_evaluated: promptTokens,
      generation_settings: {
        n_predict: positiveInt(body.n_predict) ?? -1,
        n_probs: nProbs,
        temperature: 0.8,
      },
      prompt: typeof body.prompt === 'string' ? body.prompt : '',
      has_new_line: text.includes('\n'),
      truncated: false,
      stop_type: generation.finishReason === 'length' ? 'limit' : 'eos',
      stopping_word: '',
      tokens_cached: promptTokens + generation.tokens.length,
      timings: llamaCppTimings(promptTokens, generation.tokens.length),
    };
    if (nProbs > 0)
      out.completion_probabilities = generation.tokens.map((token) => llamaCppProb(token, nProbs));
    sendJson(response, 200, out);
  });
}
