import type { Message } from '@anthropic-ai/sdk/resources/messages';
import type { ChatResponse, ToolCall } from '@switchyard/core';
import { mapStopReason } from './map-stop-reason';
import { mapUsage } from './map-usage';

/**
 * Converts a Messages API `Message` to core's response: text blocks joined, `tool_use` blocks as
 * tool calls (arguments as JSON text), thinking and other blocks left out. No logprobs: the API has
 * none, so confidence is unknown.
 */
export function toChatResponse(message: Message, context: { id: string; latencyMs: number }): ChatResponse {
  let text = '';
  const toolCalls: ToolCall[] = [];
  for (const block of message.content ?? []) {
    if (block.type === 'text') text += block.text;
    else if (block.type === 'tool_use') {
      toolCalls.push({ id: block.id, name: block.name, arguments: JSON.stringify(block.input ?? {}) });
    }
  }
  return {
    text,
    toolCalls,
    finishReason: mapStopReason(message.stop_reason),
    usage: mapUsage(message.usage ?? {}),
    provider: context.id,
    model: message.model,
    latencyMs: context.latencyMs,
    responseId: message.id,
  };
}
