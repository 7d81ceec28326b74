/**
 * The parts of the OpenAI Chat Completions wire format that local servers speak (openai/openai-node
 * `src/resources/chat/completions/completions.ts`). Every field is optional on the way in: servers
 * differ, and the adapters check what they use.
 */

export interface WireToolCall {
  index?: number;
  id?: string | null;
  type?: string;
  function?: { name?: string | null; arguments?: string | Record<string, unknown> | null };
}

export interface WireMessage {
  role: string;
  content?: unknown;
  tool_calls?: WireToolCall[];
  tool_call_id?: string;
}

export interface WireTopLogprob {
  id?: number;
  token?: string;
  logprob?: number | null;
  bytes?: number[] | null;
}

export interface WireLogprobEntry extends WireTopLogprob {
  top_logprobs?: WireTopLogprob[] | null;
}

export interface WireUsage {
  prompt_tokens?: number;
  completion_tokens?: number;
  total_tokens?: number;
  prompt_tokens_details?: { cached_tokens?: number } | null;
  completion_tokens_details?: { reasoning_tokens?: number } | null;
}

export interface WireChoice {
  index?: number;
  message?: { role?: string; content?: string | null; tool_calls?: WireToolCall[] | null } | null;
  delta?: { role?: string | null; content?: string | null; tool_calls?: WireToolCall[] | null } | null;
  finish_reason?: string | null;
  /** Usually `{content: [...]}`; older servers use other shapes, read by the adapter. */
  logprobs?: unknown;
  usage?: WireUsage | null;
}

export interface WireChatResponse {
  id?: string;
  object?: string;
  model?: string;
  choices?: WireChoice[];
  usage?: WireUsage | null;
  error?: unknown;
}

/** A chat request body as sent. */
export type WireChatBody = Record<string, unknown> & { messages: WireMessage[] };
