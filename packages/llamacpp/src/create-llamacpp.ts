import type { Provider, ProviderCapabilities } from '@switchyard/core';
import {
  baseOptionShape,
  createChatClient,
  createTransport,
  normalizeBaseURL,
  parseOptions,
} from '@switchyard/openai-compatible';
import { z } from 'zod';
import {
  type LlamaCppCompletion,
  type LlamaCppCompletionRequest,
  completeLlamaCpp,
} from './llamacpp-complete';
import { llamaCppDialect } from './llamacpp-dialect';
import { type LlamaCppServerInfo, createLlamaCppProbes } from './llamacpp-probes';
import { parseLlamaCppError } from './parse-llamacpp-error';

const optionsSchema = z.strictObject({
  ...baseOptionShape,
  /** Sent as `model` when given (llama-server's router mode picks the model by it). */
  model: z.string().min(1, 'must not be empty').optional(),
  capacity: z.enum(['slots', 'metrics', 'none']).optional(),
  maxQueue: z.number().int().min(0).optional(),
});

/** Options of `createLlamaCpp`. */
export interface LlamaCppOptions {
  /** Provider id. Default `llamacpp`. */
  id?: string;
  /** Server root. Default `http://127.0.0.1:8080`. */
  baseURL?: string;
  /** Model name; sent as `model` when given. Default label `llama.cpp` (not sent). */
  model?: string;
  /** `--api-key` of the server. */
  apiKey?: string;
  headers?: Record<string, string>;
  /** Context window; default: `/props` `default_generation_settings.n_ctx`, read at the first health probe. */
  contextWindow?: number;
  /**
   * Where capacity comes from: `slots` (`GET /slots`, idle slots; falls back to `/metrics` when the
   * server has `--no-slots`), `metrics` (`GET /metrics`: `requests_processing`, `requests_deferred`;
   * needs `--metrics`), or `none`. Default `slots`.
   */
  capacity?: 'slots' | 'metrics' | 'none';
  /** With `metrics`: deferred requests tolerated before the server counts as full. Default 0. */
  maxQueue?: number;
  fetch?: typeof fetch;
}

/** The llama.cpp provider: core's `Provider` plus raw-prompt completions and what `/props` said. */
export interface LlamaCppProvider extends Provider {
  /** Raw-prompt completion on `/completion`, with `n_probs` logprobs. */
  complete(request: LlamaCppCompletionRequest): Promise<LlamaCppCompletion>;
  /** What `/props` reported (after the first successful health probe). */
  readonly serverInfo: Readonly<LlamaCppServerInfo>;
}

/**
 * Creates a provider for llama.cpp's `llama-server`.
 *
 * @example
 * const local = createLlamaCpp({ baseURL: 'http://127.0.0.1:8080', capacity: 'slots' });
 * const answer = await local.chat({ messages: [{ role: 'user', content: 'Hello' }], logprobs: true });
 */
export function createLlamaCpp(input: LlamaCppOptions = {}): LlamaCppProvider {
  const options = parseOptions(optionsSchema, input, 'createLlamaCpp');
  const id = options.id ?? 'llamacpp';
  const model = options.model ?? 'llama.cpp';
  const transport = createTransport({
    provider: id,
    baseURL: normalizeBaseURL(options.baseURL ?? 'http://127.0.0.1:8080'),
    apiKey: options.apiKey,
    headers: options.headers,
    fetch: options.fetch,
    parseError: parseLlamaCppError,
  });
  const client = createChatClient({ id, model, transport, dialect: llamaCppDialect(options.model) });
  const probes = createLlamaCppProbes(transport, {
    source: options.capacity ?? 'slots',
    maxQueue: options.maxQueue ?? 0,
  });
  const capabilities: ProviderCapabilities = { logprobs: true, tools: true, jsonSchema: true };
  const provider: LlamaCppProvider = {
    id,
    kind: 'local',
    model,
    get contextWindow() {
      return options.contextWindow ?? probes.info.contextWindow;
    },
    capabilities,
    chat: client.chat,
    stream: client.stream,
    health: probes.health,
    complete: (request) => completeLlamaCpp(transport, model, request),
    serverInfo: probes.info,
  };
  if (options.capacity !== 'none') provider.capacity = probes.capacity;
  return provider;
}
