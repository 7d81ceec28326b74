import {
  abortErrorFor,
  type HealthStatus,
  type ProviderProbeOptions,
  ProviderUnavailableError,
} from '@switchyard/core';
import { getJson, send, type Transport } from '@switchyard/openai-compatible';

/** How `/place_instance` should place the model (`PlaceInstanceParams`). */
export interface ExoPlacement {
  /** `Pipeline` (default) or `Tensor`. */
  sharding?: 'Pipeline' | 'Tensor';
  /** `MlxRing` (default) or `MlxJaccl`. */
  instanceMeta?: 'MlxRing' | 'MlxJaccl';
  /** Default 1. */
  minNodes?: number;
  /** How long to wait for the instance to serve. Default 120 s. */
  timeoutMs?: number;
}

/** Whether `/state/instances` (or `/state`) lists an instance of the model, whatever the JSON casing. */
function hasInstance(instances: unknown, model: string): boolean {
  const text = JSON.stringify(instances ?? {});
  const quoted = JSON.stringify(model);
  return text.includes(`"modelId":${quoted}`) || text.includes(`"model_id":${quoted}`);
}

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    });
  });

/** Instance checks and placement for one model on an EXO cluster. */
export interface ExoInstances {
  /** The model card's `context_length` from `/v1/models`, once read. */
  readonly contextWindow: number | undefined;
  health(options?: ProviderProbeOptions): Promise<HealthStatus>;
  /** Places an instance of the model (when none runs) and waits until it serves. */
  ensure(options?: { signal?: AbortSignal; placement?: ExoPlacement }): Promise<void>;
}

export function createExoInstances(transport: Transport, model: string): ExoInstances {
  let contextWindow: number | undefined;
  let modelsRead = false;

  /** True / false when the cluster state says; undefined when it cannot be read (older builds). */
  const instancePresent = async (signal?: AbortSignal): Promise<boolean | undefined> => {
    try {
      return hasInstance(await getJson(transport, '/state/instances', signal), model);
    } catch (error) {
      if (signal?.aborted) throw error;
      return undefined;
    }
  };

  const readModels = async (signal?: AbortSignal) => {
    const list = await getJson<{ data?: { id?: unknown; context_length?: unknown }[] }>(
      transport,
      '/v1/models',
      signal,
    );
    const card = (list.data ?? []).find((entry) => entry.id === model);
    if (typeof card?.context_length === 'number' && card.context_length > 0)
      contextWindow = card.context_length;
    modelsRead = true;
  };

  return {
    get contextWindow() {
      return contextWindow;
    },
    async health(options) {
      const signal = options?.signal;
      try {
        // EXO has no /health: /node_id answers whenever the API is up.
        const response = await send(transport, '/node_id', { method: 'GET', ...(signal ? { signal } : {}) });
        await response.arrayBuffer();
      } catch (error) {
        return { status: 'down', detail: error instanceof Error ? error.message : String(error) };
      }
      if (!modelsRead) await readModels(signal).catch(() => {});
      const present = await instancePresent(signal).catch(() => undefined);
      if (present === false)
        return { status: 'loading', detail: `no instance of ${model} is placed on the cluster` };
      return { status: 'ready' };
    },
    async ensure(options = {}) {
      const { signal, placement = {} } = options;
      if ((await instancePresent(signal)) === true) return;
      await send(transport, '/place_instance', {
        method: 'POST',
        body: JSON.stringify({
          model_id: model,
          sharding: placement.sharding ?? 'Pipeline',
          instance_meta: placement.instanceMeta ?? 'MlxRing',
          min_nodes: placement.minNodes ?? 1,
        }),
        ...(signal ? { signal } : {}),
      }).then((response) => response.arrayBuffer());
      const deadline = performance.now() + (placement.timeoutMs ?? 120_000);
      while (performance.now() < deadline) {
        if (signal?.aborted) throw abortErrorFor(signal, transport.provider);
        const present = await instancePresent(signal);
        if (present !== false) return;
        await sleep(100, signal);
      }
      throw new ProviderUnavailableError({
        message: `${transport.provider}: no instance of ${model} was running ${placement.timeoutMs ?? 120_000} ms after placing it`,
        provider: transport.provider,
        isRetryable: false,
      });
    },
  };
}
