import { type ChatRequest, InvalidRequestError } from '@switchyard/core';

/**
 * A cheap structural check of a request given straight to an adapter (the router validates fully
 * before it calls one). Throws `InvalidRequestError` naming the field.
 */
export function assertChatRequest(request: unknown, provider: string): asserts request is ChatRequest {
  if (typeof request !== 'object' || request === null) {
    throw new InvalidRequestError({
      message: `${provider}: request: expected an object`,
      field: 'request',
      provider,
    });
  }
  const messages = (request as { messages?: unknown }).messages;
  if (!Array.isArray(messages) || messages.length === 0) {
    throw new InvalidRequestError({
      message: `${provider}: request.messages: must hold at least one message`,
      field: 'request.messages',
      provider,
    });
  }
  const top = (request as { topLogprobs?: unknown }).topLogprobs;
  if (top !== undefined && (typeof top !== 'number' || !Number.isInteger(top) || top < 0 || top > 20)) {
    throw new InvalidRequestError({
      message: `${provider}: request.topLogprobs: must be an integer from 0 to 20`,
      field: 'request.topLogprobs',
      provider,
    });
  }
}
