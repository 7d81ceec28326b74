import type { BudgetCounter, BudgetKey, BudgetStore, ReserveResult, SettleResult } from './budget-store';

interface Entry extends BudgetCounter {
  expiresAt: number;
}

/**
 * An in-process budget store (the default). Atomic within one process because every operation is
 * synchronous; use the Redis store when several router instances share a budget.
 *
 * @example
 * const meter = createCostMeter({ budgets, store: createMemoryBudgetStore() });
 */
export function createMemoryBudgetStore(options: { now?: () => number } = {}): BudgetStore & {
  /** Every live counter, for tests and dashboards. */
  snapshot(): Record<string, BudgetCounter>;
} {
  const now = options.now ?? Date.now;
  const entries = new Map<string, Entry>();
  let sweeps = 0;

  const get = (key: BudgetKey): Entry => {
    let entry = entries.get(key.key);
    if (entry && entry.expiresAt <= now()) {
      entries.delete(key.key);
      entry = undefined;
    }
    if (!entry) {
      entry = { spent: 0, reserved: 0, expiresAt: key.expiresAt };
      entries.set(key.key, entry);
      // Drop finished windows now and then so memory stays bounded.
      if (++sweeps % 1_024 === 0) {
        const at = now();
        for (const [name, value] of entries) if (value.expiresAt <= at) entries.delete(name);
      }
    }
    return entry;
  };

  return {
    read(keys) {
      return keys.map((key) => {
        const entry = get(key);
        return { spent: entry.spent, reserved: entry.reserved };
      });
    },
    reserve(keys, amount): ReserveResult {
      const found = keys.map(get);
      for (let index = 0; index < found.length; index++) {
        const entry = found[index]!;
        if (entry.spent + entry.reserved >= keys[index]!.limit) {
          return { ok: false, index, counter: { spent: entry.spent, reserved: entry.reserved } };
        }
      }
      for (const entry of found) entry.reserved += amount;
      return { ok: true };
    },
    settle(keys, reserved, actual): SettleResult {
      const spentBefore: number[] = [];
      const spentAfter: number[] = [];
      for (const key of keys) {
        const entry = get(key);
        spentBefore.push(entry.spent);
        entry.reserved = Math.max(0, entry.reserved - reserved);
        entry.spent += actual;
        spentAfter.push(entry.spent);
      }
      return { spentBefore, spentAfter };
    },
    snapshot() {
      const out: Record<string, BudgetCounter> = {};
      for (const [key, entry] of entries) out[key] = { spent: entry.spent, reserved: entry.reserved };
      return out;
    },
    async close() {
      entries.clear();
    },
  };
}
