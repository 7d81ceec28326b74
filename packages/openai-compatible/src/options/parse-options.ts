import { ConfigError } from '@switchyard/core';
import type { z } from 'zod';

function formatPath(root: string, path: readonly PropertyKey[]): string {
  let out = root;
  for (const segment of path) out += typeof segment === 'number' ? `[${segment}]` : `.${String(segment)}`;
  return out;
}

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
  const issue = result.error.issues[0];
  let path: readonly PropertyKey[] = issue?.path ?? [];
  let detail = issue?.message ?? 'invalid';
  if (issue?.code === 'invalid_union') {
    // Report the branch that got furthest (`autoPlace.sharding`) rather than "invalid input".
    const branches = (issue as { errors?: { path: PropertyKey[]; message: string }[][] }).errors ?? [];
    let best: { path: PropertyKey[]; message: string } | undefined;
    for (const branch of branches) {
      const first = branch[0];
      if (first && (best === undefined || first.path.length > best.path.length)) best = first;
    }
    if (best && best.path.length > 0) {
      path = [...path, ...best.path];
      detail = best.message;
    }
  }
  const field = formatPath('options', path);
  if (issue?.code === 'unrecognized_keys') {
    detail = `unknown option${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((key) => `'${key}'`).join(', ')}`;
  }
  throw new ConfigError({ message: `${factory}: ${field}: ${detail}`, field, cause: result.error });
}
