import type { ToolCall } from './chat-request';

/** Why generation stopped, normalized across providers. */
export type FinishReason = 'stop' | 'length' | 'tool_calls' | 'content_filter' | 'error' | 'other';

/**
 * Token usage of one response.
 *
 * `inputTokens` counts every input token, cached or not; `cacheReadTokens` and `cacheWriteTokens`
 * are the parts of it read from or written to a prompt cache. (OpenAI reports cached tokens inside
 * `prompt_tokens`; Anthropic reports them beside `input_tokens`: adapters normalize to this shape.)
 */
export interface Usage {
  inputTokens: number;
  outputTokens: number;
  cacheReadTokens: number;
  cacheWriteTokens: number;
  /** The 1-hour part of `cacheWriteTokens` where the provider prices it separately (Anthropic). */
  cacheWrite1hTokens?: number;
  /** Reasoning tokens inside `outputTokens`, where the provider reports them. */
  reasoningTokens?: number;
}

/** An alternative token at one position, with its log probability (natural log). */
export interface TopLogprob {
  token: string;
  logprob: number;
}

/** The log probability of one generated token, and the most likely alternatives at its position. */
export interface TokenLogprob {
  token: string;
  logprob: number;
  topLogprobs: TopLogprob[];
}

/** A provider-neutral response. */
export interface ChatResponse {
  text: string;
  toolCalls: ToolCall[];
  finishReason: FinishReason;
  usage: Usage;
  /** Per-token logprobs when asked for and the provider gave them; absent otherwise. */
  logprobs?: TokenLogprob[];
  /** Id of the provider that served the answer. */
  provider: string;
  /** The model that served it, as the provider reported it. */
  model: string;
  /** Wall time of the call that produced this answer, in milliseconds. */
  latencyMs: number;
  /** For streams: time from the call to the first event, in milliseconds. */
  timeToFirstTokenMs?: number;
  /** The provider's own id for the response, when it gives one. */
  responseId?: string;
}

/** An all-zero usage record. */
export function emptyUsage(): Usage {
  return { inputTokens: 0, outputTokens: 0, cacheReadTokens: 0, cacheWriteTokens: 0 };
}
