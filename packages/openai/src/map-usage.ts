import type { Usage } from '@switchyard/core';
import type { CompletionUsage } from 'openai/resources/completions';

/**
 * Maps OpenAI's usage to core's. `prompt_tokens` already counts cached tokens, so it is
 * `inputTokens` as is; `prompt_tokens_details.cached_tokens` is the part read from the cache.
 * OpenAI does not bill cache writes separately (`cacheWriteTokens` is 0).
 */
export function mapUsage(usage: CompletionUsage | null | undefined): Usage {
  if (!usage) return { inputTokens: 0, outputTokens: 0, cacheReadTokens: 0, cacheWriteTokens: 0 };
  const mapped: Usage = {
    inputTokens: usage.prompt_tokens ?? 0,
    outputTokens: usage.completion_tokens ?? 0,
    cacheReadTokens: usage.prompt_tokens_details?.cached_tokens ?? 0,
    cacheWriteTokens: 0,
  };
  const reasoning = usage.completion_tokens_details?.reasoning_tokens;
  if (typeof reasoning === 'number') mapped.reasoningTokens = reasoning;
  return mapped;
}
