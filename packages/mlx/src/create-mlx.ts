import type { HealthStatus, Provider, ProviderCapabilities, ProviderProbeOptions } from '@switchyard/core';
import {
  baseOptionShape,
  createChatClient,
  createTransport,
  getJson,
  normalizeBaseURL,
  parseOptions,
  send,
} from '@switchyard/openai-compatible';
import { z } from 'zod';
import { mlxDialect } from './mlx-dialect';
import { parseMlxError } from './parse-mlx-error';

const optionsSchema = z.strictObject({
  ...baseOptionShape,
  model: z.string().min(1, 'must not be empty').optional(),
  maxTopLogprobs: z.number().int().min(1).max(20).optional(),
});

/** Options of `createMlx`. */
export interface MlxOptions {
  /** Provider id. Default `mlx`. */
  id?: string;
  /** Server root. Default `http://127.0.0.1:8080` (mlx_lm.server's default). */
  baseURL?: string;
  /**
   * Name of the model the server was started with. A label only: it is never sent, because a
   * `model` other than the loaded one makes the server swap or download a model. Default `default_model`.
   */
  model?: string;
  apiKey?: string;
  headers?: Record<string, string>;
  /** The server does not report one; set it so the router can skip prompts that do not fit. */
  contextWindow?: number;
  /** Highest `top_logprobs` the server accepts. Default 10. */
  maxTopLogprobs?: number;
  fetch?: typeof fetch;
}

/** The MLX provider: core's `Provider` plus the server's model list. */
export interface MlxProvider extends Provider {
  /** Model ids from `GET /v1/models` (models in the server's Hugging Face cache, and `--model`). */
  listModels(options?: ProviderProbeOptions): Promise<string[]>;
}

/**
 * Creates a provider for `mlx_lm.server` (Apple silicon).
 *
 * @example
 * const mlx = createMlx({ model: 'mlx-community/Qwen2.5-7B-Instruct-4bit', contextWindow: 32768 });
 */
export function createMlx(input: MlxOptions = {}): MlxProvider {
  const options = parseOptions(optionsSchema, input, 'createMlx');
  const id = options.id ?? 'mlx';
  const model = options.model ?? 'default_model';
  const transport = createTransport({
    provider: id,
    baseURL: normalizeBaseURL(options.baseURL ?? 'http://127.0.0.1:8080'),
    apiKey: options.apiKey,
    headers: options.headers,
    fetch: options.fetch,
    parseError: parseMlxError,
  });
  const client = createChatClient({
    id,
    model,
    transport,
    dialect: mlxDialect({ model, maxTopLogprobs: options.maxTopLogprobs ?? 10 }),
  });
  const capabilities: ProviderCapabilities = { logprobs: true, tools: true, jsonSchema: false };
  return {
    id,
    kind: 'local',
    model,
    ...(options.contextWindow === undefined ? {} : { contextWindow: options.contextWindow }),
    capabilities,
    chat: client.chat,
    stream: client.stream,
    async health(probe?: ProviderProbeOptions): Promise<HealthStatus> {
      const signal = probe?.signal;
      try {
        const response = await send(transport, '/health', { method: 'GET', ...(signal ? { signal } : {}) });
        await response.arrayBuffer();
        return { status: 'ready' };
      } catch (error) {
        return { status: 'down', detail: error instanceof Error ? error.message : String(error) };
      }
    },
    async listModels(probe?: ProviderProbeOptions) {
      const list = await getJson<{ data?: { id?: unknown }[] }>(transport, '/v1/models', probe?.signal);
      return (list.data ?? []).flatMap((entry) => (typeof entry.id === 'string' ? [entry.id] : []));
    },
  };
}
