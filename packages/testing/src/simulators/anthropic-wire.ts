/**
 * Builders for Anthropic Messages API wire objects.
 *
 * Where the shapes come from:
 * - `Message`, `Usage`, `MessageDeltaUsage`, `RawMessageStreamEvent` in
 *   anthropics/anthropic-sdk-typescript `src/resources/messages/messages.ts`;
 * - the Messages streaming guide (event order: `message_start`, then per block
 *   `content_block_start` / `content_block_delta`* / `content_block_stop`, `ping` events anywhere,
 *   `message_delta` with cumulative usage, `message_stop`; `event: error` inside a 200 stream);
 * - the real responses in `__fixtures__/recorded-wire/anthropic-messages/` (`anthropic-text.*`,
 *   `anthropic-json-tool.1.*`, `anthropic-tool-no-args.*`, `anthropic-refusal.*`): key order, the
 *   `cache_creation` 5-minute / 1-hour split, `service_tier`, `inference_geo`, a first empty
 *   `input_json_delta`, `stop_details` on refusals.
 */

/** A tool call the simulator answers with. `arguments` is JSON text of an object. */
export interface AnthropicSimulatorToolCall {
  id: string;
  name: string;
  arguments: string;
}

/** What the Anthropic simulator answers. */
export interface AnthropicSimulatorReply {
  text?: string;
  toolCalls?: AnthropicSimulatorToolCall[];
  /** A thinking block before the answer (extended thinking). */
  thinking?: string;
  /** Default: `tool_use` with tool calls, `refusal` with `refusal`, else `end_turn`. */
  stopReason?: 'end_turn' | 'max_tokens' | 'stop_sequence' | 'tool_use' | 'pause_turn' | 'refusal';
  /** Answer with a refusal (`stop_reason: "refusal"`, `stop_details`), and no content. */
  refusal?: { category?: string; explanation?: string };
  /** The model named in the answer. Default: the requested model. */
  model?: string;
}

/** Token accounting of one answer, before it is put on the wire. */
export interface AnthropicTokenCounts {
  /** Input tokens neither read from nor written to the cache. */
  inputTokens: number;
  cacheCreationTokens: number;
  cacheReadTokens: number;
  cacheCreation5mTokens: number;
  cacheCreation1hTokens: number;
  outputTokens: number;
}

const TOKEN = /\s*\S+|\s+$/g;

/** Splits text into the simulator's "tokens" (a word with its leading space). */
export function splitAnthropicTokens(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

/** A rough, deterministic token count (4 characters a token, at least 1). */
export function estimateAnthropicTokens(text: string): number {
  return Math.max(1, Math.ceil(text.length / 4));
}

/** `usage` of a whole message (`Usage`). */
export function anthropicUsage(counts: AnthropicTokenCounts, outputTokens = counts.outputTokens) {
  return {
    input_tokens: counts.inputTokens,
    cache_creation_input_tokens: counts.cacheCreationTokens,
    cache_read_input_tokens: counts.cacheReadTokens,
    cache_creation: {
      ephemeral_5m_input_tokens: counts.cacheCreation5mTokens,
      ephemeral_1h_input_tokens: counts.cacheCreation1hTokens,
    },
    output_tokens: outputTokens,
    service_tier: 'standard',
    inference_geo: 'not_available',
  };
}

/** `usage` of a `message_delta` event (`MessageDeltaUsage`: cumulative totals). */
export function anthropicDeltaUsage(counts: AnthropicTokenCounts) {
  return {
    input_tokens: counts.inputTokens,
    cache_creation_input_tokens: counts.cacheCreationTokens,
    cache_read_input_tokens: counts.cacheReadTokens,
    output_tokens: counts.outputTokens,
  };
}

/** The content blocks of an answer, as a non-streaming `Message` holds them. */
export function anthropicContent(reply: AnthropicSimulatorReply): Array<Record<string, unknown>> {
  if (reply.refusal) return [];
  const content: Array<Record<string, unknown>> = [];
  if (reply.thinking) content.push({ type: 'thinking', thinking: reply.thinking, signature: 'c2lnbmF0dXJl' });
  if (reply.text) content.push({ type: 'text', text: reply.text });
  for (const call of reply.toolCalls ?? []) {
    content.push({
      type: 'tool_use',
      id: call.id,
      name: call.name,
      input: JSON.parse(call.arguments || '{}'),
    });
  }
  return content;
}

/** The stop reason an answer ends with. */
export function anthropicStopReason(reply: AnthropicSimulatorReply): string {
  if (reply.stopReason) return reply.stopReason;
  if (reply.refusal) return 'refusal';
  return (reply.toolCalls?.length ?? 0) > 0 ? 'tool_use' : 'end_turn';
}

/** `stop_details` of a refusal, as recorded. */
export function anthropicStopDetails(reply: AnthropicSimulatorReply, model: string) {
  if (!reply.refusal) return undefined;
  return {
    type: 'refusal',
    category: reply.refusal.category ?? 'cyber',
    explanation:
      reply.refusal.explanation ??
      "This request triggered restrictions on violative cyber content and was blocked under Anthropic's Usage Policy.",
    recommended_model: model,
  };
}

/** A whole non-streaming `Message` body. */
export function anthropicMessage(
  id: string,
  model: string,
  reply: AnthropicSimulatorReply,
  counts: AnthropicTokenCounts,
): Record<string, unknown> {
  const message: Record<string, unknown> = {
    model,
    id,
    type: 'message',
    role: 'assistant',
    content: anthropicContent(reply),
    stop_reason: anthropicStopReason(reply),
  };
  const details = anthropicStopDetails(reply, model);
  if (details) message.stop_details = details;
  message.stop_sequence = null;
  message.usage = anthropicUsage(counts);
  return message;
}

/** The `message_start` event: an empty message with the input usage and one output token so far. */
export function anthropicMessageStart(id: string, model: string, counts: AnthropicTokenCounts) {
  return {
    type: 'message_start',
    message: {
      model,
      id,
      type: 'message',
      role: 'assistant',
      content: [],
      stop_reason: null,
      stop_sequence: null,
      usage: anthropicUsage(counts, 1),
    },
  };
}

/** The `message_delta` event that closes an answer. */
export function anthropicMessageDelta(
  reply: AnthropicSimulatorReply,
  model: string,
  counts: AnthropicTokenCounts,
) {
  const delta: Record<string, unknown> = { stop_reason: anthropicStopReason(reply), stop_sequence: null };
  const details = anthropicStopDetails(reply, model);
  if (details) delta.stop_details = details;
  return { type: 'message_delta', delta, usage: anthropicDeltaUsage(counts) };
}
