import { type ChatResponse, ProviderError, type ToolCall } from '@switchyard/core';
import type { ChatCompletion } from 'openai/resources/chat/completions';
import { mapFinishReason } from './map-finish-reason';
import { mapLogprobs } from './map-logprobs';
import { mapUsage } from './map-usage';

/**
 * Converts a `chat.completion` to core's response. A structured-output refusal has no text and
 * finishes with `content_filter`. Logprobs are returned only when asked for and present.
 */
export function toChatResponse(
  completion: ChatCompletion,
  context: { id: string; logprobs: boolean; latencyMs: number },
): ChatResponse {
  const choice = completion.choices?.[0];
  if (!choice) {
    throw new ProviderError({ message: `${context.id}: the response has no choices`, provider: context.id });
  }
  const message = choice.message;
  const toolCalls: ToolCall[] = [];
  for (const call of message.tool_calls ?? []) {
    if (call.type === 'function') {
      toolCalls.push({ id: call.id, name: call.function.name, arguments: call.function.arguments });
    }
  }
  const refused = typeof message.refusal === 'string' && message.refusal !== '';
  const response: ChatResponse = {
    text: refused ? '' : (message.content ?? ''),
    toolCalls,
    finishReason: mapFinishReason(choice.finish_reason, refused),
    usage: mapUsage(completion.usage),
    provider: context.id,
    model: completion.model,
    latencyMs: context.latencyMs,
  };
  if (completion.id) response.responseId = completion.id;
  if (context.logprobs) {
    const content = choice.logprobs?.content;
    if (content && content.length > 0) response.logprobs = mapLogprobs(content);
  }
  return response;
}
