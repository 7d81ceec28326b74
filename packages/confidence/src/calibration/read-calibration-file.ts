import { readFile } from 'node:fs/promises';
import { ConfigError } from '@switchyard/core';
import { type Calibration, parseCalibration } from './calibration';

/**
 * Reads and validates a calibration JSON file written by `switchyard calibrate`.
 *
 * @example
 * const router = createRouter({
 *   providers: [local, cloud],
 *   plugins: [logprobConfidence({ calibration: await readCalibrationFile('calibration.json'), to: ['cloud'] })],
 * });
 */
export async function readCalibrationFile(path: string): Promise<Calibration> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new ConfigError({
      message: `calibration: cannot read ${path}: ${String(error)}`,
      field: 'calibration',
      cause: error,
    });
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new ConfigError({
      message: `calibration: ${path} is not JSON: ${String(error)}`,
      field: 'calibration',
      cause: error,
    });
  }
  return parseCalibration(value, 'calibration');
}
