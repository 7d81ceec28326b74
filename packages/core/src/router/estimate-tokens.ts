import type { ChatRequest } from '../types/chat-request';

/**
 * A cheap upper-leaning estimate of a request's prompt tokens (about 4 characters a token, plus
 * per-message overhead). Used only to skip providers whose context window is clearly too small.
 */
export function estimatePromptTokens(request: ChatRequest): number {
  let characters = 0;
  for (const message of request.messages) {
    characters += 16;
    const content = message.content;
    if (typeof content === 'string') characters += content.length;
    else if (Array.isArray(content)) for (const part of content) characters += part.text.length;
    if (message.role === 'assistant' && message.toolCalls) {
      for (const call of message.toolCalls) characters += call.name.length + call.arguments.length;
    }
  }
  if (request.tools) characters += JSON.stringify(request.tools).length;
  return Math.ceil(characters / 4);
}
