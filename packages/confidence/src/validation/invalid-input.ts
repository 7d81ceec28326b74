import { ConfigError, InvalidRequestError } from '@switchyard/core';
import type { z } from 'zod';

/** `root.path[0].field` from a zod issue path. */
export function formatPath(root: string, path: readonly PropertyKey[]): string {
  let out = root;
  for (const segment of path) {
    out +=
      typeof segment === 'number' ? `[${segment}]` : out === '' ? String(segment) : `.${String(segment)}`;
  }
  return out;
}

function describe(root: string, error: z.ZodError): { field: string; message: string } {
  const issue = error.issues[0];
  if (!issue) return { field: root, message: `${root}: invalid` };
  const field = formatPath(root, issue.path);
  const detail =
    issue.code === 'unrecognized_keys'
      ? `unknown option${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((key) => `'${key}'`).join(', ')}`
      : issue.message;
  return { field, message: `${field}: ${detail}` };
}

/** Parses options with a zod schema; a bad field throws `ConfigError` naming it. */
export function parseOptions<T>(schema: z.ZodType<T>, value: unknown, root: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const { field, message } = describe(root, result.error);
  throw new ConfigError({ message, field });
}

/** Parses data (logprobs, labeled examples) with a zod schema; bad input throws `InvalidRequestError`. */
export function parseData<T>(schema: z.ZodType<T>, value: unknown, root: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const { field, message } = describe(root, result.error);
  throw new InvalidRequestError({ message, field });
}
