import { ConfigError } from '@switchyard/core';
import { parseOptions } from '../validation/parse-options';
import { type LocalDeployment, localDeploymentSchema } from './local-deployment';

/** Names of the built-in hardware presets. */
export type HardwarePresetName =
  | 'mac-studio-m3-ultra-256gb'
  | 'rtx-4090'
  | 'l40s'
  | '2x-h100-owned'
  | 'h100-rented';

/**
 * Starting points with the guide's figures (prices, power draw, rental rates). Throughput and
 * utilization are typical values, not measurements: replace them with yours.
 */
export const HARDWARE_PRESETS: Readonly<Record<HardwarePresetName, Readonly<LocalDeployment>>> =
  Object.freeze({
    // Guide: ~$5,999, 160–270 W, silent, loads a 70B model; Qwen3-30B-A3B in 4-bit.
    'mac-studio-m3-ultra-256gb': {
      name: 'Mac Studio M3 Ultra 256 GB',
      hardwareUsd: 5_999,
      amortizationYears: 3,
      powerWatts: 270,
      idlePowerWatts: 20,
      electricityUsdPerKwh: 0.15,
      coolingOverhead: 0,
      engineerShare: 0.1,
      engineerAnnualUsd: 160_000,
      rentalUsdPerHour: 0,
      otherAnnualUsd: 0,
      throughputTokensPerSecond: 100,
      prefillTokensPerSecond: 800,
      utilization: 0.3,
    },
    // Guide: $2,500–$3,500+ (end of life), 450 W, 7B–13B models. Card only: add the host to hardwareUsd.
    'rtx-4090': {
      name: 'RTX 4090',
      hardwareUsd: 3_000,
      amortizationYears: 3,
      powerWatts: 450,
      idlePowerWatts: 30,
      electricityUsdPerKwh: 0.15,
      coolingOverhead: 0.2,
      engineerShare: 0.1,
      engineerAnnualUsd: 160_000,
      rentalUsdPerHour: 0,
      otherAnnualUsd: 0,
      throughputTokensPerSecond: 1_000,
      prefillTokensPerSecond: 8_000,
      utilization: 0.5,
    },
    // Guide: $8,000–$10,000, 48 GB, 30B–70B for light multi-user production.
    l40s: {
      name: 'L40S',
      hardwareUsd: 9_000,
      amortizationYears: 3,
      powerWatts: 350,
      idlePowerWatts: 40,
      electricityUsdPerKwh: 0.15,
      coolingOverhead: 0.3,
      engineerShare: 0.15,
      engineerAnnualUsd: 160_000,
      rentalUsdPerHour: 0,
      otherAnnualUsd: 0,
      throughputTokensPerSecond: 600,
      prefillTokensPerSecond: 4_800,
      utilization: 0.5,
    },
    // Guide: H100 at $25,000–$40,000; 70B on 2×H100 costs $68k–$115k a year (hardware over 3 years,
    // power and cooling, a quarter of an MLOps engineer).
    '2x-h100-owned': {
      name: '2x H100 (owned)',
      hardwareUsd: 100_000,
      amortizationYears: 3,
      powerWatts: 2_800,
      idlePowerWatts: 700,
      electricityUsdPerKwh: 0.15,
      coolingOverhead: 0.5,
      engineerShare: 0.25,
      engineerAnnualUsd: 160_000,
      rentalUsdPerHour: 0,
      otherAnnualUsd: 0,
      throughputTokensPerSecond: 2_500,
      prefillTokensPerSecond: 20_000,
      utilization: 0.6,
    },
    // Guide: cloud GPU rental at $2.00–$3.90 per GPU-hour (Vast.ai, Lambda Labs). One GPU, always on.
    'h100-rented': {
      name: 'H100 (rented per GPU-hour)',
      hardwareUsd: 0,
      amortizationYears: 1,
      powerWatts: 0,
      electricityUsdPerKwh: 0,
      coolingOverhead: 0,
      engineerShare: 0.25,
      engineerAnnualUsd: 160_000,
      rentalUsdPerHour: 2.95,
      rentalHoursPerYear: 8_760,
      otherAnnualUsd: 0,
      throughputTokensPerSecond: 1_500,
      prefillTokensPerSecond: 12_000,
      utilization: 0.6,
    },
  });

/** Names of every preset. */
export const HARDWARE_PRESET_NAMES = Object.keys(HARDWARE_PRESETS) as HardwarePresetName[];

/** True when `name` is a built-in preset. */
export function isHardwarePreset(name: string): name is HardwarePresetName {
  return Object.hasOwn(HARDWARE_PRESETS, name);
}

/** What a deployment may be given as: a preset name, a preset with overrides, or every field. */
export type LocalDeploymentInput =
  | HardwarePresetName
  | ({ preset: HardwarePresetName } & Partial<LocalDeployment>)
  | LocalDeployment;

/**
 * A validated deployment from a preset name, a preset plus overrides, or a full description.
 *
 * @example
 * resolveLocalDeployment({ preset: '2x-h100-owned', electricityUsdPerKwh: 0.3, utilization: 0.4 });
 */
export function resolveLocalDeployment(
  input: LocalDeploymentInput,
  field = 'deployment',
  where = 'resolveLocalDeployment',
): LocalDeployment {
  let candidate: unknown = input;
  if (typeof input === 'string') {
    if (!isHardwarePreset(input)) {
      throw new ConfigError({
        message: `${where}: ${field}: unknown hardware preset '${input}' (known: ${HARDWARE_PRESET_NAMES.join(', ')})`,
        field,
      });
    }
    candidate = HARDWARE_PRESETS[input];
  } else if (typeof input === 'object' && input !== null && 'preset' in input) {
    const { preset, ...overrides } = input;
    if (typeof preset !== 'string' || !isHardwarePreset(preset)) {
      throw new ConfigError({
        message: `${where}: ${field}.preset: unknown hardware preset '${String(preset)}' (known: ${HARDWARE_PRESET_NAMES.join(', ')})`,
        field: `${field}.preset`,
      });
    }
    candidate = { ...HARDWARE_PRESETS[preset], ...overrides };
  }
  return parseOptions(localDeploymentSchema, candidate, where, field) as LocalDeployment;
}
