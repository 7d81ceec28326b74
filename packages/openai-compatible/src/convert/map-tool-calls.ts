import type { ToolCall } from '@switchyard/core';
import type { WireToolCall } from '../wire/chat-wire';

/** Tool-call arguments as JSON text (some servers send an object rather than a string). */
export function argumentsText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === undefined || value === null) return '';
  return JSON.stringify(value);
}

/** Maps a complete message's `tool_calls`. A call without an id gets `call_<index>`. */
export function mapToolCalls(calls: readonly WireToolCall[] | null | undefined): ToolCall[] {
  if (!calls || calls.length === 0) return [];
  return calls.map((call, index) => ({
    id: typeof call.id === 'string' && call.id.length > 0 ? call.id : `call_${index}`,
    name: call.function?.name ?? '',
    arguments: argumentsText(call.function?.arguments),
  }));
}
