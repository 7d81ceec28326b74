/** A plain text content part of a user message. */
export interface TextPart {
  type: 'text';
  text: string;
}

/** A tool (function) call made by the model. `arguments` is the raw JSON text the model produced. */
export interface ToolCall {
  id: string;
  name: string;
  arguments: string;
}

/** Instructions for the model. Adapters whose API has a separate system field lift these out. */
export interface SystemMessage {
  role: 'system';
  content: string;
}

export interface UserMessage {
  role: 'user';
  content: string | TextPart[];
}

export interface AssistantMessage {
  role: 'assistant';
  /** Text of an earlier answer; may be empty when the turn only called tools. */
  content?: string | null;
  toolCalls?: ToolCall[];
}

/** The result of a tool call, answering the assistant's call with the same `toolCallId`. */
export interface ToolMessage {
  role: 'tool';
  toolCallId: string;
  content: string;
}

export type Message = SystemMessage | UserMessage | AssistantMessage | ToolMessage;

/** A tool the model may call, with its parameters as a JSON Schema object. */
export interface ToolDefinition {
  name: string;
  description?: string;
  parameters: Record<string, unknown>;
}

export type ToolChoice = 'auto' | 'none' | 'required' | { type: 'tool'; name: string };

/** Output format: free text, any JSON object, or JSON matching a schema. */
export type ResponseFormat =
  | { type: 'text' }
  | { type: 'json' }
  | {
      type: 'json_schema';
      name: string;
      schema: Record<string, unknown>;
      description?: string;
      strict?: boolean;
    };

/**
 * A provider-neutral chat request. Every adapter maps this onto its own wire format.
 *
 * @example
 * const request: ChatRequest = {
 *   messages: [{ role: 'user', content: 'Summarize this ticket: ...' }],
 *   maxOutputTokens: 256,
 *   logprobs: true,
 * };
 */
export interface ChatRequest {
  messages: Message[];
  tools?: ToolDefinition[];
  toolChoice?: ToolChoice;
  responseFormat?: ResponseFormat;
  temperature?: number;
  topP?: number;
  /** Honoured by local servers (llama.cpp, MLX) and Anthropic; ignored where unsupported. */
  topK?: number;
  seed?: number;
  presencePenalty?: number;
  frequencyPenalty?: number;
  maxOutputTokens?: number;
  stop?: string[];
  /** Ask for per-token logprobs (used for confidence). Providers that cannot give them return none. */
  logprobs?: boolean;
  /** How many alternatives per token, 0-20, when `logprobs` is on. */
  topLogprobs?: number;
  /** Ends the request, its retries and fallbacks at once. */
  signal?: AbortSignal;
  /**
   * Options passed through to one adapter, keyed by the adapter's name (`openai`, `anthropic`,
   * `llamacpp`, ...) or a provider id. Ignored by every other adapter.
   */
  providerOptions?: Record<string, Record<string, unknown>>;
}
