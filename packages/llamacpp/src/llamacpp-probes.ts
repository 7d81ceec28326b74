import {
  type CapacityStatus,
  type HealthStatus,
  ProviderError,
  type ProviderProbeOptions,
  SwitchyardError,
} from '@switchyard/core';
import { type Transport, getJson, send, transportError } from '@switchyard/openai-compatible';
import { parsePrometheus } from './parse-prometheus';

/** What `/props` told us, cached after the first successful read. */
export interface LlamaCppServerInfo {
  /** Context size per slot (`default_generation_settings.n_ctx`). */
  contextWindow?: number;
  /** `total_slots` (`--parallel`). */
  totalSlots?: number;
  /** `model_alias`. */
  model?: string;
}

interface PropsBody {
  default_generation_settings?: { n_ctx?: unknown };
  total_slots?: unknown;
  model_alias?: unknown;
}

interface SlotBody {
  is_processing?: unknown;
  /** Older builds: 0 idle, otherwise processing. */
  state?: unknown;
}

const positive = (value: unknown) =>
  typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : undefined;

/** How capacity is read: `/slots` (idle slots), `/metrics` (processing and deferred), or not at all. */
export type LlamaCppCapacitySource = 'slots' | 'metrics' | 'none';

/** Health, capacity and `/props` for one llama-server. */
export interface LlamaCppProbes {
  readonly info: LlamaCppServerInfo;
  health(options?: ProviderProbeOptions): Promise<HealthStatus>;
  capacity(options?: ProviderProbeOptions): Promise<CapacityStatus>;
}

export function createLlamaCppProbes(
  transport: Transport,
  settings: { source: LlamaCppCapacitySource; maxQueue: number },
): LlamaCppProbes {
  const info: LlamaCppServerInfo = {};
  let propsRead = false;

  const readProps = async (signal?: AbortSignal) => {
    const props = await getJson<PropsBody>(transport, '/props', signal);
    const contextWindow = positive(props.default_generation_settings?.n_ctx);
    const totalSlots = positive(props.total_slots);
    if (contextWindow !== undefined) info.contextWindow = contextWindow;
    if (totalSlots !== undefined) info.totalSlots = totalSlots;
    if (typeof props.model_alias === 'string' && props.model_alias.length > 0) info.model = props.model_alias;
    propsRead = true;
  };

  const fromSlots = async (signal?: AbortSignal): Promise<CapacityStatus> => {
    const slots = await getJson<SlotBody[]>(transport, '/slots', signal);
    if (!Array.isArray(slots)) {
      throw new ProviderError({
        message: `${transport.provider}: /slots did not answer a list`,
        provider: transport.provider,
      });
    }
    let free = 0;
    for (const slot of slots) {
      const busy = slot.is_processing === true || (typeof slot.state === 'number' && slot.state !== 0);
      if (!busy) free++;
    }
    return { freeSlots: free, totalSlots: slots.length };
  };

  const fromMetrics = async (signal?: AbortSignal): Promise<CapacityStatus> => {
    const response = await send(transport, '/metrics', { method: 'GET', ...(signal ? { signal } : {}) });
    let text: string;
    try {
      text = await response.text();
    } catch (error) {
      throw transportError(error, signal, transport.provider);
    }
    const samples = parsePrometheus(text);
    const processing = samples.get('llamacpp:requests_processing');
    const deferred = samples.get('llamacpp:requests_deferred') ?? 0;
    if (processing === undefined) {
      throw new ProviderError({
        message: `${transport.provider}: /metrics has no llamacpp:requests_processing`,
        provider: transport.provider,
      });
    }
    if (info.totalSlots === undefined && !propsRead) await readProps(signal).catch(() => {});
    const status: CapacityStatus = { queueDepth: deferred };
    if (info.totalSlots !== undefined) {
      status.totalSlots = info.totalSlots;
      status.freeSlots = deferred > settings.maxQueue ? 0 : Math.max(0, info.totalSlots - processing);
    } else if (deferred > settings.maxQueue) {
      status.freeSlots = 0;
    }
    return status;
  };

  const notSupported = (error: unknown) => SwitchyardError.isInstance(error) && error.status === 501;

  return {
    info,
    async health(options) {
      const signal = options?.signal;
      try {
        const response = await send(transport, '/health', { method: 'GET', ...(signal ? { signal } : {}) });
        await response.arrayBuffer();
      } catch (error) {
        const detail = error instanceof Error ? error.message : String(error);
        if (SwitchyardError.isInstance(error) && error.status === 503 && /loading model/i.test(detail)) {
          return { status: 'loading', detail };
        }
        return { status: 'down', detail };
      }
      // The context size is read once, during the first health probe that succeeds.
      if (!propsRead) await readProps(signal).catch(() => {});
      return { status: 'ready' };
    },
    async capacity(options) {
      const signal = options?.signal;
      if (settings.source === 'metrics') return fromMetrics(signal);
      try {
        return await fromSlots(signal);
      } catch (error) {
        // `/slots` switched off (`--no-slots`): try `/metrics`.
        if (notSupported(error)) return fromMetrics(signal);
        throw error;
      }
    },
  };
}
