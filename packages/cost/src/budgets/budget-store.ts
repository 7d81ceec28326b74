/**
 * One budget counter to act on. Amounts are integer nano-dollars (1e-9 USD) so that stores can add
 * them exactly (Redis `HINCRBY`).
 */
export interface BudgetKey {
  key: string;
  /** The hard limit, nano-USD. */
  limit: number;
  /** Epoch ms after which the counter may be dropped. */
  expiresAt: number;
}

/** A counter's state, nano-USD. */
export interface BudgetCounter {
  /** Settled spend. */
  spent: number;
  /** Estimates held by calls in flight. */
  reserved: number;
}

/** Outcome of `reserve`. */
export type ReserveResult =
  | { ok: true }
  /** `index` is the first key whose spent + reserved had reached its limit. */
  | { ok: false; index: number; counter: BudgetCounter };

/** Spend before and after a settle, per key, nano-USD. */
export interface SettleResult {
  spentBefore: number[];
  spentAfter: number[];
}

type MaybePromise<T> = T | Promise<T>;

/**
 * Where budget counters live. Implementations must make `reserve` and `settle` atomic across every
 * key they are given, and across processes when several routers share the store.
 */
export interface BudgetStore {
  /** Current counters (missing keys read as zero). */
  read(keys: readonly BudgetKey[]): MaybePromise<BudgetCounter[]>;
  /**
   * If every key's spent + reserved is below its limit, adds `amount` to each key's reserved and
   * succeeds; otherwise changes nothing. So concurrent requests overshoot a limit by at most one
   * request's reservation.
   */
  reserve(keys: readonly BudgetKey[], amount: number): MaybePromise<ReserveResult>;
  /** Releases `reserved` and adds `actual` to spent, on every key. */
  settle(keys: readonly BudgetKey[], reserved: number, actual: number): MaybePromise<SettleResult>;
  close?(): Promise<void>;
}

/** USD → integer nano-USD, rounded up (reservations never under-count). */
export function toNanoCeil(usd: number): number {
  return Math.ceil(usd * 1e9);
}

/** USD → integer nano-USD, rounded to nearest. */
export function toNano(usd: number): number {
  return Math.round(usd * 1e9);
}

/** nano-USD → USD. */
export function fromNano(nano: number): number {
  return nano / 1e9;
}
