import { ConfigError } from '@switchyard/core';
import type { z } from 'zod';

function formatPath(root: string, path: readonly PropertyKey[]): string {
  let out = root;
  for (const segment of path) {
    out +=
      typeof segment === 'number' ? `[${segment}]` : out === '' ? String(segment) : `.${String(segment)}`;
  }
  return out;
}

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
  const issue = result.error.issues[0];
  let path: readonly PropertyKey[] = issue?.path ?? [];
  let detail = issue?.message ?? 'invalid';
  if (issue?.code === 'unrecognized_keys') {
    detail = `unknown option${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((key) => `'${key}'`).join(', ')}`;
  } else if (issue?.code === 'invalid_union') {
    // Name the closest branch's problem rather than "invalid input".
    const branches =
      (issue as unknown as { errors: { path: PropertyKey[]; message: string }[][] }).errors ?? [];
    let best: { path: PropertyKey[]; message: string } | undefined;
    for (const branch of branches) {
      const first = branch[0];
      if (first && (best === undefined || first.path.length > best.path.length)) best = first;
    }
    if (best) {
      path = [...path, ...best.path];
      detail = best.message;
    }
  }
  const field = formatPath(root, path) || root || 'options';
  throw new ConfigError({ message: `${where}: ${field}: ${detail}`, field });
}
