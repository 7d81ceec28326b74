import type { RawMessageStreamEvent } from '@anthropic-ai/sdk/resources/messages';
import { abortErrorFor, type StreamEvent, StreamInterruptedError } from '@switchyard/core';
import { mapAnthropicStreamFailure } from './map-anthropic-error';
import { mapStopReason } from './map-stop-reason';
import { type AnthropicUsageFields, mapUsage } from './map-usage';

/** What the stream converter needs to know about the call. */
export interface StreamContext {
  id: string;
  signal: AbortSignal | undefined;
}

const interrupted = (id: string, detail: string): StreamEvent => ({
  type: 'error',
  error: new StreamInterruptedError({ message: `${id}: ${detail}`, provider: id }),
});

/**
 * Converts Messages API stream events to core stream events.
 *
 * - Text deltas and `tool_use` input deltas stream through (a tool's `index` is its content block's);
 *   a tool whose input stayed empty gets `{}` as its arguments.
 * - Usage starts from `message_start` and takes every non-null field of `message_delta` (cumulative
 *   totals, input tokens included), so nothing is counted twice; it is sent once, before `finish`.
 * - A repeated `message_start` for the open message (same id) is ignored. A `message_start` with a
 *   different id while a message is open (a spliced stream) ends the stream with a
 *   `StreamInterruptedError`: the first message never finished, and the second one's blocks cannot
 *   be told apart from it.
 * - `event: error` ends the stream with the mapped error (529 `overloaded_error` → retryable); a
 *   stream without `message_stop` ends with `StreamInterruptedError`; an abort throws.
 */
export async function* toStreamEvents(
  events: AsyncIterable<RawMessageStreamEvent>,
  context: StreamContext,
): AsyncGenerator<StreamEvent, void, undefined> {
  const { id } = context;
  let messageId: string | undefined;
  let model: string | undefined;
  let usage: AnthropicUsageFields | undefined;
  let stopReason: string | null | undefined;
  let stopped = false;
  /** Per content block: -1 for a non-tool block, else the length of the tool input streamed so far. */
  let toolInput: number[] = [];
  try {
    for await (const event of events) {
      // Events already read when the caller aborts are not handed out.
      if (context.signal?.aborted) break;
      switch (event.type) {
        case 'message_start': {
          const message = event.message;
          if (messageId !== undefined && !stopped) {
            if (message.id === messageId) break;
            yield interrupted(
              id,
              `a second message (${message.id}) started before ${messageId} stopped: spliced stream`,
            );
            return;
          }
          messageId = message.id;
          model = message.model;
          usage = { ...message.usage };
          stopReason = undefined;
          stopped = false;
          toolInput = [];
          break;
        }
        case 'content_block_start': {
          const block = event.content_block;
          if (block.type === 'tool_use') {
            toolInput[event.index] = 0;
            yield {
              type: 'tool-call-delta',
              index: event.index,
              id: block.id,
              name: block.name,
              argumentsDelta: '',
            };
          } else {
            toolInput[event.index] = -1;
            if (block.type === 'text' && block.text) yield { type: 'text-delta', text: block.text };
          }
          break;
        }
        case 'content_block_delta': {
          const delta = event.delta;
          if (delta.type === 'text_delta') {
            if (delta.text) yield { type: 'text-delta', text: delta.text };
          } else if (
            delta.type === 'input_json_delta' &&
            delta.partial_json &&
            (toolInput[event.index] ?? -1) >= 0
          ) {
            // Only client tools: a server tool's input (web search, code execution) is not a call to make.
            toolInput[event.index] = toolInput[event.index]! + delta.partial_json.length;
            yield { type: 'tool-call-delta', index: event.index, argumentsDelta: delta.partial_json };
          }
          break;
        }
        case 'content_block_stop':
          if (toolInput[event.index] === 0) {
            toolInput[event.index] = 2;
            yield { type: 'tool-call-delta', index: event.index, argumentsDelta: '{}' };
          }
          break;
        case 'message_delta': {
          stopReason = event.delta.stop_reason;
          usage ??= {};
          const delta = event.usage as AnthropicUsageFields;
          if (delta.input_tokens != null) usage.input_tokens = delta.input_tokens;
          if (delta.output_tokens != null) usage.output_tokens = delta.output_tokens;
          if (delta.cache_creation_input_tokens != null)
            usage.cache_creation_input_tokens = delta.cache_creation_input_tokens;
          if (delta.cache_read_input_tokens != null)
            usage.cache_read_input_tokens = delta.cache_read_input_tokens;
          if (delta.output_tokens_details != null) usage.output_tokens_details = delta.output_tokens_details;
          break;
        }
        case 'message_stop':
          stopped = true;
          break;
      }
    }
  } catch (error) {
    if (context.signal?.aborted) throw abortErrorFor(context.signal, id);
    yield { type: 'error', error: mapAnthropicStreamFailure(error, id) };
    return;
  }
  // The SDK ends a stream quietly when its signal aborts.
  if (context.signal?.aborted) throw abortErrorFor(context.signal, id);
  if (!stopped) {
    yield interrupted(id, 'the stream ended without message_stop');
    return;
  }
  if (usage) yield { type: 'usage', usage: mapUsage(usage) };
  yield { type: 'finish', finishReason: mapStopReason(stopReason), model, responseId: messageId };
}
