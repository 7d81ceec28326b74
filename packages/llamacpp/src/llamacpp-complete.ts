import { type FinishReason, InvalidRequestError, type TokenLogprob, type Usage } from '@switchyard/core';
import {
  type Transport,
  type WireLogprobEntry,
  mapLogprobContent,
  readJson,
  send,
} from '@switchyard/openai-compatible';
import { z } from 'zod';

const requestSchema = z.strictObject({
  prompt: z.string(),
  maxTokens: z.number().int().positive().optional(),
  nProbs: z.number().int().min(0).max(100).optional(),
  temperature: z.number().min(0).max(2).optional(),
  seed: z.number().int().optional(),
  stop: z.array(z.string()).optional(),
  signal: z.custom<AbortSignal>((value) => value instanceof AbortSignal, 'must be an AbortSignal').optional(),
  extra: z.record(z.string(), z.unknown()).optional(),
});

/** A raw-prompt completion for llama-server's native `/completion` (no chat template applied). */
export interface LlamaCppCompletionRequest {
  prompt: string;
  /** `n_predict`. */
  maxTokens?: number;
  /** Alternatives per token (`n_probs`); 0 or absent: no probabilities. */
  nProbs?: number;
  temperature?: number;
  seed?: number;
  stop?: string[];
  signal?: AbortSignal;
  /** Extra body fields (any llama-server sampling parameter). */
  extra?: Record<string, unknown>;
}

/** What `/completion` answered, in core terms. */
export interface LlamaCppCompletion {
  text: string;
  finishReason: FinishReason;
  usage: Usage;
  /** From `completion_probabilities`, when `nProbs` > 0. */
  logprobs?: TokenLogprob[];
  model: string;
  latencyMs: number;
}

interface CompletionBody {
  content?: unknown;
  model?: unknown;
  stop_type?: unknown;
  tokens_predicted?: unknown;
  tokens_evaluated?: unknown;
  completion_probabilities?: WireLogprobEntry[];
}

const count = (value: unknown) => (typeof value === 'number' && value > 0 ? value : 0);

/** Sends a raw prompt to `/completion` and maps the answer (`server-task.cpp` `to_json_non_oaicompat`). */
export async function completeLlamaCpp(
  transport: Transport,
  model: string,
  input: LlamaCppCompletionRequest,
): Promise<LlamaCppCompletion> {
  const parsed = requestSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = ['request', ...(issue?.path ?? []).map(String)].join('.');
    throw new InvalidRequestError({
      message: `${transport.provider}: ${field}: ${issue?.message ?? 'invalid'}`,
      field,
      provider: transport.provider,
    });
  }
  const request = parsed.data;
  const body: Record<string, unknown> = { prompt: request.prompt, stream: false };
  if (request.maxTokens !== undefined) body.n_predict = request.maxTokens;
  if (request.nProbs !== undefined) body.n_probs = request.nProbs;
  if (request.temperature !== undefined) body.temperature = request.temperature;
  if (request.seed !== undefined) body.seed = request.seed;
  if (request.stop !== undefined) body.stop = request.stop;
  if (request.extra) Object.assign(body, request.extra);
  const started = performance.now();
  const signal = request.signal;
  const response = await send(transport, '/completion', {
    method: 'POST',
    body: JSON.stringify(body),
    ...(signal ? { signal } : {}),
  });
  const json = await readJson<CompletionBody>(transport, response, signal);
  const result: LlamaCppCompletion = {
    text: typeof json.content === 'string' ? json.content : '',
    finishReason:
      json.stop_type === 'limit'
        ? 'length'
        : json.stop_type === 'eos' || json.stop_type === 'word'
          ? 'stop'
          : 'other',
    usage: {
      inputTokens: count(json.tokens_evaluated),
      outputTokens: count(json.tokens_predicted),
      cacheReadTokens: 0,
      cacheWriteTokens: 0,
    },
    model: typeof json.model === 'string' && json.model.length > 0 ? json.model : model,
    latencyMs: performance.now() - started,
  };
  if (Array.isArray(json.completion_probabilities) && json.completion_probabilities.length > 0) {
    result.logprobs = mapLogprobContent(json.completion_probabilities, {
      maxAlternatives: request.nProbs ?? 0,
    });
  }
  return result;
}
