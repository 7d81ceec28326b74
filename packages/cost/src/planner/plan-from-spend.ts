import { z } from 'zod';
import type { LocalDeploymentInput } from '../local/hardware-presets';
import { parseOptions } from '../validation/parse-options';
import type { BandThresholds } from './break-even-band';
import { type RoutingPlan, planRouting } from './plan-routing';

/** Options of `planFromSpend()`, for teams with no audit log yet. */
export interface SpendPlanOptions {
  /** Annual API spend, USD. */
  annualSpendUsd: number;
  /** Share of that spend that is high-volume commodity work (classification, extraction, summarization). Default 0.5. */
  commodityShare?: number;
  hardware: LocalDeploymentInput;
  /** Blended cloud price, USD per million tokens (input and output together). Default 4.375: gpt-4o at 3 input tokens per output token. */
  blendedUsdPerMTok?: number;
  /** Input tokens per output token. Default 3. */
  inputPerOutput?: number;
  /** Average tokens per request (input + output), to count requests. Default 1,000. */
  tokensPerRequest?: number;
  maxUtilization?: number;
  units?: number;
  setupUsd?: number;
  bands?: BandThresholds;
}

const schema = z.looseObject({
  annualSpendUsd: z.number({ error: 'must be a number (USD a year)' }).positive('must be greater than 0'),
  commodityShare: z.number().min(0, 'must be between 0 and 1').max(1, 'must be between 0 and 1').optional(),
  hardware: z.unknown(),
  blendedUsdPerMTok: z.number().positive('must be greater than 0').optional(),
  inputPerOutput: z.number().min(0, 'must not be negative').optional(),
  tokensPerRequest: z.number().positive('must be greater than 0').optional(),
});

/**
 * A plan from an annual API bill alone: the commodity share becomes one workload that can move
 * local, the rest a complex workload that stays on cloud; tokens follow from the blended price.
 *
 * @example
 * planFromSpend({ annualSpendUsd: 200_000, commodityShare: 0.8, hardware: '2x-h100-owned' });
 */
export function planFromSpend(options: SpendPlanOptions): RoutingPlan {
  const parsed = parseOptions(schema, options, 'planFromSpend');
  const share = parsed.commodityShare ?? 0.5;
  const blended = parsed.blendedUsdPerMTok ?? 4.375;
  const ratio = parsed.inputPerOutput ?? 3;
  const perRequest = parsed.tokensPerRequest ?? 1_000;
  const profile = (workload: string, kind: 'commodity' | 'complex', spend: number) => {
    const tokens = (spend / blended) * 1e6;
    const outputTokens = tokens / (1 + ratio);
    const requests = tokens / perRequest;
    return {
      workload,
      kind,
      requests,
      inputTokens: tokens - outputTokens,
      outputTokens,
      cloudEquivalentUsd: spend,
      cloudUsd: spend,
      localUsd: 0,
      servedLocal: 0,
      servedCloud: requests,
      dataClasses: { public: requests, internal: 0, regulated: 0 },
      escalations: 0,
    };
  };
  const workloads = [];
  if (share > 0) workloads.push(profile('commodity', 'commodity', parsed.annualSpendUsd * share));
  if (share < 1) workloads.push(profile('complex', 'complex', parsed.annualSpendUsd * (1 - share)));
  return planRouting({
    workloads,
    periodDays: 365,
    hardware: options.hardware,
    ...(options.maxUtilization === undefined ? {} : { maxUtilization: options.maxUtilization }),
    ...(options.units === undefined ? {} : { units: options.units }),
    ...(options.setupUsd === undefined ? {} : { setupUsd: options.setupUsd }),
    ...(options.bands === undefined ? {} : { bands: options.bands }),
  });
}
