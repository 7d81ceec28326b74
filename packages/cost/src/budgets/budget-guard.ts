import {
  type AttemptInfo,
  type AttemptOutcome,
  BudgetExceededError,
  estimatePromptTokens,
  type PluginContext,
  type RouteDraft,
} from '@switchyard/core';
import type { PriceEntry } from '../catalog/price-entry';
import type { BudgetAudit } from '../meter/request-cost';
import { priceUsage } from '../pricing/price-usage';
import type { BudgetRule } from './budget-rule';
import { type BudgetKey, type BudgetStore, fromNano, toNano, toNanoCeil } from './budget-store';
import { budgetWindow } from './budget-window';

interface Bound {
  rule: BudgetRule;
  key: BudgetKey;
  scope: string | undefined;
}

interface Reservation {
  bound: Bound[];
  amount: number;
  entry: PriceEntry;
  batch: boolean;
}

/** Per-request budget state, kept in `context.state`. */
export interface BudgetRequestState {
  reservations: Map<AttemptInfo, Reservation>;
  audit: BudgetAudit | undefined;
  /** Set when an `onLimit: 'raise'` budget refused a call: every later call is refused too. */
  raised: BudgetExceededError | undefined;
}

const STATE_KEY = 'switchyard-cost:budget';

/**
 * Enforces budgets through the router's plugin hooks: `route` removes capped cloud providers (or
 * raises), `beforeAttempt` reserves an estimate atomically, `afterAttempt` settles the actual cost.
 */
export function createBudgetGuard(input: {
  rules: readonly BudgetRule[];
  store: BudgetStore;
  /** The price a cloud call bills at, or undefined when unknown. */
  price: (attempt: AttemptInfo) => { entry: PriceEntry; batch: boolean } | undefined;
  estimateOutputTokens: number;
  now: () => number;
}) {
  const { rules, store, price, estimateOutputTokens, now } = input;

  const stateOf = (context: PluginContext): BudgetRequestState => {
    let state = context.state.get(STATE_KEY) as BudgetRequestState | undefined;
    if (!state) {
      state = { reservations: new Map(), audit: undefined, raised: undefined };
      context.state.set(STATE_KEY, state);
    }
    return state;
  };

  /** Rules that count this request (and, with `provider`, spend on that provider). */
  const bind = (context: PluginContext, provider: string | undefined): Bound[] => {
    const out: Bound[] = [];
    const at = now();
    for (const rule of rules) {
      if (rule.workload !== undefined && rule.workload !== context.workload) continue;
      if (provider !== undefined && rule.provider !== undefined && rule.provider !== provider) continue;
      let scope: string | undefined;
      if (rule.tag !== undefined) {
        scope = context.tags[rule.tag];
        if (scope === undefined || (rule.tagValue !== undefined && rule.tagValue !== scope)) continue;
      }
      const window = budgetWindow(rule.window, at);
      out.push({
        rule,
        scope,
        key: {
          key: `${rule.name}:${scope === undefined ? '*' : encodeURIComponent(scope)}:${window.id}`,
          limit: toNano(rule.limitUsd),
          expiresAt: window.expiresAt,
        },
      });
    }
    return out;
  };

  const exceeded = (bound: Bound, spentNano: number, message?: string) =>
    new BudgetExceededError({
      message:
        message ??
        `budget '${bound.rule.name}'${bound.scope === undefined ? '' : ` (${bound.rule.tag}=${bound.scope})`} reached: ` +
          `$${fromNano(spentNano).toFixed(4)} of $${bound.rule.limitUsd} this ${bound.rule.window}`,
      budget: bound.rule.name,
    });

  const storeError = (context: PluginContext, operation: string, error: unknown) =>
    context.emit('warning', {
      requestId: context.requestId,
      code: 'budget_store_error',
      message: `budget store ${operation} failed: ${String(error)}`,
    });

  const audit = (state: BudgetRequestState): BudgetAudit => {
    state.audit ??= {};
    return state.audit;
  };

  const note = (
    state: BudgetRequestState,
    list: 'excluded' | 'refused',
    provider: string,
    budget: string,
  ) => {
    const record = audit(state);
    record[list] ??= [];
    record[list].push({ provider, budget });
  };

  async function route(draft: RouteDraft, context: PluginContext): Promise<void> {
    const bound = bind(context, undefined);
    if (bound.length === 0) return;
    let counters: Awaited<ReturnType<BudgetStore['read']>>;
    try {
      counters = await store.read(bound.map((entry) => entry.key));
    } catch (error) {
      // Reservations still guard every cloud call (and refuse them while the store is down).
      storeError(context, 'read', error);
      return;
    }
    const capped: { bound: Bound; total: number }[] = [];
    bound.forEach((entry, index) => {
      const counter = counters[index]!;
      const total = counter.spent + counter.reserved;
      if (total >= entry.key.limit) capped.push({ bound: entry, total });
    });
    if (capped.length === 0) return;
    const cappedFor = (provider: string) =>
      capped.find(
        (entry) => entry.bound.rule.provider === undefined || entry.bound.rule.provider === provider,
      );
    const eligible = draft.candidates.filter((candidate) => candidate.eligible);
    const first = eligible[0];
    const state = stateOf(context);
    if (first?.kind === 'cloud') {
      const hit = cappedFor(first.provider);
      if (hit && hit.bound.rule.onLimit === 'raise') {
        audit(state).raised = hit.bound.rule.name;
        throw exceeded(hit.bound, hit.total);
      }
    }
    let remaining = eligible.length;
    let last: { bound: Bound; total: number } | undefined;
    for (const candidate of eligible) {
      if (candidate.kind !== 'cloud') continue;
      const hit = cappedFor(candidate.provider);
      if (!hit) continue;
      draft.exclude(
        candidate.provider,
        'budget',
        `budget '${hit.bound.rule.name}' reached ($${fromNano(hit.total).toFixed(4)} of $${hit.bound.rule.limitUsd} this ${hit.bound.rule.window})`,
      );
      remaining--;
      last = hit;
      note(state, 'excluded', candidate.provider, hit.bound.rule.name);
    }
    if (remaining === 0 && last) {
      throw exceeded(
        last.bound,
        last.total,
        `budget '${last.bound.rule.name}' reached and no local provider can take the request`,
      );
    }
  }

  async function beforeAttempt(attempt: AttemptInfo, context: PluginContext): Promise<void> {
    const state = stateOf(context);
    if (state.raised) throw state.raised;
    if (attempt.kind !== 'cloud') return;
    const bound = bind(context, attempt.provider.id);
    if (bound.length === 0) return;
    const billed = price(attempt);
    if (!billed) {
      context.emit('warning', {
        requestId: context.requestId,
        code: 'unknown_price',
        message: `budgets cannot reserve for '${attempt.provider.id}': no price for model '${attempt.provider.model}'; the call is not counted`,
        detail: { provider: attempt.provider.id, model: attempt.provider.model },
      });
      return;
    }
    const request = context.request;
    const estimate = priceUsage(
      {
        inputTokens: estimatePromptTokens(request),
        outputTokens: request.maxOutputTokens ?? estimateOutputTokens,
        cacheReadTokens: 0,
        cacheWriteTokens: 0,
      },
      billed.entry,
      billed.batch,
    );
    const amount = toNanoCeil(estimate);
    const keys = bound.map((entry) => entry.key);
    let result: Awaited<ReturnType<BudgetStore['reserve']>>;
    try {
      result = await store.reserve(keys, amount);
    } catch (error) {
      storeError(context, 'reserve', error);
      // Fail closed: without a reservation the spend cannot be bounded, so this call is refused
      // and the router falls back (to a local provider when there is one).
      throw new BudgetExceededError({
        message: `budget store unavailable; cloud call to '${attempt.provider.id}' refused: ${String(error)}`,
        budget: bound[0]!.rule.name,
        cause: error,
      });
    }
    if (!result.ok) {
      const hit = bound[result.index]!;
      const error = exceeded(hit, result.counter.spent + result.counter.reserved);
      note(state, 'refused', attempt.provider.id, hit.rule.name);
      if (hit.rule.onLimit === 'raise') {
        audit(state).raised = hit.rule.name;
        state.raised = error;
      }
      throw error;
    }
    state.reservations.set(attempt, { bound, amount, entry: billed.entry, batch: billed.batch });
  }

  async function settle(context: PluginContext, reservation: Reservation, actualUsd: number): Promise<void> {
    const result = await store.settle(
      reservation.bound.map((entry) => entry.key),
      reservation.amount,
      toNano(actualUsd),
    );
    reservation.bound.forEach((entry, index) => {
      const soft = entry.rule.softLimitUsd;
      if (soft === undefined) return;
      const softNano = toNano(soft);
      const before = result.spentBefore[index] ?? 0;
      const after = result.spentAfter[index] ?? 0;
      if (before < softNano && after >= softNano) {
        context.emit('warning', {
          requestId: context.requestId,
          code: 'budget_soft_limit',
          message: `budget '${entry.rule.name}'${entry.scope === undefined ? '' : ` (${entry.rule.tag}=${entry.scope})`} passed its soft limit: $${fromNano(after).toFixed(4)} of $${soft} (hard limit $${entry.rule.limitUsd}) this ${entry.rule.window}`,
          detail: {
            budget: entry.rule.name,
            scope: entry.scope,
            window: entry.rule.window,
            spentUsd: fromNano(after),
            softLimitUsd: soft,
            limitUsd: entry.rule.limitUsd,
          },
        });
      }
    });
  }

  async function afterAttempt(
    attempt: AttemptInfo,
    outcome: AttemptOutcome,
    context: PluginContext,
  ): Promise<void> {
    const state = context.state.get(STATE_KEY) as BudgetRequestState | undefined;
    const reservation = state?.reservations.get(attempt);
    if (!state || !reservation) return;
    state.reservations.delete(attempt);
    // Providers do not bill failed calls; a successful one bills its usage.
    const actual = outcome.ok ? priceUsage(outcome.response.usage, reservation.entry, reservation.batch) : 0;
    try {
      await settle(context, reservation, actual);
    } catch (error) {
      storeError(context, 'settle', error);
    }
  }

  /**
   * At the end of a request: settles reservations no `afterAttempt` closed (a stream the caller
   * abandoned, another plugin's veto) at their estimate, and returns what budgets did.
   */
  function finish(context: PluginContext): BudgetAudit | undefined {
    const state = context.state.get(STATE_KEY) as BudgetRequestState | undefined;
    if (!state) return undefined;
    for (const [attempt, reservation] of state.reservations) {
      state.reservations.delete(attempt);
      const estimate = fromNano(reservation.amount);
      Promise.resolve()
        .then(() => settle(context, reservation, estimate))
        .catch((error: unknown) => storeError(context, 'settle', error));
    }
    return state.audit;
  }

  return { route, beforeAttempt, afterAttempt, finish };
}
