import type { ProviderKind } from '@switchyard/core';
import type OpenAI from 'openai';
import { z } from 'zod';

/** Settings of `createOpenAI`. */
export interface OpenAIProviderSettings {
  /** Id of this provider in policies and audit records. Default `openai`. */
  id?: string;
  /** The model to call, e.g. `gpt-4o-mini`, `o4-mini`, or an OpenAI-compatible cloud's model id. */
  model: string;
  /** API key. Default: the SDK reads `OPENAI_API_KEY`. Not with `client`. */
  apiKey?: string;
  /** API base URL, for any OpenAI-compatible cloud (e.g. `https://api.x.ai/v1`). Not with `client`. */
  baseURL?: string;
  /** `OpenAI-Organization` header. Not with `client`. */
  organization?: string;
  /** `OpenAI-Project` header. Not with `client`. */
  project?: string;
  /** Extra headers on every request. Not with `client`. */
  headers?: Record<string, string>;
  /** A `fetch` implementation for the SDK. Not with `client`. */
  fetch?: typeof fetch;
  /** The SDK's own per-request timeout in ms (the router has its own deadlines). Default 600000. Not with `client`. */
  timeoutMs?: number;
  /** A ready `OpenAI` client to use instead of building one (its retries are overridden to 0 per call). */
  client?: OpenAI;
  /** Default `cloud`. */
  kind?: ProviderKind;
  /**
   * Whether the model is a reasoning model (refuses `logprobs` and sampling parameters, which are then
   * never sent; confidence is unknown). Default: detected from the name (o-series, gpt-5 family).
   */
  reasoning?: boolean;
  /** Context window in tokens, when known: the router skips this provider for larger prompts. */
  contextWindow?: number;
  /** Ask streams for usage at the end (`stream_options.include_usage`). Default true; turn off for servers that reject it. */
  streamUsage?: boolean;
  /** Which body field carries `maxOutputTokens`. Default `max_completion_tokens`; some compatible servers want `max_tokens`. */
  maxTokensParameter?: 'max_completion_tokens' | 'max_tokens';
  /** Give the provider a `health()` probe (`GET /models`). Default false: probing a cloud API costs requests. */
  healthCheck?: boolean;
}

const nonEmpty = z.string().min(1, 'must not be empty');
const positiveInt = z.number().int('must be an integer').positive('must be positive');

const CLIENT_ONLY = [
  'apiKey',
  'baseURL',
  'organization',
  'project',
  'headers',
  'fetch',
  'timeoutMs',
] as const;

export const openAISettingsSchema = z
  .strictObject({
    id: nonEmpty.optional(),
    model: nonEmpty,
    apiKey: nonEmpty.optional(),
    baseURL: z
      .string()
      .refine((value) => URL.canParse(value), 'must be an absolute URL, e.g. https://api.openai.com/v1')
      .optional(),
    organization: nonEmpty.optional(),
    project: nonEmpty.optional(),
    headers: z.record(z.string(), z.string()).optional(),
    fetch: z
      .custom<typeof fetch>((value) => typeof value === 'function', 'must be a fetch function')
      .optional(),
    timeoutMs: positiveInt.optional(),
    client: z
      .custom<OpenAI>(
        (value) =>
          typeof value === 'object' &&
          value !== null &&
          typeof (value as { chat?: { completions?: { create?: unknown } } }).chat?.completions?.create ===
            'function',
        'must be an OpenAI client (new OpenAI(...))',
      )
      .optional(),
    kind: z.enum(['local', 'cloud']).optional(),
    reasoning: z.boolean().optional(),
    contextWindow: positiveInt.optional(),
    streamUsage: z.boolean().optional(),
    maxTokensParameter: z.enum(['max_completion_tokens', 'max_tokens']).optional(),
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
