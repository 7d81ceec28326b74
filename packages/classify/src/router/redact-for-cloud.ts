import {
  type ChatRequest,
  type ChatResponse,
  type Message,
  parseOptions,
  type RouterPlugin,
} from '@switchyard/core';
import { z } from 'zod';
import { createPseudonymVault, type PseudonymVault } from '../redact/pseudonym-vault';
import type { RedactOptions, RedactResult } from '../redact/redact';

/** Options of `redactForCloud()`. */
export interface RedactForCloudOptions {
  /**
   * How PII is replaced in requests bound for a cloud provider: `pseudonym` (default; reversible, so
   * the answer is re-identified), `type` (`[EMAIL_ADDRESS]`) or `mask` (`*****`).
   */
  mode?: 'pseudonym' | 'type' | 'mask';
  /** HMAC key of the pseudonyms. Default: random per plugin (tokens cannot be linked across routers). */
  key?: string;
  /** Plugin name. Default `redact-for-cloud`. */
  name?: string;
}

const optionsSchema = z.strictObject({
  mode: z.enum(['pseudonym', 'type', 'mask']).optional(),
  key: z.string().min(16, 'must be at least 16 characters').optional(),
  name: z.string().min(1).optional(),
});

type Redact = (text: string, options?: RedactOptions) => RedactResult;

const REGULATED_LABELS = new Set(['phi', 'npi', 'privileged', 'trade_secret', 'credentials']);

function redactMessage(message: Message, redact: (text: string) => string): Message {
  switch (message.role) {
    case 'system':
    case 'tool':
      return { ...message, content: redact(message.content) };
    case 'user':
      return typeof message.content === 'string'
        ? { ...message, content: redact(message.content) }
        : { ...message, content: message.content.map((part) => ({ ...part, text: redact(part.text) })) };
    case 'assistant':
      return {
        ...message,
        ...(typeof message.content === 'string' ? { content: redact(message.content) } : {}),
        ...(message.toolCalls
          ? { toolCalls: message.toolCalls.map((call) => ({ ...call, arguments: redact(call.arguments) })) }
          : {}),
      };
  }
}

/**
 * A router plugin that redacts PII from requests bound for a cloud provider — only when the request
 * holds PII and nothing regulated (regulated requests never reach cloud at all) — and, in
 * `pseudonym` mode, re-identifies the answer through a per-request in-memory vault. Local providers
 * get the text unchanged. If a text cannot be redacted completely, the cloud call fails (and the
 * router falls back) rather than send it.
 *
 * Streams: the deltas are re-identified as they arrive (a token cut between two deltas is held back
 * until it is whole), and so is the assembled answer in the `finish` event.
 *
 * @example
 * const classifier = createClassifier();
 * const router = createRouter({
 *   providers: [local, openai],
 *   classifier: classifier.forRouter(),
 *   plugins: [classifier.redactForCloud()],
 * });
 */
export function createRedactForCloudPlugin(
  redact: Redact,
  options: RedactForCloudOptions = {},
): RouterPlugin {
  const parsed = parseOptions(optionsSchema, options, 'redactForCloud');
  const mode = parsed.mode ?? 'pseudonym';
  const name = parsed.name ?? 'redact-for-cloud';
  const vaultKey = `${name}:vault`;
  return {
    name,
    prepareRequest(request: ChatRequest, attempt, context) {
      if (attempt.kind !== 'cloud' || context.dataClass === 'regulated') return undefined;
      const labels = context.classification?.labels ?? [];
      if (!labels.includes('pii') || labels.some((label) => REGULATED_LABELS.has(label))) return undefined;
      let vault: PseudonymVault | undefined;
      if (mode === 'pseudonym') {
        vault = context.state.get(vaultKey) as PseudonymVault | undefined;
        if (!vault) {
          vault = createPseudonymVault(parsed.key ? { key: parsed.key } : {});
          context.state.set(vaultKey, vault);
        }
      }
      const redactText = (text: string) => redact(text, { mode, ...(vault ? { vault } : {}) }).text;
      return { ...request, messages: request.messages.map((message) => redactMessage(message, redactText)) };
    },
    transformStream(attempt, context) {
      if (attempt.kind !== 'cloud') return undefined;
      const vault = context.state.get(vaultKey) as PseudonymVault | undefined;
      if (!vault || vault.size === 0) return undefined;
      const channels = new Map<string, ReturnType<PseudonymVault['reidentifyStream']>>();
      const channel = (name: string) => {
        let stream = channels.get(name);
        if (!stream) {
          stream = vault.reidentifyStream();
          channels.set(name, stream);
        }
        return stream;
      };
      return {
        push: (name, delta) => channel(name).push(delta),
        flush: (name) => channel(name).flush(),
      };
    },
    transformResponse(response: ChatResponse, attempt, context) {
      if (attempt.kind !== 'cloud') return undefined;
      const vault = context.state.get(vaultKey) as PseudonymVault | undefined;
      if (!vault || vault.size === 0) return undefined;
      return {
        ...response,
        text: vault.reidentify(response.text),
        toolCalls: response.toolCalls.map((call) => ({
          ...call,
          arguments: vault.reidentify(call.arguments),
        })),
      };
    },
  };
}
