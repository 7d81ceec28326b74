import type { z } from 'zod';
import { ConfigError } from '../errors/errors';
import { describeZodError } from './format-zod-issue';

/**
 * Validates an options object once, at a factory's boundary: returns the parsed value, or throws a
 * `ConfigError` whose `field` and message name the offending option (`createOpenAI.model: ...`,
 * `createLlamaCpp: unknown option 'baseUrl'`). For adapters and plugins.
 *
 * @example
 * const settings = parseOptions(settingsSchema, input, 'createMyServer');
 */
export function parseOptions<T>(schema: z.ZodType<T>, input: unknown, root: string): T {
  if (typeof input !== 'object' || input === null) {
    throw new ConfigError({ message: `${root}: expected an options object`, field: root });
  }
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const { field, message } = describeZodError(root, result.error);
  throw new ConfigError({ message, field, cause: result.error });
}
