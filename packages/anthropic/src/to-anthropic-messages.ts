import type { ContentBlockParam, TextBlockParam } from '@anthropic-ai/sdk/resources/messages';
import { InvalidRequestError, type Message } from '@switchyard/core';

/** System blocks and conversation turns, as the Messages API takes them. */
export interface AnthropicPrompt {
  system: TextBlockParam[];
  messages: Array<{ role: 'user' | 'assistant'; content: ContentBlockParam[] }>;
}

function invalid(provider: string, field: string, detail: string): InvalidRequestError {
  return new InvalidRequestError({ message: `${provider}: ${field}: ${detail}`, field, provider });
}

/**
 * Converts core messages to the Messages API: system messages are lifted into `system` blocks;
 * tool results become `tool_result` blocks in a user turn; assistant tool calls become `tool_use`
 * blocks (their JSON arguments parsed); consecutive turns of one role are merged; empty text is
 * dropped (the API rejects empty text blocks).
 */
export function toAnthropicMessages(messages: readonly Message[], provider: string): AnthropicPrompt {
  const system: TextBlockParam[] = [];
  const turns: AnthropicPrompt['messages'] = [];
  const push = (role: 'user' | 'assistant', block: ContentBlockParam) => {
    const last = turns.at(-1);
    if (last && last.role === role) last.content.push(block);
    else turns.push({ role, content: [block] });
  };
  for (let index = 0; index < messages.length; index++) {
    const message = messages[index]!;
    switch (message.role) {
      case 'system':
        if (message.content !== '') system.push({ type: 'text', text: message.content });
        break;
      case 'user':
        if (typeof message.content === 'string') {
          if (message.content !== '') push('user', { type: 'text', text: message.content });
        } else {
          for (const part of message.content)
            if (part.text !== '') push('user', { type: 'text', text: part.text });
        }
        break;
      case 'assistant':
        if (message.content) push('assistant', { type: 'text', text: message.content });
        for (const [position, call] of (message.toolCalls ?? []).entries()) {
          let input: unknown = {};
          if (call.arguments.trim() !== '') {
            try {
              input = JSON.parse(call.arguments);
            } catch {
              throw invalid(
                provider,
                `request.messages[${index}].toolCalls[${position}].arguments`,
                'must be JSON text of an object',
              );
            }
          }
          if (typeof input !== 'object' || input === null || Array.isArray(input)) {
            throw invalid(
              provider,
              `request.messages[${index}].toolCalls[${position}].arguments`,
              'must be JSON text of an object',
            );
          }
          push('assistant', { type: 'tool_use', id: call.id, name: call.name, input });
        }
        break;
      case 'tool':
        push('user', { type: 'tool_result', tool_use_id: message.toolCallId, content: message.content });
        break;
      default:
        throw invalid(
          provider,
          `request.messages[${index}].role`,
          'expected system, user, assistant or tool',
        );
    }
  }
  if (turns.length === 0) {
    throw invalid(provider, 'request.messages', 'needs at least one user or assistant message with content');
  }
  return { system, messages: turns };
}
