import {
  abortErrorFor,
  type StreamEvent,
  StreamInterruptedError,
  type ToolCallDeltaEvent,
} from '@switchyard/core';
import type { ChatCompletionChunk } from 'openai/resources/chat/completions';
import { mapFinishReason } from './map-finish-reason';
import { mapLogprobs } from './map-logprobs';
import { mapOpenAIStreamFailure } from './map-openai-error';
import { mapUsage } from './map-usage';

/** What the stream converter needs to know about the call. */
export interface StreamContext {
  id: string;
  signal: AbortSignal | undefined;
  /** Whether logprobs were asked for (and may be sent). */
  logprobs: boolean;
}

/**
 * Converts Chat Completions chunks to core stream events. `finish` is always the last event: with
 * `stream_options.include_usage` the usage chunk arrives after the chunk carrying `finish_reason`,
 * so `finish` waits for the end of the stream. A stream that ends without a `finish_reason` yields a
 * `StreamInterruptedError`; an `{"error": ...}` chunk yields the mapped error; an abort throws.
 */
export async function* toStreamEvents(
  chunks: AsyncIterable<ChatCompletionChunk>,
  context: StreamContext,
): AsyncGenerator<StreamEvent, void, undefined> {
  let finishReason: string | undefined;
  let refused = false;
  let model: string | undefined;
  let responseId: string | undefined;
  let named: Set<number> | undefined;
  try {
    for await (const chunk of chunks) {
      // Chunks already read when the caller aborts are not handed out.
      if (context.signal?.aborted) break;
      if (chunk.id) responseId = chunk.id;
      if (chunk.model) model = chunk.model;
      const choice = chunk.choices?.[0];
      // Only the first choice is read (n > 1 through providerOptions streams the others interleaved).
      if (choice && (choice.index ?? 0) === 0) {
        const delta = choice.delta;
        if (delta) {
          if (delta.content) yield { type: 'text-delta', text: delta.content };
          if (delta.refusal) refused = true;
          const calls = delta.tool_calls;
          if (calls) {
            for (const call of calls) {
              const name = call.function?.name;
              const argumentsDelta = call.function?.arguments ?? '';
              named ??= new Set();
              // Some OpenAI-compatible servers repeat the name on every piece: pass it on once.
              const newName = name && !named.has(call.index) ? name : undefined;
              if (!call.id && !newName && argumentsDelta === '') continue;
              const event: ToolCallDeltaEvent = {
                type: 'tool-call-delta',
                index: call.index,
                argumentsDelta,
              };
              if (call.id) event.id = call.id;
              if (newName) {
                event.name = newName;
                named.add(call.index);
              }
              yield event;
            }
          }
        }
        if (context.logprobs) {
          const content = choice.logprobs?.content;
          if (content && content.length > 0) yield { type: 'logprobs', logprobs: mapLogprobs(content) };
        }
        if (choice.finish_reason) finishReason = choice.finish_reason;
      }
      if (chunk.usage) yield { type: 'usage', usage: mapUsage(chunk.usage) };
    }
  } catch (error) {
    if (context.signal?.aborted) throw abortErrorFor(context.signal, context.id);
    yield { type: 'error', error: mapOpenAIStreamFailure(error, context.id) };
    return;
  }
  // The SDK ends a stream quietly when its signal aborts.
  if (context.signal?.aborted) throw abortErrorFor(context.signal, context.id);
  if (finishReason === undefined) {
    yield {
      type: 'error',
      error: new StreamInterruptedError({
        message: `${context.id}: the stream ended without a finish_reason`,
        provider: context.id,
      }),
    };
    return;
  }
  yield { type: 'finish', finishReason: mapFinishReason(finishReason, refused), model, responseId };
}
