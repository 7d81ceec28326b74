import type { Message } from '@switchyard/core';
import type { WireMessage } from '../wire/chat-wire';

/** Maps core messages onto the Chat Completions `messages` array. */
export function convertMessages(messages: readonly Message[]): WireMessage[] {
  const out: WireMessage[] = new Array(messages.length);
  for (let index = 0; index < messages.length; index++) {
    const message = messages[index]!;
    switch (message.role) {
      case 'system':
        out[index] = { role: 'system', content: message.content };
        break;
      case 'user':
        out[index] = { role: 'user', content: message.content };
        break;
      case 'assistant': {
        const wire: WireMessage = { role: 'assistant', content: message.content ?? null };
        if (message.toolCalls && message.toolCalls.length > 0) {
          wire.tool_calls = message.toolCalls.map((call) => ({
            id: call.id,
            type: 'function',
            function: { name: call.name, arguments: call.arguments },
          }));
        }
        out[index] = wire;
        break;
      }
      case 'tool':
        out[index] = { role: 'tool', tool_call_id: message.toolCallId, content: message.content };
        break;
    }
  }
  return out;
}
