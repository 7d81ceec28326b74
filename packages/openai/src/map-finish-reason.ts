import type { FinishReason } from '@switchyard/core';

/** Maps OpenAI's `finish_reason` (and a structured-output refusal) to core's finish reason. */
export function mapFinishReason(reason: string | null | undefined, refused = false): FinishReason {
  if (refused) return 'content_filter';
  switch (reason) {
    case 'stop':
      return 'stop';
    case 'length':
      return 'length';
    case 'tool_calls':
    case 'function_call':
      return 'tool_calls';
    case 'content_filter':
      return 'content_filter';
    default:
      return 'other';
  }
}
