import { ConfigError, describeZodError } from '@switchyard/core';
import type { z } from 'zod';

/**
 * Validates adapter options with a zod schema. Bad input throws `ConfigError` whose `field` names the
 * option (`options.baseURL`) and whose message says what is wrong with it.
 *
 * @example
 * const options = parseOptions(schema, input, 'createLlamaCpp');
 */
export function parseOptions<T extends z.ZodType>(schema: T, input: unknown, factory: string): z.output<T> {
  const result = schema.safeParse(input ?? {});
  if (result.success) return result.data;
  const { field, detail } = describeZodError('options', result.error);
  throw new ConfigError({ message: `${factory}: ${field}: ${detail}`, field, cause: result.error });
}
