import { ConfigError, describeZodError, InvalidRequestError } from '@switchyard/core';
import type { z } from 'zod';

/** Parses options with a zod schema; a bad field throws `ConfigError` naming it. */
export function parseOptions<T>(schema: z.ZodType<T>, value: unknown, root: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const { field, message } = describeZodError(root, result.error);
  throw new ConfigError({ message, field, cause: result.error });
}

/** Parses data (logprobs, labeled examples) with a zod schema; bad input throws `InvalidRequestError`. */
export function parseData<T>(schema: z.ZodType<T>, value: unknown, root: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const { field, message } = describeZodError(root, result.error);
  throw new InvalidRequestError({ message, field, cause: result.error });
}
