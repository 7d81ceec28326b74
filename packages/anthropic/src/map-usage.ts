import type { Usage } from '@switchyard/core';

/** Anthropic usage fields, as a whole message or a `message_delta` reports them. */
export interface AnthropicUsageFields {
  input_tokens?: number | null;
  output_tokens?: number | null;
  cache_creation_input_tokens?: number | null;
  cache_read_input_tokens?: number | null;
  cache_creation?: {
    ephemeral_5m_input_tokens?: number | null;
    ephemeral_1h_input_tokens?: number | null;
  } | null;
  output_tokens_details?: { thinking_tokens?: number | null } | null;
}

/**
 * Maps Anthropic's usage to core's. Anthropic's `input_tokens` leaves out cache reads and writes,
 * so `inputTokens` adds them back (core counts every input token); `cacheWrite1hTokens` is the
 * 1-hour part of the cache writes (`cache_creation.ephemeral_1h_input_tokens`).
 */
export function mapUsage(usage: AnthropicUsageFields): Usage {
  const read = usage.cache_read_input_tokens ?? 0;
  const written = usage.cache_creation_input_tokens ?? 0;
  const mapped: Usage = {
    inputTokens: (usage.input_tokens ?? 0) + read + written,
    outputTokens: usage.output_tokens ?? 0,
    cacheReadTokens: read,
    cacheWriteTokens: written,
  };
  if (usage.cache_creation) mapped.cacheWrite1hTokens = usage.cache_creation.ephemeral_1h_input_tokens ?? 0;
  const thinking = usage.output_tokens_details?.thinking_tokens;
  if (typeof thinking === 'number') mapped.reasoningTokens = thinking;
  return mapped;
}
