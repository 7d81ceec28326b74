import { z } from 'zod';

const isFunction = (value: unknown) => typeof value === 'function';

/** Fields every local OpenAI-compatible adapter accepts. */
export const baseOptionShape = {
  /** Provider id used in routing policies and audit records. */
  id: z.string().min(1, 'must not be empty').optional(),
  /** Server root URL. A trailing `/` or `/v1` is removed. */
  baseURL: z
    .string()
    .refine(
      (value) => /^https?:\/\/[^\s/]+/.test(value),
      'must be an http(s) URL such as http://127.0.0.1:8080',
    )
    .optional(),
  /** Sent as `Authorization: Bearer <apiKey>`. */
  apiKey: z.string().min(1, 'must not be empty').optional(),
  /** Extra headers on every request. */
  headers: z.record(z.string(), z.string()).optional(),
  /** Context window in tokens; overrides what the server reports. */
  contextWindow: z.number().int().positive().optional(),
  /** A `fetch` implementation (default: the global one). */
  fetch: z.custom<typeof fetch>(isFunction, 'must be a fetch function').optional(),
};

/** Removes a trailing slash and a trailing `/v1` so paths can be appended uniformly. */
export function normalizeBaseURL(url: string): string {
  let out = url.trim();
  while (out.endsWith('/')) out = out.slice(0, -1);
  if (out.endsWith('/v1')) out = out.slice(0, -3);
  return out;
}
