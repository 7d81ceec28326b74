import type { ChatResponse, StreamEvent } from '@switchyard/core';

/** The events of a complete response, for a server that answered a stream request with plain JSON. */
export function responseToEvents(response: ChatResponse): StreamEvent[] {
  const events: StreamEvent[] = [];
  if (response.text.length > 0) events.push({ type: 'text-delta', text: response.text });
  response.toolCalls.forEach((call, index) => {
    events.push({
      type: 'tool-call-delta',
      index,
      id: call.id,
      name: call.name,
      argumentsDelta: call.arguments,
    });
  });
  if (response.logprobs && response.logprobs.length > 0)
    events.push({ type: 'logprobs', logprobs: response.logprobs });
  events.push({ type: 'usage', usage: response.usage });
  events.push({
    type: 'finish',
    finishReason: response.finishReason,
    model: response.model,
    ...(response.responseId === undefined ? {} : { responseId: response.responseId }),
  });
  return events;
}
