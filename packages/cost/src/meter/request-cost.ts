import type { AuditAttempt, AuditCost, ProviderKind } from '@switchyard/core';

/** The cost of one provider call that returned usage. */
export interface AttemptCost {
  provider: string;
  kind: ProviderKind;
  model: string;
  /** `discarded`: answered, then replaced by an escalation (paid for, thrown away). */
  outcome: AuditAttempt['outcome'];
  /** USD, or `null` when the price is unknown. */
  usd: number | null;
  /** Local calls: seconds of the machine's full-load time (what observed utilization is made of). */
  busySeconds?: number;
}

/** What the cheapest eligible cloud model would have charged for a locally served answer. */
export interface ShadowCost {
  provider?: string;
  model: string;
  usd: number;
}

/**
 * The `cost` field the meter writes into every audit record. Totals are `null` when a price is
 * unknown (never a silent 0); `unknown` says which.
 */
export interface RequestCost extends AuditCost {
  /** Every call that returned usage, escalations' discarded answers included. */
  totalUsd: number | null;
  /** The cloud part (money billed by providers). */
  cloudUsd: number | null;
  /** The local part (amortized ownership cost of the busy time). */
  localUsd: number | null;
  /** Paid for answers an escalation replaced. */
  discardedUsd: number | null;
  attempts: AttemptCost[];
  /** For locally served answers: the cheapest eligible cloud model's price for the same usage. */
  shadow?: ShadowCost;
  /** What this request would have cost served by cloud alone. `null` when unknown or failed. */
  allCloudUsd: number | null;
  /** `allCloudUsd - totalUsd`: negative when an escalation paid twice. */
  savingsUsd: number | null;
  /** Providers or models without a price, when any. */
  unknown?: string[];
  /** Budget actions taken for this request, when any. */
  budget?: BudgetAudit;
}

/** What budgets did to a request. */
export interface BudgetAudit {
  /** Cloud providers removed from the route because a hard limit was reached. */
  excluded?: { provider: string; budget: string }[];
  /** Calls refused at reservation time (the router fell back). */
  refused?: { provider: string; budget: string }[];
  /** The budget that failed the request (`onLimit: 'raise'`). */
  raised?: string;
}
