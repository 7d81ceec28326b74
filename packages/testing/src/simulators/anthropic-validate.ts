import { type AnthropicErrorBody, anthropicErrorBody, anthropicPromptTooLong } from './anthropic-errors';
import { anthropicCacheBlocks } from './anthropic-prompt-cache';
import { estimateAnthropicTokens } from './anthropic-wire';

/** A rejected request: the status and body the real API would answer with. */
export interface AnthropicRejection {
  status: number;
  body: AnthropicErrorBody;
}

const invalid = (message: string): AnthropicRejection => ({
  status: 400,
  body: anthropicErrorBody('invalid_request_error', message),
});

/** Input tokens of a request, estimated the same way as the prompt cache counts them. */
export function estimateAnthropicPromptTokens(body: Record<string, unknown>): number {
  let total = 0;
  for (const block of anthropicCacheBlocks(body)) total += estimateAnthropicTokens(block.text);
  return total;
}

/**
 * Checks a Messages request the way the API does where that is cheap: `model`, `max_tokens` and
 * `messages` required, no empty text blocks, every `tool_result` answering a `tool_use` of the
 * message before, at most 4 `cache_control` breakpoints with 1-hour ones before 5-minute ones, and
 * the context window.
 */
export function validateAnthropicRequest(
  body: unknown,
  options: { contextWindow?: number } = {},
): AnthropicRejection | undefined {
  if (!body || typeof body !== 'object' || Array.isArray(body))
    return invalid('There was an issue with the format or content of your request.');
  const request = body as Record<string, unknown>;
  if (typeof request.model !== 'string' || request.model === '') return invalid('model: Field required');
  if (request.max_tokens === undefined) return invalid('max_tokens: Field required');
  if (
    typeof request.max_tokens !== 'number' ||
    !Number.isInteger(request.max_tokens) ||
    request.max_tokens < 0
  ) {
    return invalid('max_tokens: Input should be a valid integer');
  }
  if (!Array.isArray(request.messages)) return invalid('messages: Field required');
  if (request.messages.length === 0) return invalid('messages: at least one message is required');

  let previousToolUses = new Set<string>();
  for (const [index, message] of request.messages.entries()) {
    const record = (message ?? {}) as { role?: unknown; content?: unknown };
    if (record.role !== 'user' && record.role !== 'assistant' && record.role !== 'system') {
      return invalid(`messages.${index}.role: Input should be 'user' or 'assistant'`);
    }
    const toolUses = new Set<string>();
    if (typeof record.content === 'string') {
      if (record.content === '' && index < request.messages.length - 1) {
        return invalid(
          `messages.${index}: all messages must have non-empty content except for the optional final assistant message`,
        );
      }
    } else if (Array.isArray(record.content)) {
      for (const [position, block] of record.content.entries()) {
        const part = (block ?? {}) as { type?: unknown; text?: unknown; id?: unknown; tool_use_id?: unknown };
        if (part.type === 'text' && part.text === '')
          return invalid('messages: text content blocks must be non-empty');
        if (part.type === 'tool_use') toolUses.add(String(part.id));
        if (part.type === 'tool_result' && !previousToolUses.has(String(part.tool_use_id))) {
          return invalid(
            `messages.${index}.content.${position}: unexpected \`tool_use_id\` found in \`tool_result\` blocks: ${String(part.tool_use_id)}. Each \`tool_result\` block must have a corresponding \`tool_use\` block in the previous message.`,
          );
        }
      }
    } else {
      return invalid(`messages.${index}.content: Field required`);
    }
    previousToolUses = toolUses;
  }

  const blocks = anthropicCacheBlocks(request);
  const marked = blocks.filter((block) => block.ttl !== undefined);
  if (marked.length > 4) {
    return invalid(`A maximum of 4 blocks with cache_control may be provided. Found ${marked.length}.`);
  }
  let seen5m = false;
  for (const block of marked) {
    if (block.ttl === '5m') seen5m = true;
    else if (seen5m) {
      return invalid(
        "a ttl='1h' cache_control block must not come after a ttl='5m' cache_control block. Note that blocks are processed in the following order: `tools`, `system`, `messages`.",
      );
    }
  }
  if (options.contextWindow !== undefined) {
    let total = 0;
    for (const block of blocks) total += estimateAnthropicTokens(block.text);
    if (total > options.contextWindow) {
      return { status: 400, body: anthropicPromptTooLong(total, options.contextWindow) };
    }
  }
  return undefined;
}
