import Anthropic from '@anthropic-ai/sdk';
import type {
  Message,
  MessageCreateParamsNonStreaming,
  MessageCreateParamsStreaming,
  RawMessageStreamEvent,
} from '@anthropic-ai/sdk/resources/messages';
import {
  abortErrorFor,
  type ChatRequest,
  type ChatResponse,
  collectStream,
  ConfigError,
  type HealthStatus,
  parseOptions,
  type Provider,
  type ProviderProbeOptions,
  type StreamEvent,
} from '@switchyard/core';
import { type AnthropicProviderSettings, anthropicSettingsSchema } from './anthropic-settings';
import { buildMessageParams, type MessageParamsContext } from './build-message-params';
import { mapAnthropicError } from './map-anthropic-error';
import { toChatResponse } from './to-chat-response';
import { toStreamEvents } from './to-stream-events';

/** A Switchyard provider backed by the official `@anthropic-ai/sdk`. */
export interface AnthropicProvider extends Provider {
  /** The SDK client it calls (for anything the adapter does not cover). */
  readonly client: Anthropic;
}

/** The SDK refuses non-streaming calls whose `max_tokens` could take over 10 minutes. */
const STREAMING_REQUIRED = /Streaming is required/;

function buildClient(settings: AnthropicProviderSettings): Anthropic {
  if (settings.client) return settings.client;
  try {
    return new Anthropic({
      maxRetries: 0,
      ...(settings.apiKey === undefined ? {} : { apiKey: settings.apiKey }),
      ...(settings.baseURL === undefined ? {} : { baseURL: settings.baseURL }),
      ...(settings.headers === undefined ? {} : { defaultHeaders: settings.headers }),
      ...(settings.fetch === undefined ? {} : { fetch: settings.fetch }),
      ...(settings.timeoutMs === undefined ? {} : { timeout: settings.timeoutMs }),
    });
  } catch (error) {
    throw new ConfigError({
      message: `createAnthropic: ${error instanceof Error ? error.message : String(error)}`,
      field: 'createAnthropic',
      cause: error,
    });
  }
}

/**
 * Creates a provider for Anthropic's Messages API on the official SDK. The SDK never retries
 * (`maxRetries: 0`): the router owns retries. No logprobs: confidence is unknown.
 *
 * @example
 * const claude = createAnthropic({ model: 'claude-sonnet-5', promptCaching: '5m' }); // ANTHROPIC_API_KEY
 * const router = createRouter({ providers: [local, claude] });
 */
export function createAnthropic(settings: AnthropicProviderSettings): AnthropicProvider {
  const parsed = parseOptions(
    anthropicSettingsSchema,
    settings,
    'createAnthropic',
  ) as AnthropicProviderSettings;
  const id = parsed.id ?? 'anthropic';
  const model = parsed.model;
  const client = buildClient(parsed);
  const context: MessageParamsContext = {
    id,
    model,
    maxOutputTokens: parsed.maxOutputTokens ?? 4096,
    promptCaching: parsed.promptCaching ?? false,
  };
  const messages = client.messages;

  const provider: AnthropicProvider = {
    id,
    kind: parsed.kind ?? 'cloud',
    model,
    ...(parsed.contextWindow === undefined ? {} : { contextWindow: parsed.contextWindow }),
    capabilities: { logprobs: false, tools: true, jsonSchema: true },
    client,

    async chat(request: ChatRequest): Promise<ChatResponse> {
      const signal = request.signal;
      if (signal?.aborted) throw abortErrorFor(signal, id);
      const started = performance.now();
      const params = buildMessageParams(request, false, context) as MessageCreateParamsNonStreaming;
      let message: Message;
      try {
        message = await messages.create(params, { signal, maxRetries: 0 });
      } catch (error) {
        if (error instanceof Error && STREAMING_REQUIRED.test(error.message)) {
          // Long answers must stream: stream, and hand back the whole answer.
          return collectStream(provider.stream(request), { provider: id, model });
        }
        throw mapAnthropicError(error, id, signal);
      }
      return toChatResponse(message, { id, latencyMs: performance.now() - started });
    },

    async *stream(request: ChatRequest): AsyncGenerator<StreamEvent, void, undefined> {
      const signal = request.signal;
      if (signal?.aborted) throw abortErrorFor(signal, id);
      const params = buildMessageParams(request, true, context) as MessageCreateParamsStreaming;
      let events: AsyncIterable<RawMessageStreamEvent>;
      try {
        events = await messages.create(params, { signal, maxRetries: 0 });
      } catch (error) {
        throw mapAnthropicError(error, id, signal);
      }
      yield* toStreamEvents(events, { id, signal });
    },
  };

  if (parsed.healthCheck) {
    provider.health = async (options?: ProviderProbeOptions): Promise<HealthStatus> => {
      try {
        await client.models.list({}, { signal: options?.signal, maxRetries: 0 });
        return { status: 'ready' };
      } catch (error) {
        return { status: 'down', detail: mapAnthropicError(error, id, options?.signal).message };
      }
    };
  }
  return provider;
}
