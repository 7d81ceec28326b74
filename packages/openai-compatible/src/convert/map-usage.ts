import type { Usage } from '@switchyard/core';
import type { WireUsage } from '../wire/chat-wire';

const count = (value: unknown): number =>
  typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : 0;

/** Maps Chat Completions usage (cached tokens are inside `prompt_tokens`, as core expects). */
export function mapUsage(usage: WireUsage | null | undefined): Usage {
  const out: Usage = {
    inputTokens: count(usage?.prompt_tokens),
    outputTokens: count(usage?.completion_tokens),
    cacheReadTokens: count(usage?.prompt_tokens_details?.cached_tokens),
    cacheWriteTokens: 0,
  };
  const reasoning = usage?.completion_tokens_details?.reasoning_tokens;
  if (typeof reasoning === 'number' && reasoning > 0) out.reasoningTokens = reasoning;
  return out;
}
