import { z } from 'zod';
import { HOURS_PER_YEAR, computeTco } from '../local/compute-tco';
import { resolveLocalDeployment } from '../local/hardware-presets';
import type { LocalDeployment } from '../local/local-deployment';
import { parseOptions } from '../validation/parse-options';
import { type BandThresholds, GUIDE_BANDS, describeBand, spendBand } from './break-even-band';
import type { HybridSplit, Placement, PlanOptions, RoutingPlan, WorkloadPlan } from './routing-plan';
import { KIND_FACTOR, guessWorkloadKind } from './workload-kind';

export type {
  HybridSplit,
  Placement,
  PlanOptions,
  RoutingPlan,
  WorkloadPlan,
  WorkloadProfile,
} from './routing-plan';

const SECONDS_PER_YEAR = HOURS_PER_YEAR * 3_600;

const workloadSchema = z.looseObject({
  workload: z.string().min(1, 'must not be empty'),
  requests: z.number().min(0),
  inputTokens: z.number().min(0),
  outputTokens: z.number().min(0),
  cloudEquivalentUsd: z.number().min(0),
  cloudUsd: z.number().min(0),
  localUsd: z.number().min(0),
  servedLocal: z.number().min(0),
  servedCloud: z.number().min(0),
  dataClasses: z.looseObject({
    public: z.number().min(0),
    internal: z.number().min(0),
    regulated: z.number().min(0),
  }),
  escalations: z.number().min(0),
  kind: z.enum(['commodity', 'general', 'complex']).optional(),
});

const optionsSchema = z.looseObject({
  workloads: z.array(workloadSchema),
  periodDays: z.number().positive('must be greater than 0'),
  hardware: z.unknown(),
  maxUtilization: z.number().gt(0, 'must be greater than 0').max(1, 'must be at most 1').optional(),
  units: z.number().int('must be an integer').positive('must be greater than 0').optional(),
  setupUsd: z.number().min(0, 'must not be negative').optional(),
  bands: z.strictObject({ hybridFromUsd: z.number().min(0), ownedAboveUsd: z.number().min(0) }).optional(),
});

function busySecondsOf(inputTokens: number, outputTokens: number, deployment: LocalDeployment): number {
  const prefill = deployment.prefillTokensPerSecond ?? deployment.throughputTokensPerSecond * 8;
  return inputTokens / prefill + outputTokens / deployment.throughputTokensPerSecond;
}

interface Scored {
  plan: WorkloadPlan;
  busySecondsPerYear: number;
  /** What the scores alone suggest, before the whole plan is checked against the TCO. */
  preferred: Placement;
}

/**
 * Scores each workload on cost (volume × price gap), compliance (its data classes) and capability
 * (escalation rate and task kind), recommends what to move local, sizes the hardware, and reports
 * the annual TCO, break-even volume, payback and the resulting hybrid split. Optional moves are kept
 * only when they pay for the hardware: below break-even only regulated work moves.
 *
 * @example
 * const plan = planRouting({ workloads, periodDays: 30, hardware: '2x-h100-owned' });
 * plan.workloads.map((w) => `${w.workload}: ${w.placement}`);
 */
export function planRouting(options: PlanOptions): RoutingPlan {
  const parsed = parseOptions(optionsSchema, options, 'planRouting');
  const deployment = resolveLocalDeployment(options.hardware, 'hardware', 'planRouting');
  const maxUtilization = parsed.maxUtilization ?? 0.8;
  const setupUsd = parsed.setupUsd ?? 0;
  const bands = (parsed.bands as BandThresholds | undefined) ?? GUIDE_BANDS;
  const year = 365 / parsed.periodDays;
  // Marginal local price used for scoring: the deployment's planned utilization.
  const plannedPerBusySecond = computeTco(deployment).totalUsd / (SECONDS_PER_YEAR * deployment.utilization);

  const scored: Scored[] = options.workloads.map((profile) => {
    const requests = Math.max(profile.requests, 1e-9);
    const kind = profile.kind ?? guessWorkloadKind(profile.workload);
    const busySecondsPerYear = busySecondsOf(profile.inputTokens, profile.outputTokens, deployment) * year;
    const annualCloudUsd = profile.cloudEquivalentUsd * year;
    const annualLocalUsd = busySecondsPerYear * plannedPerBusySecond;
    const escalationRate = profile.escalations / requests;
    const regulatedShare = profile.dataClasses.regulated / requests;
    const compliance = Math.min(
      1,
      (profile.dataClasses.regulated + 0.5 * profile.dataClasses.internal) / requests,
    );
    const capability = KIND_FACTOR[kind] * (1 - Math.min(1, escalationRate));
    const gap = annualCloudUsd - annualLocalUsd;
    let preferred: Placement;
    let reason: string;
    if (profile.dataClasses.regulated > 0) {
      preferred = 'local-required';
      reason = `${pct(regulatedShare)} of requests carry regulated data: local only`;
      if (capability < 0.35)
        reason += ` (capability risk: ${pct(escalationRate)} escalations, ${kind} task; pick a stronger local model)`;
    } else if (gap <= 0) {
      preferred = 'cloud';
      reason = 'local would cost more than the API for this volume';
    } else if (capability >= 0.6) {
      preferred = 'local';
      reason = `${kind} task, ${pct(escalationRate)} escalations: a local model is good enough`;
    } else if (capability >= 0.35) {
      preferred = 'hybrid';
      reason = `local first with confidence escalation (${pct(escalationRate)} escalations, ${kind} task)`;
    } else {
      preferred = 'cloud';
      reason = `${kind} task with ${pct(escalationRate)} escalations: keep on frontier cloud models`;
    }
    return {
      busySecondsPerYear,
      preferred,
      plan: {
        workload: profile.workload,
        kind,
        requestsPerYear: profile.requests * year,
        tokensPerYear: (profile.inputTokens + profile.outputTokens) * year,
        annualCloudUsd,
        annualLocalUsd,
        annualGapUsd: gap,
        escalationRate,
        regulatedShare,
        scores: { cost: 0, compliance, capability },
        placement: preferred,
        localShare: 0,
        reason,
      },
    };
  });
  const maxGap = Math.max(0, ...scored.map((entry) => entry.plan.annualGapUsd));
  for (const entry of scored)
    entry.plan.scores.cost = maxGap > 0 ? Math.max(0, entry.plan.annualGapUsd) / maxGap : 0;

  const localShareOf = (placement: Placement, escalationRate: number) =>
    placement === 'local' || placement === 'local-required'
      ? 1
      : placement === 'hybrid'
        ? 1 - Math.max(escalationRate, 0.25)
        : 0;

  const evaluate = (placements: Placement[]) => {
    let busy = 0;
    let cloudUsd = 0;
    let localRequests = 0;
    let requests = 0;
    scored.forEach((entry, index) => {
      const share = localShareOf(placements[index]!, entry.plan.escalationRate);
      busy += entry.busySecondsPerYear * share;
      cloudUsd += entry.plan.annualCloudUsd * (1 - share);
      localRequests += entry.plan.requestsPerYear * share;
      requests += entry.plan.requestsPerYear;
    });
    const units =
      parsed.units ?? (busy > 0 ? Math.max(1, Math.ceil(busy / (SECONDS_PER_YEAR * maxUtilization))) : 0);
    const utilization = units > 0 ? Math.min(1, busy / (units * SECONDS_PER_YEAR)) : 0;
    const unitTco = computeTco(deployment, { utilization: Math.max(utilization, 1e-9) });
    const localUsd = units * unitTco.totalUsd;
    return {
      units,
      utilization,
      unitTco,
      split: {
        localShareRequests: requests > 0 ? localRequests / requests : 0,
        cloudUsd,
        localUsd,
        totalUsd: cloudUsd + localUsd,
      } satisfies HybridSplit,
    };
  };

  const preferred = scored.map((entry) => entry.preferred);
  const requiredOnly = scored.map((entry) =>
    entry.preferred === 'local-required' ? 'local-required' : 'cloud',
  );
  let chosen = evaluate(preferred);
  let placements = preferred;
  const fallback = evaluate(requiredOnly);
  const optional = preferred.some((placement) => placement === 'local' || placement === 'hybrid');
  if (optional && fallback.split.totalUsd <= chosen.split.totalUsd) {
    // The optional moves do not pay for the hardware: below break-even.
    chosen = fallback;
    placements = requiredOnly;
    scored.forEach((entry) => {
      if (entry.preferred === 'local' || entry.preferred === 'hybrid') {
        entry.plan.reason = `below break-even: moving it would not pay for the hardware (${entry.plan.reason})`;
      }
    });
  }
  scored.forEach((entry, index) => {
    entry.plan.placement = placements[index]!;
    entry.plan.localShare = localShareOf(placements[index]!, entry.plan.escalationRate);
  });

  const allCloudUsd = scored.reduce((sum, entry) => sum + entry.plan.annualCloudUsd, 0);
  const allCloud: HybridSplit = {
    localShareRequests: 0,
    cloudUsd: allCloudUsd,
    localUsd: 0,
    totalUsd: allCloudUsd,
  };
  const servedLocal = options.workloads.reduce((sum, profile) => sum + profile.servedLocal, 0);
  const served = options.workloads.reduce(
    (sum, profile) => sum + profile.servedLocal + profile.servedCloud,
    0,
  );
  const beforeCloud = options.workloads.reduce((sum, profile) => sum + profile.cloudUsd, 0) * year;
  const beforeLocal = options.workloads.reduce((sum, profile) => sum + profile.localUsd, 0) * year;
  const before: HybridSplit = {
    localShareRequests: served > 0 ? servedLocal / served : 0,
    cloudUsd: beforeCloud,
    localUsd: beforeLocal,
    totalUsd: beforeCloud + beforeLocal,
  };
  const after = chosen.split;
  const annualSavingsUsd = allCloudUsd - after.totalUsd;
  const movedApiSpendUsd = allCloudUsd - after.cloudUsd;
  const movedTokens = scored.reduce(
    (sum, entry) => sum + entry.plan.tokensPerYear * entry.plan.localShare,
    0,
  );
  const annualTcoUsd = after.localUsd;
  const pricePerToken = movedTokens > 0 ? movedApiSpendUsd / movedTokens : 0;
  const upfrontUsd = chosen.units * deployment.hardwareUsd + (chosen.units > 0 ? setupUsd : 0);
  // Cash view: amortization is not a monthly outflow once the hardware is bought.
  const monthlyCashSavings =
    (movedApiSpendUsd - (annualTcoUsd - chosen.units * chosen.unitTco.hardwareUsd)) / 12;
  const paybackMonths =
    chosen.units === 0 ? null : monthlyCashSavings > 0 ? upfrontUsd / monthlyCashSavings : null;
  const band = spendBand(allCloudUsd, bands);
  const moved = scored.filter((entry) => entry.plan.localShare > 0).map((entry) => entry.plan.workload);

  return {
    periodDays: parsed.periodDays,
    hardware: {
      name: deployment.name,
      units: chosen.units,
      utilization: chosen.utilization,
      unitTco: chosen.unitTco,
      annualTcoUsd,
      upfrontUsd,
    },
    band: { annualApiSpendUsd: allCloudUsd, band, note: describeBand(band) },
    workloads: scored.map((entry) => entry.plan).sort((a, b) => b.annualCloudUsd - a.annualCloudUsd),
    before,
    allCloud,
    after,
    annualSavingsUsd,
    savingsShare: allCloudUsd > 0 ? annualSavingsUsd / allCloudUsd : 0,
    breakEven: {
      annualApiSpendUsd: annualTcoUsd,
      annualTokens: pricePerToken > 0 ? annualTcoUsd / pricePerToken : Number.POSITIVE_INFINITY,
      movedApiSpendUsd,
    },
    paybackMonths,
    summary:
      moved.length === 0
        ? 'Stay on cloud APIs: no workload needs to, or pays to, move local.'
        : `Move ${moved.join(', ')} to ${chosen.units} × ${deployment.name}: ` +
          `${pct(after.localShareRequests)} of requests local, ` +
          (annualSavingsUsd >= 0
            ? `${usd(annualSavingsUsd)} a year saved versus all-cloud`
            : `${usd(-annualSavingsUsd)} a year more than all-cloud (required for compliance, not for cost)`) +
          (paybackMonths === null ? '' : `, payback in ${paybackMonths.toFixed(1)} months`) +
          '.',
  };
}

function pct(value: number): string {
  return `${(value * 100).toFixed(0)}%`;
}

function usd(value: number): string {
  return `${value < 0 ? '-' : ''}$${Math.round(Math.abs(value)).toLocaleString('en-US')}`;
}
