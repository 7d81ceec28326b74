import type { HealthStatus, Provider, ProviderCapabilities, ProviderProbeOptions } from '@switchyard/core';
import { z } from 'zod';
import { createTransport } from '../http/create-transport';
import { getJson } from '../http/transport';
import { baseOptionShape, normalizeBaseURL } from '../options/base-options';
import { parseOptions } from '../options/parse-options';
import { createChatClient } from './create-chat-client';

const schema = z.strictObject({
  ...baseOptionShape,
  baseURL: baseOptionShape.baseURL.unwrap(),
  model: z.string().min(1, 'must not be empty'),
  /** Whether to send `model` in the body. Default true. */
  sendModel: z.boolean().optional(),
  /** Ask for a usage chunk at the end of streams. Default true. */
  streamUsage: z.boolean().optional(),
  /** Name of the `providerOptions` key. Default `openai-compatible`. */
  name: z.string().min(1, 'must not be empty').optional(),
  capabilities: z
    .strictObject({
      logprobs: z.boolean().optional(),
      tools: z.boolean().optional(),
      jsonSchema: z.boolean().optional(),
    })
    .optional(),
});

/** Options of `createOpenAICompatible`. */
export type OpenAICompatibleOptions = z.input<typeof schema>;

/**
 * A provider for any local server that speaks Chat Completions (vLLM, LM Studio, a proxy) with no
 * quirks of its own. Its health probe is `GET /v1/models`. The llama.cpp, MLX and EXO adapters are
 * built on the same pieces with their servers' differences.
 *
 * @example
 * const local = createOpenAICompatible({ id: 'vllm', baseURL: 'http://127.0.0.1:8000', model: 'qwen2.5-7b' });
 */
export function createOpenAICompatible(input: OpenAICompatibleOptions): Provider {
  const options = parseOptions(schema, input, 'createOpenAICompatible');
  const id = options.id ?? 'openai-compatible';
  const transport = createTransport({
    provider: id,
    baseURL: normalizeBaseURL(options.baseURL),
    apiKey: options.apiKey,
    headers: options.headers,
    fetch: options.fetch,
  });
  const client = createChatClient({
    id,
    model: options.model,
    transport,
    dialect: {
      name: options.name ?? 'openai-compatible',
      bodyModel: options.sendModel === false ? undefined : options.model,
      streamUsage: options.streamUsage ?? true,
    },
  });
  const capabilities: ProviderCapabilities = {
    logprobs: false,
    tools: true,
    jsonSchema: false,
    ...options.capabilities,
  };
  return {
    id,
    kind: 'local',
    model: options.model,
    ...(options.contextWindow === undefined ? {} : { contextWindow: options.contextWindow }),
    capabilities,
    chat: client.chat,
    stream: client.stream,
    async health(probe?: ProviderProbeOptions): Promise<HealthStatus> {
      try {
        await getJson(transport, '/v1/models', probe?.signal);
        return { status: 'ready' };
      } catch (error) {
        return { status: 'down', detail: error instanceof Error ? error.message : String(error) };
      }
    },
  };
}
