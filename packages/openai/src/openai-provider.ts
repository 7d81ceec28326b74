import {
  abortErrorFor,
  type ChatRequest,
  type ChatResponse,
  ConfigError,
  type HealthStatus,
  parseOptions,
  type Provider,
  type ProviderProbeOptions,
  type StreamEvent,
} from '@switchyard/core';
import OpenAI from 'openai';
import { buildChatParams, type ChatParamsContext } from './build-chat-params';
import { isReasoningModel } from './is-reasoning-model';
import { mapOpenAIError } from './map-openai-error';
import { type OpenAIProviderSettings, openAISettingsSchema } from './openai-settings';
import { toChatResponse } from './to-chat-response';
import { toStreamEvents } from './to-stream-events';
import type {
  ChatCompletion,
  ChatCompletionChunk,
  ChatCompletionCreateParamsNonStreaming,
  ChatCompletionCreateParamsStreaming,
} from 'openai/resources/chat/completions';

/** A Switchyard provider backed by the official `openai` SDK. */
export interface OpenAIProvider extends Provider {
  /** The SDK client it calls (for anything the adapter does not cover). */
  readonly client: OpenAI;
  /** Whether the model is treated as a reasoning model (no logprobs, no sampling parameters). */
  readonly reasoning: boolean;
}

function buildClient(settings: OpenAIProviderSettings): OpenAI {
  if (settings.client) return settings.client;
  try {
    return new OpenAI({
      maxRetries: 0,
      ...(settings.apiKey === undefined ? {} : { apiKey: settings.apiKey }),
      ...(settings.baseURL === undefined ? {} : { baseURL: settings.baseURL }),
      ...(settings.organization === undefined ? {} : { organization: settings.organization }),
      ...(settings.project === undefined ? {} : { project: settings.project }),
      ...(settings.headers === undefined ? {} : { defaultHeaders: settings.headers }),
      ...(settings.fetch === undefined ? {} : { fetch: settings.fetch }),
      ...(settings.timeoutMs === undefined ? {} : { timeout: settings.timeoutMs }),
    });
  } catch (error) {
    throw new ConfigError({
      message: `createOpenAI.apiKey: ${error instanceof Error ? error.message : String(error)}`,
      field: 'createOpenAI.apiKey',
      cause: error,
    });
  }
}

/**
 * Creates a provider for OpenAI's Chat Completions API (or any OpenAI-compatible cloud through
 * `baseURL`) on the official SDK. The SDK never retries (`maxRetries: 0`): the router owns retries.
 *
 * @example
 * const openai = createOpenAI({ model: 'gpt-4o-mini' }); // OPENAI_API_KEY from the environment
 * const grok = createOpenAI({ id: 'xai', model: 'grok-3-mini', baseURL: 'https://api.x.ai/v1', apiKey });
 * const router = createRouter({ providers: [local, openai] });
 */
export function createOpenAI(settings: OpenAIProviderSettings): OpenAIProvider {
  const parsed = parseOptions(openAISettingsSchema, settings, 'createOpenAI') as OpenAIProviderSettings;
  const id = parsed.id ?? 'openai';
  const model = parsed.model;
  const reasoning = parsed.reasoning ?? isReasoningModel(model);
  const client = buildClient(parsed);
  const context: ChatParamsContext = {
    id,
    model,
    reasoning,
    streamUsage: parsed.streamUsage ?? true,
    maxTokensParameter: parsed.maxTokensParameter ?? 'max_completion_tokens',
  };
  const completions = client.chat.completions;

  const provider: OpenAIProvider = {
    id,
    kind: parsed.kind ?? 'cloud',
    model,
    ...(parsed.contextWindow === undefined ? {} : { contextWindow: parsed.contextWindow }),
    capabilities: { logprobs: !reasoning, tools: true, jsonSchema: true },
    client,
    reasoning,

    async chat(request: ChatRequest): Promise<ChatResponse> {
      const signal = request.signal;
      if (signal?.aborted) throw abortErrorFor(signal, id);
      const started = performance.now();
      const params = buildChatParams(request, false, context) as ChatCompletionCreateParamsNonStreaming;
      let completion: ChatCompletion;
      try {
        completion = await completions.create(params, { signal, maxRetries: 0 });
      } catch (error) {
        throw mapOpenAIError(error, id, signal);
      }
      return toChatResponse(completion, {
        id,
        logprobs: params.logprobs === true,
        latencyMs: performance.now() - started,
      });
    },

    async *stream(request: ChatRequest): AsyncGenerator<StreamEvent, void, undefined> {
      const signal = request.signal;
      if (signal?.aborted) throw abortErrorFor(signal, id);
      const params = buildChatParams(request, true, context) as ChatCompletionCreateParamsStreaming;
      let chunks: AsyncIterable<ChatCompletionChunk>;
      try {
        chunks = await completions.create(params, { signal, maxRetries: 0 });
      } catch (error) {
        throw mapOpenAIError(error, id, signal);
      }
      yield* toStreamEvents(chunks, { id, signal, logprobs: params.logprobs === true });
    },
  };

  if (parsed.healthCheck) {
    provider.health = async (options?: ProviderProbeOptions): Promise<HealthStatus> => {
      try {
        await client.models.list({ signal: options?.signal, maxRetries: 0 });
        return { status: 'ready' };
      } catch (error) {
        return { status: 'down', detail: mapOpenAIError(error, id, options?.signal).message };
      }
    };
  }
  return provider;
}
