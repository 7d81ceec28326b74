import { ConfigError, describeZodError } from '@switchyard/core';
import type { z } from 'zod';

/**
 * Validates `input` against `schema`, or throws a `ConfigError` whose message and `field` name the
 * first offending option (for example `createCostMeter: budgets[0].limitUsd: must be positive`).
 */
export function parseOptions<T extends z.ZodType>(
  schema: T,
  input: unknown,
  where: string,
  root = '',
): z.output<T> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const described = describeZodError(root, result.error);
  const field = described.field || root || 'options';
  throw new ConfigError({ message: `${where}: ${field}: ${described.detail}`, field, cause: result.error });
}
