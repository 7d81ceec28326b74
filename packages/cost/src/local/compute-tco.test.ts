import { ConfigError } from '@switchyard/core';
import { describe, expect, it } from 'vitest';
import { busySeconds, computeTco, usdPerBusySecond } from './compute-tco';
import { HARDWARE_PRESET_NAMES, HARDWARE_PRESETS, resolveLocalDeployment } from './hardware-presets';
import type { LocalDeployment } from './local-deployment';

// The guide: "Self-hosted TCO for a 70B model on 2x H100: hardware amortized over three years runs
// $28,000–$40,000 annually. Power and cooling add $10,000–$25,000. A quarter of one MLOps engineer's
// time adds $30,000–$50,000. Total: $68,000–$115,000 per year."
// Inputs this test states for the two ends of that range:
const low: LocalDeployment = {
  name: '2x H100, low end',
  hardwareUsd: 84_000, // server with two H100s, written off over 3 years → $28,000 a year
  amortizationYears: 3,
  powerWatts: 3_200, // whole server at load, always on
  electricityUsdPerKwh: 0.18,
  coolingOverhead: 1, // cooling doubles the energy (colocation, PUE 2.0)
  engineerShare: 0.25,
  engineerAnnualUsd: 120_000,
  rentalUsdPerHour: 0,
  otherAnnualUsd: 0,
  throughputTokensPerSecond: 2_500,
  utilization: 1,
};
const high: LocalDeployment = {
  ...low,
  name: '2x H100, high end',
  hardwareUsd: 120_000, // → $40,000 a year
  powerWatts: 4_000,
  electricityUsdPerKwh: 0.36,
  engineerAnnualUsd: 200_000,
};

describe('computeTco: the guide’s 70B-on-2×H100 figures', () => {
  it('reproduces each line and the $68k–$115k total', () => {
    const lower = computeTco(low);
    expect(lower.hardwareUsd).toBeCloseTo(28_000, 6);
    expect(lower.powerUsd + lower.coolingUsd).toBeGreaterThanOrEqual(10_000);
    expect(lower.powerUsd + lower.coolingUsd).toBeLessThan(10_200);
    expect(lower.engineeringUsd).toBe(30_000);
    expect(Math.round(lower.totalUsd / 1_000)).toBe(68);

    const upper = computeTco(high);
    expect(upper.hardwareUsd).toBeCloseTo(40_000, 6);
    expect(upper.powerUsd + upper.coolingUsd).toBeGreaterThan(24_800);
    expect(upper.powerUsd + upper.coolingUsd).toBeLessThanOrEqual(25_300);
    expect(upper.engineeringUsd).toBe(50_000);
    expect(Math.round(upper.totalUsd / 1_000)).toBe(115);
  });

  it('the 2×H100 preset lands inside the guide’s range', () => {
    const preset = computeTco(resolveLocalDeployment('2x-h100-owned'));
    expect(preset.totalUsd).toBeGreaterThan(68_000);
    expect(preset.totalUsd).toBeLessThan(115_000);
  });
});

describe('computeTco: per hour and per token', () => {
  it('spreads the year over busy hours: an idle GPU is expensive', () => {
    const deployment = resolveLocalDeployment('2x-h100-owned');
    const busy = computeTco(deployment, { utilization: 0.8 });
    const idle = computeTco(deployment, { utilization: 0.1 });
    expect(busy.usdPerHour).toBeCloseTo(busy.totalUsd / 8_760, 9);
    // Fixed costs dominate: 8× less busy is nearly 8× the cost per token.
    expect(idle.usdPerMTok / busy.usdPerMTok).toBeGreaterThan(7);
    expect(idle.usdPerMTok).toBeGreaterThan(idle.usdPerMTokAtFullLoad * 9);
    // Per million tokens = annual cost / tokens produced at that utilization.
    const tokens = 2_500 * 3_600 * 8_760 * 0.8;
    expect(busy.tokensPerYear).toBeCloseTo(tokens, 0);
    expect(busy.usdPerMTok).toBeCloseTo((busy.totalUsd / tokens) * 1e6, 9);
  });

  it('rented hardware costs its rent plus operations, with no hardware line', () => {
    const rented = computeTco(
      resolveLocalDeployment({ preset: 'h100-rented', rentalUsdPerHour: 2, engineerShare: 0 }),
    );
    expect(rented.hardwareUsd).toBe(0);
    expect(rented.rentalUsd).toBeCloseTo(2 * 8_760, 9);
    expect(rented.totalUsd).toBeCloseTo(17_520, 9);
  });

  it('prices a request by the busy time it used at the planned utilization', () => {
    const deployment = resolveLocalDeployment({ preset: 'rtx-4090', utilization: 0.5 });
    const usage = { inputTokens: 8_000, cacheReadTokens: 0, cacheWriteTokens: 0, outputTokens: 500 };
    const seconds = busySeconds(usage, deployment);
    expect(seconds).toBeCloseTo(8_000 / 8_000 + 500 / 1_000, 12);
    const perSecond = usdPerBusySecond(deployment);
    expect(perSecond).toBeCloseTo(computeTco(deployment).totalUsd / (8_760 * 3_600 * 0.5), 15);
    // Cached prompt tokens cost no prefill time.
    expect(busySeconds({ ...usage, cacheReadTokens: 8_000 }, deployment)).toBeCloseTo(0.5, 12);
  });
});

describe('presets', () => {
  it('has the five hardware presets with the guide’s figures', () => {
    expect(HARDWARE_PRESET_NAMES.sort()).toEqual(
      ['2x-h100-owned', 'h100-rented', 'l40s', 'mac-studio-m3-ultra-256gb', 'rtx-4090'].sort(),
    );
    expect(HARDWARE_PRESETS['mac-studio-m3-ultra-256gb'].hardwareUsd).toBe(5_999);
    expect(HARDWARE_PRESETS['mac-studio-m3-ultra-256gb'].powerWatts).toBeLessThanOrEqual(270);
    expect(HARDWARE_PRESETS['rtx-4090'].powerWatts).toBe(450);
    expect(HARDWARE_PRESETS.l40s.hardwareUsd).toBeGreaterThanOrEqual(8_000);
    expect(HARDWARE_PRESETS.l40s.hardwareUsd).toBeLessThanOrEqual(10_000);
    expect(HARDWARE_PRESETS['h100-rented'].rentalUsdPerHour).toBeGreaterThanOrEqual(2);
    expect(HARDWARE_PRESETS['h100-rented'].rentalUsdPerHour).toBeLessThanOrEqual(3.9);
    for (const name of HARDWARE_PRESET_NAMES) expect(() => resolveLocalDeployment(name)).not.toThrow();
  });

  it('takes overrides on top of a preset', () => {
    const deployment = resolveLocalDeployment({
      preset: 'l40s',
      electricityUsdPerKwh: 0.3,
      utilization: 0.2,
    });
    expect(deployment).toMatchObject({
      name: 'L40S',
      electricityUsdPerKwh: 0.3,
      utilization: 0.2,
      hardwareUsd: 9_000,
    });
  });

  it('rejects bad deployments with a ConfigError naming the field', () => {
    expect(() => resolveLocalDeployment('gtx-1080' as never)).toThrow(/unknown hardware preset 'gtx-1080'/);
    expect(() => resolveLocalDeployment({ preset: 'l40s', utilization: 0 })).toThrow(
      /deployment\.utilization: must be greater than 0/,
    );
    expect(() => resolveLocalDeployment({ preset: 'l40s', powerWatts: -5 })).toThrow(
      /deployment\.powerWatts/,
    );
    const { throughputTokensPerSecond: _omitted, ...incomplete } = HARDWARE_PRESETS.l40s;
    try {
      resolveLocalDeployment(incomplete as LocalDeployment, 'deployments.local');
      expect.unreachable();
    } catch (error) {
      expect(ConfigError.isInstance(error)).toBe(true);
      expect((error as ConfigError).field).toBe('deployments.local.throughputTokensPerSecond');
    }
  });
});
