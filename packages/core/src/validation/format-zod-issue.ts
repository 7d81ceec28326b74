import type { z } from 'zod';

/** `messages[0].content` from a zod issue path. */
export function formatPath(root: string, path: readonly PropertyKey[]): string {
  let out = root;
  for (const segment of path) {
    out +=
      typeof segment === 'number' ? `[${segment}]` : out === '' ? String(segment) : `.${String(segment)}`;
  }
  return out;
}

/**
 * The first issue of a zod error: the field path under `root` (`messages[0].content`), what is wrong
 * with it (`detail`), and both as `field: detail`. Unknown keys read `unknown option 'x'`; a union's
 * generic failure reads as its closest branch's problem.
 */
export function describeZodError(
  root: string,
  error: z.ZodError,
): { field: string; detail: string; message: string } {
  const issue = error.issues[0];
  if (!issue) return { field: root, detail: 'invalid', message: `${root}: invalid` };
  let path = issue.path;
  let detail = issue.message;
  if (issue.code === 'unrecognized_keys') {
    detail = `unknown option${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((key) => `'${key}'`).join(', ')}`;
  } else if (issue.code === 'invalid_union' && 'errors' in issue && issue.message === 'Invalid input') {
    // Report the closest branch rather than "invalid input".
    const branches = (issue as { errors: z.core.$ZodIssue[][] }).errors;
    const best = branches.reduce<z.core.$ZodIssue[] | undefined>(
      (found, branch) =>
        found === undefined || (branch[0]?.path.length ?? 0) > (found[0]?.path.length ?? 0) ? branch : found,
      undefined,
    );
    if (best?.[0]) {
      path = [...path, ...best[0].path];
      detail = best[0].message;
    }
  }
  const field = formatPath(root, path);
  return { field, detail, message: `${field}: ${detail}` };
}
