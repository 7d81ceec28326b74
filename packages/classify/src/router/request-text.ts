import { type ChatRequest, InvalidRequestError } from '@switchyard/core';

/**
 * Every text of a request the model will read, in order: system prompts, user turns (string or
 * text parts), earlier assistant turns with their tool-call names and arguments, and tool results.
 * Joined with blank lines so evidence spread over messages (a name in one, a diagnosis in another)
 * is judged together.
 */
export function requestText(request: ChatRequest): string {
  if (typeof request !== 'object' || request === null || !Array.isArray(request.messages)) {
    throw new InvalidRequestError({
      message: 'classify: request.messages must be an array',
      field: 'messages',
    });
  }
  const parts: string[] = [];
  request.messages.forEach((message, index) => {
    if (typeof message !== 'object' || message === null) {
      throw new InvalidRequestError({
        message: `classify: messages[${index}] must be an object`,
        field: `messages[${index}]`,
      });
    }
    const content = (message as { content?: unknown }).content;
    if (typeof content === 'string') parts.push(content);
    else if (Array.isArray(content)) {
      content.forEach((part, partIndex) => {
        const text = (part as { text?: unknown } | null)?.text;
        if (typeof text === 'string') parts.push(text);
        else if (part && (part as { type?: unknown }).type === 'text') {
          throw new InvalidRequestError({
            message: `classify: messages[${index}].content[${partIndex}].text must be a string`,
            field: `messages[${index}].content[${partIndex}].text`,
          });
        }
      });
    } else if (content !== undefined && content !== null) {
      throw new InvalidRequestError({
        message: `classify: messages[${index}].content must be a string or an array of parts`,
        field: `messages[${index}].content`,
      });
    }
    if (message.role === 'assistant' && Array.isArray(message.toolCalls)) {
      for (const call of message.toolCalls) {
        if (typeof call?.name === 'string') parts.push(call.name);
        if (typeof call?.arguments === 'string') parts.push(call.arguments);
      }
    }
  });
  return parts.join('\n\n');
}
