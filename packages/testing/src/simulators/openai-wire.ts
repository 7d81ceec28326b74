/**
 * Builders for OpenAI Chat Completions wire objects.
 *
 * Where the shapes come from:
 * - `ChatCompletion`, `ChatCompletionChunk`, `ChatCompletionTokenLogprob`, `CompletionUsage` in
 *   openai/openai-node `src/resources/chat/completions/completions.ts` and `src/resources/completions.ts`;
 * - the real responses in `__fixtures__/recorded-wire/openai-chat/` (`openai-text.json`,
 *   `openai-text.chunks.txt`): key order, `refusal: null`, `annotations: []`, `service_tier`,
 *   `system_fingerprint`, `usage: null` on every chunk when `stream_options.include_usage` is set,
 *   the final usage chunk with `choices: []`, and the `obfuscation` padding field;
 * - error bodies `{ error: { message, type, param, code } }` as openai-node's `APIError.generate`
 *   reads them, with messages as the API words them (see `openai-errors.ts`).
 */

/** A tool call the simulator answers with. `arguments` is the raw JSON text. */
export interface OpenAISimulatorToolCall {
  id: string;
  name: string;
  arguments: string;
}

/** What the OpenAI simulator answers (deterministic: logprobs and usage derive from the text). */
export interface OpenAISimulatorReply {
  text?: string;
  toolCalls?: OpenAISimulatorToolCall[];
  /** Default: `tool_calls` when there are tool calls, else `stop`. */
  finishReason?: 'stop' | 'length' | 'tool_calls' | 'content_filter';
  /** A structured-output refusal: `message.refusal` is set and `content` is null. */
  refusal?: string;
  /** Reported as `usage.prompt_tokens_details.cached_tokens` (capped at the prompt tokens). */
  cachedTokens?: number;
  /** Reported as `usage.completion_tokens_details.reasoning_tokens` and added to `completion_tokens`. */
  reasoningTokens?: number;
  /** The model named in the answer. Default: the requested model. */
  model?: string;
}

/** One element of `choices[].logprobs.content`. */
export interface OpenAIWireLogprob {
  token: string;
  logprob: number;
  bytes: number[] | null;
  top_logprobs: Array<{ token: string; logprob: number; bytes: number[] | null }>;
}

const TOKEN = /\s*\S+|\s+$/g;

/** Splits text into the simulator's "tokens" (a word with its leading space). */
export function splitOpenAITokens(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

/** A rough, deterministic token count (4 characters a token, at least 1). */
export function estimateOpenAITokens(text: string): number {
  return Math.max(1, Math.ceil(text.length / 4));
}

function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

function bytesOf(text: string): number[] {
  return [...Buffer.from(text, 'utf8')];
}

const round = (value: number) => Math.round(value * 1e6) / 1e6;

/**
 * Deterministic logprobs for tokens: the logprob of a token depends only on the token text, in
 * (-1.21, -0.01]; `topLogprobs` alternatives start with the token itself and fall off below it.
 */
export function openAILogprobsFor(tokens: string[], topLogprobs: number): OpenAIWireLogprob[] {
  return tokens.map((token) => {
    const spread = (fnv1a(token) % 1000) / 1000;
    const logprob = round(-0.01 - 1.2 * spread);
    const top: OpenAIWireLogprob['top_logprobs'] = [];
    for (let rank = 0; rank < topLogprobs; rank++) {
      const alternative = rank === 0 ? token : `${token}${'_'.repeat(rank)}`;
      top.push({
        token: alternative,
        logprob: rank === 0 ? logprob : round(logprob - 1.5 * rank - spread),
        bytes: bytesOf(alternative),
      });
    }
    return { token, logprob, bytes: bytesOf(token), top_logprobs: top };
  });
}

/** `usage` as the API reports it (`CompletionUsage`). */
export function openAIUsage(input: {
  promptTokens: number;
  completionTokens: number;
  cachedTokens?: number;
  reasoningTokens?: number;
}) {
  const reasoning = input.reasoningTokens ?? 0;
  const completion = input.completionTokens + reasoning;
  return {
    prompt_tokens: input.promptTokens,
    completion_tokens: completion,
    total_tokens: input.promptTokens + completion,
    prompt_tokens_details: {
      cached_tokens: Math.min(input.cachedTokens ?? 0, input.promptTokens),
      audio_tokens: 0,
    },
    completion_tokens_details: {
      reasoning_tokens: reasoning,
      audio_tokens: 0,
      accepted_prediction_tokens: 0,
      rejected_prediction_tokens: 0,
    },
  };
}

/** Identity shared by a completion and all chunks of one stream. */
export interface OpenAIResponseIdentity {
  id: string;
  created: number;
  model: string;
  systemFingerprint: string;
}

/** A whole non-streaming `chat.completion` body. */
export function openAICompletion(
  identity: OpenAIResponseIdentity,
  reply: OpenAISimulatorReply,
  finishReason: string,
  logprobs: OpenAIWireLogprob[] | null,
  usage: ReturnType<typeof openAIUsage>,
) {
  const toolCalls = reply.toolCalls ?? [];
  const message: Record<string, unknown> = {
    role: 'assistant',
    content: reply.refusal !== undefined || (toolCalls.length > 0 && !reply.text) ? null : (reply.text ?? ''),
  };
  if (toolCalls.length > 0) {
    message.tool_calls = toolCalls.map((call) => ({
      id: call.id,
      type: 'function',
      function: { name: call.name, arguments: call.arguments },
    }));
  }
  message.refusal = reply.refusal ?? null;
  message.annotations = [];
  return {
    id: identity.id,
    object: 'chat.completion',
    created: identity.created,
    model: identity.model,
    choices: [
      {
        index: 0,
        message,
        logprobs: logprobs === null ? null : { content: logprobs, refusal: null },
        finish_reason: finishReason,
      },
    ],
    usage,
    service_tier: 'default',
    system_fingerprint: identity.systemFingerprint,
  };
}

/** Options that shape every chunk of a stream (from the request's `stream_options`). */
export interface OpenAIChunkFormat {
  includeUsage: boolean;
  includeObfuscation: boolean;
}

const PADDING = 'Qup1BsQ3yhjoJbEFdTh';

/** One `chat.completion.chunk` with a single choice (or none, for the usage chunk). */
export function openAIChunk(
  identity: OpenAIResponseIdentity,
  format: OpenAIChunkFormat,
  choice: {
    delta: Record<string, unknown>;
    logprobs?: OpenAIWireLogprob[] | null;
    finishReason?: string | null;
  } | null,
  usage?: ReturnType<typeof openAIUsage>,
  sequence = 0,
): Record<string, unknown> {
  const chunk: Record<string, unknown> = {
    id: identity.id,
    object: 'chat.completion.chunk',
    created: identity.created,
    model: identity.model,
    service_tier: 'default',
    system_fingerprint: identity.systemFingerprint,
    choices:
      choice === null
        ? []
        : [
            {
              index: 0,
              delta: choice.delta,
              logprobs: choice.logprobs ? { content: choice.logprobs, refusal: null } : null,
              finish_reason: choice.finishReason ?? null,
            },
          ],
  };
  if (format.includeUsage) chunk.usage = usage ?? null;
  if (format.includeObfuscation) chunk.obfuscation = PADDING.slice(0, 2 + (sequence % 14));
  return chunk;
}
