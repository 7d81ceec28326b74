import { InvalidRequestError, type Message } from '@switchyard/core';
import type { ChatCompletionMessageParam } from 'openai/resources/chat/completions';

/**
 * Converts core messages to Chat Completions messages: system, user (text or text parts),
 * assistant (with `tool_calls`), and tool results (`tool_call_id`).
 */
export function toOpenAIMessages(
  messages: readonly Message[],
  provider: string,
): ChatCompletionMessageParam[] {
  const out: ChatCompletionMessageParam[] = new Array(messages.length);
  for (let index = 0; index < messages.length; index++) {
    const message = messages[index]!;
    switch (message.role) {
      case 'system':
        out[index] = { role: 'system', content: message.content };
        break;
      case 'user':
        out[index] = {
          role: 'user',
          content:
            typeof message.content === 'string'
              ? message.content
              : message.content.map((part) => ({ type: 'text' as const, text: part.text })),
        };
        break;
      case 'assistant': {
        const calls = message.toolCalls;
        if (calls && calls.length > 0) {
          out[index] = {
            role: 'assistant',
            content: message.content || null,
            tool_calls: calls.map((call) => ({
              id: call.id,
              type: 'function' as const,
              function: { name: call.name, arguments: call.arguments },
            })),
          };
        } else {
          out[index] = { role: 'assistant', content: message.content ?? '' };
        }
        break;
      }
      case 'tool':
        out[index] = { role: 'tool', tool_call_id: message.toolCallId, content: message.content };
        break;
      default:
        throw new InvalidRequestError({
          message: `${provider}: request.messages[${index}].role: expected system, user, assistant or tool`,
          field: `request.messages[${index}].role`,
          provider,
        });
    }
  }
  return out;
}
