import type { ChatRequest } from '../types/chat-request';
import type { DataClass } from '../types/data-class';
import type { ResolvedConfig } from '../validation/router-options-schema';
import { estimatePromptTokens } from './estimate-tokens';
import type { RouteDraft } from './plugin';
import type { ProviderState } from './provider-state';
import type { PlannedCandidate } from './route-plan';

/** A mutable candidate list: the policy fills it, plugins edit it, the router freezes it into a plan. */
export class CandidateList implements RouteDraft {
  private readonly eligible: PlannedCandidate[] = [];
  private readonly removed: PlannedCandidate[] = [];

  get candidates(): readonly PlannedCandidate[] {
    return [...this.eligible, ...this.removed];
  }

  /** Eligible candidates in attempt order. */
  get order(): readonly PlannedCandidate[] {
    return this.eligible;
  }

  add(candidate: PlannedCandidate): void {
    (candidate.eligible ? this.eligible : this.removed).push(candidate);
  }

  exclude(providerId: string, rule: string, reason: string): void {
    const index = this.eligible.findIndex((candidate) => candidate.provider === providerId);
    if (index < 0) return;
    const [candidate] = this.eligible.splice(index, 1);
    if (!candidate) return;
    candidate.eligible = false;
    candidate.rule = rule;
    candidate.reason = reason;
    this.removed.push(candidate);
  }

  prefer(providerIds: readonly string[], rule: string, reason: string): void {
    const front: PlannedCandidate[] = [];
    for (const providerId of providerIds) {
      const index = this.eligible.findIndex((candidate) => candidate.provider === providerId);
      if (index < 0) continue;
      const [candidate] = this.eligible.splice(index, 1);
      if (!candidate) continue;
      candidate.rule = rule;
      candidate.reason = reason;
      front.push(candidate);
    }
    this.eligible.unshift(...front);
  }

  /** Moves these providers behind all the others, keeping their relative order. */
  demote(providerIds: ReadonlySet<string>, rule: string, reason: string): void {
    const back: PlannedCandidate[] = [];
    for (let index = 0; index < this.eligible.length; ) {
      const candidate = this.eligible[index]!;
      if (providerIds.has(candidate.provider)) {
        this.eligible.splice(index, 1);
        candidate.rule = rule;
        candidate.reason = reason;
        back.push(candidate);
      } else index++;
    }
    this.eligible.push(...back);
  }

  finalize(): PlannedCandidate[] {
    this.eligible.forEach((candidate, index) => {
      candidate.rank = index;
    });
    return [...this.eligible, ...this.removed];
  }
}

function removed(candidate: PlannedCandidate, rule: string, reason: string): PlannedCandidate {
  candidate.rule = rule;
  candidate.reason = reason;
  return candidate;
}

/**
 * Applies the data-class policy, workload rules, provider availability and context windows to every
 * provider, recording for each the rule that kept or removed it.
 *
 * The regulated rule comes first and is not configurable: a cloud provider never enters a regulated
 * request's list.
 */
export function planRoute(input: {
  config: ResolvedConfig;
  states: readonly ProviderState[];
  dataClass: DataClass;
  workload: string | undefined;
  request: ChatRequest;
  now: number;
}): CandidateList {
  const { config, states, dataClass, workload, request, now } = input;
  const { policy } = config;
  const rule = workload === undefined ? undefined : policy.workloads[workload];
  const classPool =
    dataClass === 'regulated'
      ? policy.regulatedProviders
      : dataClass === 'internal'
        ? policy.internalProviders
        : policy.publicProviders;
  const localFirst = dataClass !== 'public' || policy.publicPrefer === 'local';
  let promptTokens: number | undefined;

  const list = new CandidateList();
  const ordered = localFirst
    ? [
        ...states.filter((state) => state.kind === 'local'),
        ...states.filter((state) => state.kind === 'cloud'),
      ]
    : [
        ...states.filter((state) => state.kind === 'cloud'),
        ...states.filter((state) => state.kind === 'local'),
      ];

  for (const state of ordered) {
    const { provider, kind } = state;
    const candidate: PlannedCandidate = {
      provider: state.id,
      kind,
      model: provider.model,
      eligible: false,
      rank: undefined,
      rule: '',
      reason: '',
    };
    if (dataClass === 'regulated' && kind !== 'local') {
      list.add(removed(candidate, 'regulated-local-only', 'regulated data never leaves local providers'));
      continue;
    }
    if (dataClass === 'internal' && kind === 'cloud' && !policy.overflowToCloud) {
      list.add(removed(candidate, 'internal-local-only', 'policy.internal.overflowToCloud is false'));
      continue;
    }
    if (classPool && !classPool.has(state.id)) {
      list.add(removed(candidate, 'class-providers', `not in policy.${dataClass}.providers`));
      continue;
    }
    if (rule?.allow && !rule.allow.has(state.id)) {
      list.add(removed(candidate, 'workload-allow', `not in policy.workloads.${workload}.allow`));
      continue;
    }
    if (rule?.deny.has(state.id)) {
      list.add(removed(candidate, 'workload-deny', `in policy.workloads.${workload}.deny`));
      continue;
    }
    const unavailable = state.unavailability(now);
    if (unavailable) {
      list.add(removed(candidate, unavailable.rule, unavailable.reason));
      continue;
    }
    const window = provider.contextWindow;
    if (window !== undefined) {
      promptTokens ??= estimatePromptTokens(request);
      const needed = promptTokens + (request.maxOutputTokens ?? 0);
      if (needed > window) {
        list.add(
          removed(candidate, 'context-window', `needs about ${needed} tokens; context window is ${window}`),
        );
        continue;
      }
    }
    candidate.eligible = true;
    candidate.rule = 'class-order';
    candidate.reason = `${dataClass}: ${localFirst ? 'local' : 'cloud'} first`;
    if (dataClass === 'regulated') {
      candidate.rule = 'regulated-local-only';
      candidate.reason = 'regulated: local providers only';
    }
    list.add(candidate);
  }

  if (rule && rule.prefer.length > 0) {
    list.prefer(rule.prefer, 'workload-prefer', `preferred by policy.workloads.${workload}.prefer`);
  }

  // Local providers that are full go behind the ones that can start at once; for internal work,
  // behind cloud too (overflow) while local is full.
  const stateById = new Map(states.map((state) => [state.id, state]));
  const full = new Set<string>();
  let cloudAvailable = false;
  let localWithCapacity = false;
  for (const candidate of list.order) {
    if (candidate.kind === 'cloud') cloudAvailable = true;
    else if (stateById.get(candidate.provider)?.hasCapacity()) localWithCapacity = true;
    else full.add(candidate.provider);
  }
  if (full.size > 0 && dataClass === 'internal' && cloudAvailable) {
    list.demote(full, 'overflow', 'local provider at capacity: cloud first, local as fallback');
  } else if (full.size > 0 && localWithCapacity) {
    list.demote(full, 'capacity', 'at capacity: providers with a free slot first');
  }
  return list;
}
