import type { Usage } from '@switchyard/core';
import type { LocalDeployment } from './local-deployment';

/** Hours in a (non-leap) year. */
export const HOURS_PER_YEAR = 8_760;
const SECONDS_PER_YEAR = HOURS_PER_YEAR * 3_600;

/** A deployment's total cost of ownership per year, by part, and what a token costs at a utilization. */
export interface TcoBreakdown {
  name: string;
  /** Hardware price over its amortization period. */
  hardwareUsd: number;
  /** Electricity for the machine at this utilization (busy hours at load, the rest idle). */
  powerUsd: number;
  /** Extra energy for cooling. */
  coolingUsd: number;
  engineeringUsd: number;
  rentalUsd: number;
  otherUsd: number;
  /** Everything, per year. */
  totalUsd: number;
  /** Everything, per hour of the year (busy or not). */
  usdPerHour: number;
  /** Utilization the figures below assume (0–1). */
  utilization: number;
  /** Output tokens produced per year at this utilization. */
  tokensPerYear: number;
  /** Effective cost per million output tokens at this utilization: idle hours are paid for by busy ones. */
  usdPerMTok: number;
  /** The same at 100% utilization: the floor. */
  usdPerMTokAtFullLoad: number;
}

/**
 * Total cost of ownership of a local deployment, per year and per million tokens, at its utilization
 * (or the one given). An idle GPU is expensive: halve utilization and the cost per token doubles.
 *
 * @example
 * const tco = computeTco(resolveLocalDeployment('2x-h100-owned'), { utilization: 0.25 });
 * tco.totalUsd;   // ≈ 75,000 a year
 * tco.usdPerMTok; // what each generated million tokens really costs at 25% busy
 */
export function computeTco(
  deployment: LocalDeployment,
  options: { utilization?: number } = {},
): TcoBreakdown {
  const utilization = options.utilization ?? deployment.utilization;
  const parts = annualParts(deployment, utilization);
  const capacity = deployment.throughputTokensPerSecond * SECONDS_PER_YEAR;
  const tokensPerYear = capacity * utilization;
  return {
    name: deployment.name,
    ...parts,
    usdPerHour: parts.totalUsd / HOURS_PER_YEAR,
    utilization,
    tokensPerYear,
    usdPerMTok: tokensPerYear > 0 ? (parts.totalUsd / tokensPerYear) * 1e6 : Number.POSITIVE_INFINITY,
    usdPerMTokAtFullLoad: (annualParts(deployment, 1).totalUsd / capacity) * 1e6,
  };
}

function annualParts(deployment: LocalDeployment, utilization: number) {
  const idleWatts = deployment.idlePowerWatts ?? deployment.powerWatts;
  const averageWatts = utilization * deployment.powerWatts + (1 - utilization) * idleWatts;
  const powerUsd = ((averageWatts * HOURS_PER_YEAR) / 1_000) * deployment.electricityUsdPerKwh;
  const coolingUsd = powerUsd * deployment.coolingOverhead;
  const hardwareUsd = deployment.hardwareUsd / deployment.amortizationYears;
  const engineeringUsd = deployment.engineerShare * deployment.engineerAnnualUsd;
  const rentalUsd = deployment.rentalUsdPerHour * (deployment.rentalHoursPerYear ?? HOURS_PER_YEAR);
  const otherUsd = deployment.otherAnnualUsd;
  const totalUsd = hardwareUsd + powerUsd + coolingUsd + engineeringUsd + rentalUsd + otherUsd;
  return { hardwareUsd, powerUsd, coolingUsd, engineeringUsd, rentalUsd, otherUsd, totalUsd };
}

/** Seconds of the machine's full-load time a response used: prompt processing plus generation. */
export function busySeconds(usage: Usage, deployment: LocalDeployment): number {
  const prefill = deployment.prefillTokensPerSecond ?? deployment.throughputTokensPerSecond * 8;
  const uncached = Math.max(0, usage.inputTokens - Math.max(0, usage.cacheReadTokens));
  return uncached / prefill + usage.outputTokens / deployment.throughputTokensPerSecond;
}

/** Cost of one busy second at a utilization: the year's cost spread over the busy seconds only. */
export function usdPerBusySecond(deployment: LocalDeployment, utilization = deployment.utilization): number {
  return annualParts(deployment, utilization).totalUsd / (SECONDS_PER_YEAR * utilization);
}
