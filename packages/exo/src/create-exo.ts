import type { ChatRequest, Provider, ProviderCapabilities, StreamEvent } from '@switchyard/core';
import {
  baseOptionShape,
  createChatClient,
  createTransport,
  normalizeBaseURL,
  parseOptions,
} from '@switchyard/openai-compatible';
import { z } from 'zod';
import { exoDialect } from './exo-dialect';
import { type ExoPlacement, createExoInstances } from './exo-instances';
import { isNoInstanceError, parseExoError } from './parse-exo-error';

const placementSchema = z.strictObject({
  sharding: z.enum(['Pipeline', 'Tensor']).optional(),
  instanceMeta: z.enum(['MlxRing', 'MlxJaccl']).optional(),
  minNodes: z.number().int().positive().optional(),
  timeoutMs: z.number().int().positive().optional(),
});

const optionsSchema = z.strictObject({
  ...baseOptionShape,
  model: z.string({ error: 'is required (the model id the cluster serves)' }).min(1, 'must not be empty'),
  autoPlace: z.union([z.boolean(), placementSchema]).optional(),
});

/** Options of `createExo`. */
export interface ExoOptions {
  /** Provider id. Default `exo`. */
  id?: string;
  /** Cluster API root. Default `http://127.0.0.1:52415`. */
  baseURL?: string;
  /** Model id (required: EXO routes by it), e.g. `mlx-community/Llama-3.2-3B-Instruct-4bit`. */
  model: string;
  apiKey?: string;
  headers?: Record<string, string>;
  /** Context window; default: the model card's `context_length` from `/v1/models`, read at the first health probe. */
  contextWindow?: number;
  /**
   * When the model has no running instance (404 "No instance found for model"), place one with
   * `/place_instance`, wait until it serves, and send the request again. Default false: the request
   * fails with `ProviderUnavailableError` and the router moves on.
   */
  autoPlace?: boolean | ExoPlacement;
  fetch?: typeof fetch;
}

/** The EXO provider: core's `Provider` plus instance placement. */
export interface ExoProvider extends Provider {
  /** Places an instance of the model when none runs, and waits until it serves. */
  ensureInstance(options?: { signal?: AbortSignal; placement?: ExoPlacement }): Promise<void>;
}

/**
 * Creates a provider for an EXO cluster's OpenAI-compatible API.
 *
 * @example
 * const exo = createExo({ model: 'mlx-community/Llama-3.2-3B-Instruct-4bit', autoPlace: true });
 */
export function createExo(input: ExoOptions): ExoProvider {
  const options = parseOptions(optionsSchema, input, 'createExo');
  const id = options.id ?? 'exo';
  const model = options.model;
  const transport = createTransport({
    provider: id,
    baseURL: normalizeBaseURL(options.baseURL ?? 'http://127.0.0.1:52415'),
    apiKey: options.apiKey,
    headers: options.headers,
    fetch: options.fetch,
    parseError: parseExoError,
  });
  const client = createChatClient({ id, model, transport, dialect: exoDialect(model) });
  const instances = createExoInstances(transport, model);
  const placement: ExoPlacement | undefined =
    options.autoPlace === true ? {} : options.autoPlace === false ? undefined : options.autoPlace;

  const chat = async (request: ChatRequest) => {
    try {
      return await client.chat(request);
    } catch (error) {
      if (!placement || !isNoInstanceError(error)) throw error;
      await instances.ensure({ ...(request.signal ? { signal: request.signal } : {}), placement });
      return client.chat(request);
    }
  };

  /** With auto-placement: a stream that fails for want of an instance places one and starts again. */
  async function* streamPlacing(
    request: ChatRequest,
    placement: ExoPlacement,
  ): AsyncGenerator<StreamEvent, void, undefined> {
    const first = client.stream(request)[Symbol.asyncIterator]();
    let head: IteratorResult<StreamEvent>;
    try {
      head = await first.next();
    } catch (error) {
      if (!isNoInstanceError(error)) throw error;
      await instances.ensure({ ...(request.signal ? { signal: request.signal } : {}), placement });
      yield* client.stream(request);
      return;
    }
    if (head.done) return;
    yield head.value;
    yield* { [Symbol.asyncIterator]: () => first };
  }

  const capabilities: ProviderCapabilities = { logprobs: true, tools: true, jsonSchema: false };
  return {
    id,
    kind: 'local',
    model,
    get contextWindow() {
      return options.contextWindow ?? instances.contextWindow;
    },
    capabilities,
    chat,
    // Without auto-placement the client's stream is handed out as it is (no extra generator per event).
    stream: placement ? (request: ChatRequest) => streamPlacing(request, placement) : client.stream,
    health: instances.health,
    ensureInstance: instances.ensure,
  };
}
