import { createHash } from 'node:crypto';
import { ConfigError } from '@switchyard/core';
import { READ_SCRIPT, RESERVE_SCRIPT, SETTLE_SCRIPT } from './budget-scripts';
import type { BudgetCounter, BudgetKey, BudgetStore, ReserveResult, SettleResult } from './budget-store';

/** The part of an ioredis client (`Redis` or `Cluster`) the store uses. */
export interface RedisScriptClient {
  evalsha(sha: string, numKeys: number, ...args: (string | number)[]): Promise<unknown>;
  eval(script: string, numKeys: number, ...args: (string | number)[]): Promise<unknown>;
  quit?(): Promise<unknown>;
}

/** Options of `createRedisBudgetStore()`. */
export interface RedisBudgetStoreOptions {
  /** An ioredis client (`new Redis(url)`); the store does not connect or configure it. */
  client: RedisScriptClient;
  /**
   * Key prefix. Default `{switchyard:budget}`: the braces are a Redis Cluster hash tag, so every
   * counter lives in one slot and a script may touch several.
   */
  prefix?: string;
  /** Close the client on `store.close()`. Default false (you own the client). */
  closeClient?: boolean;
}

interface Script {
  source: string;
  sha: string;
}

const script = (source: string): Script => ({ source, sha: createHash('sha1').update(source).digest('hex') });
const read = script(READ_SCRIPT);
const reserve = script(RESERVE_SCRIPT);
const settle = script(SETTLE_SCRIPT);

function toNumbers(reply: unknown, what: string): number[] {
  if (!Array.isArray(reply)) throw new Error(`redis budget store: unexpected ${what} reply ${String(reply)}`);
  return reply.map((value) => Number(value));
}

/**
 * A budget store in Redis, for several router instances sharing one budget. Reserve and settle run
 * as Lua scripts (EVALSHA, falling back to EVAL once per script), so they are atomic across
 * instances; counters are namespaced by `prefix` and expire a day after their window ends.
 *
 * @example
 * import Redis from 'ioredis';
 * const store = createRedisBudgetStore({ client: new Redis(process.env.REDIS_URL) });
 * const meter = createCostMeter({ budgets: [{ name: 'team', window: 'month', limitUsd: 500 }], store });
 */
export function createRedisBudgetStore(options: RedisBudgetStoreOptions): BudgetStore {
  const client = options?.client;
  if (!client || typeof client.evalsha !== 'function' || typeof client.eval !== 'function') {
    throw new ConfigError({
      message: 'createRedisBudgetStore: `client` must be an ioredis client (new Redis(url))',
      field: 'client',
    });
  }
  const prefix = options.prefix ?? '{switchyard:budget}';
  if (typeof prefix !== 'string' || prefix.length === 0) {
    throw new ConfigError({
      message: 'createRedisBudgetStore: `prefix` must be a non-empty string',
      field: 'prefix',
    });
  }

  const run = async (
    which: Script,
    keys: readonly BudgetKey[],
    args: (string | number)[],
  ): Promise<unknown> => {
    const names = keys.map((key) => `${prefix}:${key.key}`);
    try {
      return await client.evalsha(which.sha, names.length, ...names, ...args);
    } catch (error) {
      if (!String((error as Error)?.message ?? error).startsWith('NOSCRIPT')) throw error;
      // EVAL loads the script into the server's cache, so the next EVALSHA succeeds.
      return client.eval(which.source, names.length, ...names, ...args);
    }
  };

  return {
    async read(keys): Promise<BudgetCounter[]> {
      if (keys.length === 0) return [];
      const values = toNumbers(await run(read, keys, []), 'read');
      return keys.map((_, index) => ({
        spent: values[index * 2] ?? 0,
        reserved: values[index * 2 + 1] ?? 0,
      }));
    },
    async reserve(keys, amount): Promise<ReserveResult> {
      if (keys.length === 0) return { ok: true };
      const args: (string | number)[] = [Math.ceil(amount)];
      for (const key of keys) args.push(key.limit);
      for (const key of keys) args.push(key.expiresAt);
      const [ok, index, spent, reserved] = toNumbers(await run(reserve, keys, args), 'reserve');
      if (ok === 1) return { ok: true };
      return { ok: false, index: index ?? 0, counter: { spent: spent ?? 0, reserved: reserved ?? 0 } };
    },
    async settle(keys, reserved, actual): Promise<SettleResult> {
      if (keys.length === 0) return { spentBefore: [], spentAfter: [] };
      const args: (string | number)[] = [Math.ceil(reserved), Math.round(actual)];
      for (const key of keys) args.push(key.expiresAt);
      const values = toNumbers(await run(settle, keys, args), 'settle');
      return {
        spentBefore: keys.map((_, index) => values[index * 2] ?? 0),
        spentAfter: keys.map((_, index) => values[index * 2 + 1] ?? 0),
      };
    },
    async close() {
      if (options.closeClient) await client.quit?.();
    },
  };
}
