import { ConfigError } from '@switchyard/core';
import { describe, expect, it } from 'vitest';
import { computeTco } from '../local/compute-tco';
import type { LocalDeployment } from '../local/local-deployment';
import { GUIDE_BANDS, spendBand } from './break-even-band';
import { planFromSpend } from './plan-from-spend';

describe('the guide’s break-even bands', () => {
  it('classifies annual API spend: below $50k cloud, $50k–$500k hybrid, above $500k owned', () => {
    expect(GUIDE_BANDS).toEqual({ hybridFromUsd: 50_000, ownedAboveUsd: 500_000 });
    expect(spendBand(49_999)).toBe('cloud');
    expect(spendBand(50_000)).toBe('hybrid');
    expect(spendBand(500_000)).toBe('hybrid');
    expect(spendBand(500_001)).toBe('owned');
  });

  // Inputs: the guide's cheapest 70B-on-2×H100 year ($68k: $28k hardware, ~$10k power and
  // cooling, $30k for a quarter of an engineer), a gpt-4o-priced bill, 80% of it commodity work.
  const guideLow: LocalDeployment = {
    name: '2x H100 (guide, low end)',
    hardwareUsd: 84_000,
    amortizationYears: 3,
    powerWatts: 3_200,
    electricityUsdPerKwh: 0.18,
    coolingOverhead: 1,
    engineerShare: 0.25,
    engineerAnnualUsd: 120_000,
    rentalUsdPerHour: 0,
    otherAnnualUsd: 0,
    throughputTokensPerSecond: 2_500,
    prefillTokensPerSecond: 20_000,
    utilization: 0.6,
  };

  it('below $50k a year, self-hosting costs more than it saves: nothing optional moves', () => {
    expect(computeTco(guideLow).totalUsd).toBeGreaterThan(50_000);
    const plan = planFromSpend({ annualSpendUsd: 45_000, commodityShare: 0.8, hardware: guideLow });
    expect(plan.band.band).toBe('cloud');
    expect(plan.workloads.every((workload) => workload.placement === 'cloud')).toBe(true);
    expect(plan.hardware.units).toBe(0);
    expect(plan.annualSavingsUsd).toBe(0);
    expect(plan.summary).toMatch(/Stay on cloud/);
    // Had it moved anyway: a loss. Even moving the whole bill cannot beat one year of ownership.
    const forced = planFromSpend({ annualSpendUsd: 45_000, commodityShare: 1, hardware: guideLow, units: 1 });
    expect(forced.after.totalUsd).toBeGreaterThan(forced.allCloud.totalUsd);
  });

  it('between $50k and $500k, the answer is hybrid: commodity work local, complex work on cloud', () => {
    const plan = planFromSpend({ annualSpendUsd: 200_000, commodityShare: 0.8, hardware: guideLow });
    expect(plan.band.band).toBe('hybrid');
    const byName = Object.fromEntries(plan.workloads.map((workload) => [workload.workload, workload]));
    expect(byName.commodity?.placement).toBe('local');
    expect(byName.complex?.placement).toBe('cloud');
    expect(plan.hardware.units).toBe(1);
    expect(plan.annualSavingsUsd).toBeGreaterThan(0);
    expect(plan.after.cloudUsd).toBeCloseTo(40_000, 6);
    expect(plan.after.localShareRequests).toBeCloseTo(0.8, 9);
    expect(plan.paybackMonths).toBeGreaterThan(0);
    expect(plan.paybackMonths).toBeLessThan(12);
  });

  it('above $500k, owned infrastructure dominates', () => {
    const plan = planFromSpend({ annualSpendUsd: 800_000, commodityShare: 0.8, hardware: guideLow });
    expect(plan.band.band).toBe('owned');
    expect(plan.savingsShare).toBeGreaterThan(0.6);
    expect(plan.breakEven.annualApiSpendUsd).toBeLessThan(plan.breakEven.movedApiSpendUsd / 4);
  });
});

describe('the guide’s fintech case', () => {
  // The guide: "$47,000 per month in API costs dropped to $8,000 by routing bulk summarization to a
  // self-hosted 7B model on spot H100s while keeping complex reasoning on cloud APIs. An 83%
  // reduction, four-month payback." Inputs this test states: 90% of the bill is bulk summarization
  // at gpt-4o prices (3 input tokens per output token); a 7B model on a spot H100 at $2.26 per
  // GPU-hour generates 1,000 tokens/s (8,000 prompt tokens/s) with long summarization prompts,
  // planned at up to 80% busy; operations are covered by the existing team; the move itself takes
  // $156,000 of one-time engineering.
  const plan = planFromSpend({
    annualSpendUsd: 47_000 * 12,
    commodityShare: 0.9,
    hardware: {
      preset: 'h100-rented',
      name: '7B on spot H100',
      rentalUsdPerHour: 2.26,
      engineerShare: 0,
      throughputTokensPerSecond: 1_000,
      prefillTokensPerSecond: 8_000,
    },
    setupUsd: 156_000,
  });

  it('routes bulk summarization to two spot H100s and keeps complex reasoning on cloud', () => {
    const byName = Object.fromEntries(
      plan.workloads.map((workload) => [workload.workload, workload.placement]),
    );
    expect(byName).toEqual({ commodity: 'local', complex: 'cloud' });
    expect(plan.hardware.units).toBe(2);
  });

  it('goes from $47k to about $8k a month: 83% less', () => {
    expect(plan.allCloud.totalUsd / 12).toBeCloseTo(47_000, 6);
    expect(Math.round(plan.after.totalUsd / 12 / 100) * 100).toBe(8_000);
    expect(Math.round(plan.savingsShare * 100)).toBe(83);
  });

  it('pays back in about four months', () => {
    expect(plan.paybackMonths).not.toBeNull();
    expect(Math.round(plan.paybackMonths!)).toBe(4);
  });
});

describe('planFromSpend options', () => {
  it('rejects bad input with a ConfigError naming the field', () => {
    expect(() => planFromSpend({ annualSpendUsd: -1, hardware: 'l40s' })).toThrow(
      /annualSpendUsd: must be greater than 0/,
    );
    expect(() => planFromSpend({ annualSpendUsd: 1, commodityShare: 2, hardware: 'l40s' })).toThrow(
      /commodityShare/,
    );
    try {
      planFromSpend({ annualSpendUsd: 100_000, hardware: 'tpu-v9' as never });
      expect.unreachable();
    } catch (error) {
      expect(ConfigError.isInstance(error)).toBe(true);
      expect((error as ConfigError).field).toBe('hardware');
    }
  });
});
