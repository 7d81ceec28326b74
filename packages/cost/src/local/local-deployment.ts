import { z } from 'zod';

/**
 * A local deployment's cost parameters: what the machine costs to own (or rent) and run, and how
 * many tokens it produces. Every field is an editable assumption; presets start from the guide's figures.
 */
export interface LocalDeployment {
  /** A label for reports (`2x H100 (owned)`). */
  name: string;
  /** Purchase price of the hardware, USD (0 when rented). */
  hardwareUsd: number;
  /** Years the hardware is written off over. */
  amortizationYears: number;
  /** Average draw of the whole machine under load, watts. */
  powerWatts: number;
  /** Draw when idle, watts. Default: `powerWatts` (conservative). */
  idlePowerWatts?: number;
  /** Electricity price, USD per kWh. */
  electricityUsdPerKwh: number;
  /** Cooling energy as a fraction of the machine's energy (0.5 = +50%; a PUE of 1.5). */
  coolingOverhead: number;
  /** Share of one engineer's time spent running it (0.25 = a quarter). */
  engineerShare: number;
  /** Loaded annual cost of that engineer, USD. */
  engineerAnnualUsd: number;
  /** Rent, USD per hour (per GPU-hour × GPUs), for rented hardware. 0 when owned. */
  rentalUsdPerHour: number;
  /** Hours rented per year. Default 8,760 (always on). */
  rentalHoursPerYear?: number;
  /** Anything else per year: colocation, support contracts, spares. */
  otherAnnualUsd: number;
  /** Measured aggregate generation throughput at full load, output tokens per second. */
  throughputTokensPerSecond: number;
  /** Prompt processing throughput, tokens per second. Default 8 × `throughputTokensPerSecond`. */
  prefillTokensPerSecond?: number;
  /** Share of the time the machine is busy (0–1): what the idle hours cost is spread over. */
  utilization: number;
}

const finite = (message: string) =>
  z.number({ error: message }).refine(Number.isFinite, 'must be a finite number');
const nonNegative = finite('must be a number').pipe(z.number().min(0, 'must not be negative'));
const positive = finite('must be a number').pipe(z.number().positive('must be greater than 0'));

/** Schema of a deployment; every cost field is required so nothing is silently zero. */
export const localDeploymentSchema = z.strictObject({
  name: z.string().min(1, 'must not be empty'),
  hardwareUsd: nonNegative,
  amortizationYears: positive,
  powerWatts: nonNegative,
  idlePowerWatts: nonNegative.optional(),
  electricityUsdPerKwh: nonNegative,
  coolingOverhead: nonNegative,
  engineerShare: nonNegative,
  engineerAnnualUsd: nonNegative,
  rentalUsdPerHour: nonNegative,
  rentalHoursPerYear: nonNegative.pipe(z.number().max(8_784, 'cannot exceed the hours in a year')).optional(),
  otherAnnualUsd: nonNegative,
  throughputTokensPerSecond: positive,
  prefillTokensPerSecond: positive.optional(),
  utilization: finite('must be a number').pipe(
    z.number().gt(0, 'must be greater than 0').max(1, 'must be at most 1'),
  ),
});
