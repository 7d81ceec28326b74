import type { ServerResponse } from 'node:http';

/** One llama-server slot, as `/slots` shows it. */
export interface LlamaCppSlot {
  id: number;
  /** Task id while processing, -1 when idle. */
  idTask: number;
  processing: boolean;
  nDecoded: number;
}

/** A held slot. */
export interface SlotLease {
  readonly slot: LlamaCppSlot;
  release(): void;
}

/**
 * llama-server's slots: a request takes an idle slot, or waits in the deferred queue until one frees
 * (`server-context.cpp`: `get_available_slot` → `queue_tasks.defer`). `/slots` and `/metrics`
 * (`requests_processing`, `requests_deferred`) read this state.
 */
export interface SlotPool {
  readonly slots: readonly LlamaCppSlot[];
  readonly processing: number;
  readonly deferred: number;
  /** Takes a slot, waiting in the deferred queue if none is idle; undefined if the client left first. */
  acquire(response?: ServerResponse): Promise<SlotLease | undefined>;
}

export function createSlotPool(total: number): SlotPool {
  const slots: LlamaCppSlot[] = Array.from({ length: total }, (_, id) => ({
    id,
    idTask: -1,
    processing: false,
    nDecoded: 0,
  }));
  const waiting: ((slot: LlamaCppSlot) => void)[] = [];
  let nextTask = 0;

  const lease = (slot: LlamaCppSlot): SlotLease => {
    slot.processing = true;
    slot.idTask = nextTask++;
    slot.nDecoded = 0;
    let released = false;
    return {
      slot,
      release() {
        if (released) return;
        released = true;
        slot.processing = false;
        slot.idTask = -1;
        const next = waiting.shift();
        if (next) next(slot);
      },
    };
  };

  return {
    slots,
    get processing() {
      return slots.filter((slot) => slot.processing).length;
    },
    get deferred() {
      return waiting.length;
    },
    acquire(response) {
      const idle = slots.find((slot) => !slot.processing);
      if (idle) return Promise.resolve(lease(idle));
      return new Promise((resolve) => {
        const take = (slot: LlamaCppSlot) => {
          response?.off('close', leave);
          resolve(lease(slot));
        };
        const leave = () => {
          const index = waiting.indexOf(take);
          if (index >= 0) waiting.splice(index, 1);
          resolve(undefined);
        };
        waiting.push(take);
        response?.once('close', leave);
      });
    },
  };
}

/** Cumulative counters behind `/metrics`. */
export interface LlamaCppCounters {
  promptTokens: number;
  predictedTokens: number;
  decodeCalls: number;
}

/**
 * `/metrics` in Prometheus text, names and help as in `server-task.cpp`
 * (`server_task_result_metrics::to_metrics`): `llamacpp:<name>`, counters first, then gauges.
 */
export function renderMetrics(pool: SlotPool, counters: LlamaCppCounters): string {
  const counterItems: [string, string, number][] = [
    [
      'prompt_tokens_total',
      'Number of prompt tokens processed, excluding cached tokens',
      counters.promptTokens,
    ],
    ['prompt_tokens_cached_total', 'Number of prompt tokens reused from the cache', 0],
    ['prompt_seconds_total', 'Total time spent processing prompts', counters.promptTokens / 1000],
    ['tokens_predicted_total', 'Number of generation tokens processed', counters.predictedTokens],
    ['tokens_predicted_seconds_total', 'Total time spent generating tokens', counters.predictedTokens / 100],
    [
      'n_decode_total',
      'Total number of llama_decode() calls, excluding speculative decoding and multimodal decoding',
      counters.decodeCalls,
    ],
    ['n_tokens_max', 'Largest observed sequence length (prompt + generation)', 0],
  ];
  const gaugeItems: [string, string, number][] = [
    ['prompt_tokens_seconds', 'Average prompt throughput in tokens/s', 1000],
    ['predicted_tokens_seconds', 'Average generation throughput in tokens/s', 100],
    ['requests_processing', 'Number of requests processing', pool.processing],
    ['requests_deferred', 'Number of requests deferred', pool.deferred],
    [
      'n_busy_slots_per_decode',
      'Average number of busy slots per llama_decode() call',
      pool.processing > 0 ? 1 : 0,
    ],
  ];
  let out = '';
  const add = (type: string, items: [string, string, number][]) => {
    for (const [name, help, value] of items) {
      out += `# HELP llamacpp:${name} ${help}\n# TYPE llamacpp:${name} ${type}\nllamacpp:${name} ${value}\n`;
    }
  };
  add('counter', counterItems);
  add('gauge', gaugeItems);
  return out;
}

/**
 * `/slots`, shaped as the llama.cpp server README's example (one object per slot with `id`,
 * `id_task`, `n_ctx`, `speculative`, `is_processing`, `params`, `next_token`).
 */
export function renderSlots(pool: SlotPool, nCtx: number): unknown[] {
  return pool.slots.map((slot) => ({
    id: slot.id,
    id_task: slot.idTask,
    n_ctx: nCtx,
    speculative: false,
    is_processing: slot.processing,
    params: {
      n_predict: -1,
      seed: 4294967295,
      temperature: 0.800000011920929,
      top_k: 40,
      top_p: 0.949999988079071,
      min_p: 0.05000000074505806,
      max_tokens: -1,
      n_keep: 0,
      n_discard: 0,
      ignore_eos: false,
      stream: true,
      n_probs: 0,
      min_keep: 0,
      chat_format: 'Content-only',
      samplers: ['penalties', 'dry', 'top_k', 'typ_p', 'top_p', 'min_p', 'xtc', 'temperature'],
      timings_per_token: false,
      post_sampling_probs: false,
      lora: [],
    },
    next_token: {
      has_next_token: slot.processing,
      has_new_line: false,
      n_remain: -1,
      n_decoded: slot.nDecoded,
    },
  }));
}
