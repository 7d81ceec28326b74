import type Anthropic from '@anthropic-ai/sdk';
import type { ProviderKind } from '@switchyard/core';
import { z } from 'zod';

/** Prompt caching: off, or `cache_control` breakpoints with a 5-minute or 1-hour TTL. */
export type PromptCaching = false | '5m' | '1h';

/** Settings of `createAnthropic`. */
export interface AnthropicProviderSettings {
  /** Id of this provider in policies and audit records. Default `anthropic`. */
  id?: string;
  /** The model to call, e.g. `claude-sonnet-4-5`. */
  model: string;
  /** API key (`x-api-key`). Default: the SDK reads `ANTHROPIC_API_KEY`. Not with `client`. */
  apiKey?: string;
  /** API origin, e.g. a simulator's URL. Default `https://api.anthropic.com`. Not with `client`. */
  baseURL?: string;
  /** Extra headers on every request (e.g. `anthropic-beta`). Not with `client`. */
  headers?: Record<string, string>;
  /** A `fetch` implementation for the SDK. Not with `client`. */
  fetch?: typeof fetch;
  /** The SDK's own per-request timeout in ms (the router has its own deadlines). Not with `client`. */
  timeoutMs?: number;
  /** A ready `Anthropic` client to use instead of building one (its retries are overridden to 0 per call). */
  client?: Anthropic;
  /** Default `cloud`. */
  kind?: ProviderKind;
  /**
   * Prompt caching from one option: `'5m'` or `'1h'` puts a `cache_control` breakpoint with that TTL
   * on the last tool, the last system block and the last message block, so the whole prefix is
   * cached for the next turn. Default `false`.
   */
  promptCaching?: PromptCaching;
  /** `max_tokens` when a request sets no `maxOutputTokens` (the API requires one). Default 4096. */
  maxOutputTokens?: number;
  /** Context window in tokens, when known: the router skips this provider for larger prompts. */
  contextWindow?: number;
  /** Give the provider a `health()` probe (`GET /v1/models`). Default false: probing a cloud API costs requests. */
  healthCheck?: boolean;
}

const nonEmpty = z.string().min(1, 'must not be empty');
const positiveInt = z.number().int('must be an integer').positive('must be positive');
const CLIENT_ONLY = ['apiKey', 'baseURL', 'headers', 'fetch', 'timeoutMs'] as const;

export const anthropicSettingsSchema = z
  .strictObject({
    id: nonEmpty.optional(),
    model: nonEmpty,
    apiKey: nonEmpty.optional(),
    baseURL: z
      .string()
      .refine((value) => URL.canParse(value), 'must be an absolute URL, e.g. https://api.anthropic.com')
      .optional(),
    headers: z.record(z.string(), z.string()).optional(),
    fetch: z
      .custom<typeof fetch>((value) => typeof value === 'function', 'must be a fetch function')
      .optional(),
    timeoutMs: positiveInt.optional(),
    client: z
      .custom<Anthropic>(
        (value) =>
          typeof value === 'object' &&
          value !== null &&
          typeof (value as { messages?: { create?: unknown } }).messages?.create === 'function',
        'must be an Anthropic client (new Anthropic(...))',
      )
      .optional(),
    kind: z.enum(['local', 'cloud']).optional(),
    promptCaching: z
      .union([z.literal(false), z.literal('5m'), z.literal('1h')], { error: "must be false, '5m' or '1h'" })
      .optional(),
    maxOutputTokens: positiveInt.optional(),
    contextWindow: positiveInt.optional(),
    healthCheck: z.boolean().optional(),
  })
  .superRefine((settings, context) => {
    if (!settings.client) return;
    for (const key of CLIENT_ONLY) {
      if (settings[key] !== undefined) {
        context.addIssue({
          code: 'custom',
          path: [key],
          message: 'set it on the client you pass as `client`, not here',
        });
      }
    }
  });
