import {
  type ChatRequest,
  type FinishEvent,
  ProviderError,
  type StreamEvent,
  StreamInterruptedError,
  type SwitchyardError,
  type ToolCallDeltaEvent,
  type Usage,
} from '@switchyard/core';
import { defaultMapLogprobs } from '../convert/default-map-logprobs';
import { mapFinishReason } from '../convert/map-finish-reason';
import { argumentsText } from '../convert/map-tool-calls';
import { mapUsage } from '../convert/map-usage';
import type { OpenAICompatibleDialect } from '../provider/dialect';
import type { SseEvent } from '../sse/sse-parser';
import type { WireChatResponse, WireToolCall } from '../wire/chat-wire';
import { streamErrorToSwitchyard } from './stream-error';

/** Turns the events of one Chat Completions stream into core stream events. */
export interface ChatStreamState {
  /** True once the stream is over (finish, error or `[DONE]`): stop reading. */
  done: boolean;
  /** Events for one SSE event. */
  handle(event: SseEvent): StreamEvent[];
  /** Events for the end of the body: the held finish, or an interruption. */
  end(): StreamEvent[];
}

/**
 * Creates the per-stream state. `finish` is held until usage arrives (servers send the usage chunk
 * after the `finish_reason` chunk) or the stream ends, so that it is always the last event. A
 * stream that ends without a `finish_reason` yields `StreamInterruptedError`.
 */
export function createChatStreamState(
  request: ChatRequest,
  meta: { provider: string; dialect: OpenAICompatibleDialect },
): ChatStreamState {
  return new ChatStream(request, meta.provider, meta.dialect);
}

/** One stream's state on one object: no closures per stream on this hot path. */
class ChatStream implements ChatStreamState {
  done = false;
  private finishReason: string | undefined;
  private sawToolCall = false;
  private usage: Usage | undefined;
  private model: string | undefined;
  private responseId: string | undefined;
  private namedCalls: Set<number> | undefined;
  private identifiedCalls: Set<number> | undefined;
  private readonly logprobContext: { request: ChatRequest; stream: boolean };

  constructor(
    private readonly request: ChatRequest,
    private readonly provider: string,
    private readonly dialect: OpenAICompatibleDialect,
  ) {
    this.logprobContext = { request, stream: true };
  }

  private finishEvents(): StreamEvent[] {
    this.done = true;
    const finish: FinishEvent = {
      type: 'finish',
      finishReason: mapFinishReason(this.finishReason, this.sawToolCall),
    };
    const reported = this.dialect.responseModel ? this.dialect.responseModel(this.model) : this.model;
    if (reported) finish.model = reported;
    if (this.responseId) finish.responseId = this.responseId;
    return this.usage ? [{ type: 'usage', usage: this.usage }, finish] : [finish];
  }

  private fail(error: SwitchyardError): StreamEvent[] {
    this.done = true;
    return [{ type: 'error', error }];
  }

  end(): StreamEvent[] {
    if (this.done) return [];
    if (this.finishReason !== undefined) return this.finishEvents();
    return this.fail(
      new StreamInterruptedError({
        message: `${this.provider}: the stream ended before its finish_reason`,
        provider: this.provider,
      }),
    );
  }

  handle(event: SseEvent): StreamEvent[] {
    if (this.done) return NONE;
    const data = event.data;
    if (!event.errorField && data === '[DONE]') return this.end();
    let payload: WireChatResponse;
    try {
      payload = JSON.parse(data) as WireChatResponse;
    } catch (cause) {
      if (event.errorField)
        return this.fail(streamErrorToSwitchyard(this.provider, this.dialect, { message: data }));
      return this.fail(
        new ProviderError({
          message: `${this.provider}: a stream event is not JSON`,
          provider: this.provider,
          cause,
        }),
      );
    }
    if (typeof payload !== 'object' || payload === null) return NONE;
    if (event.errorField || payload.error != null) {
      return this.fail(streamErrorToSwitchyard(this.provider, this.dialect, payload));
    }
    if (this.model === undefined && typeof payload.model === 'string') this.model = payload.model;
    if (this.responseId === undefined && typeof payload.id === 'string') this.responseId = payload.id;
    const out: StreamEvent[] = [];
    const choice = Array.isArray(payload.choices) ? payload.choices[0] : undefined;
    if (choice) {
      const delta = choice.delta ?? choice.message;
      if (delta) {
        const content = delta.content;
        if (typeof content === 'string' && content.length > 0)
          out.push({ type: 'text-delta', text: content });
        const calls = delta.tool_calls;
        if (Array.isArray(calls) && calls.length > 0) out.push(...this.toolCallDeltas(calls));
      }
      if (this.request.logprobs && choice.logprobs != null) {
        const logprobs = (this.dialect.mapLogprobs ?? defaultMapLogprobs)(
          choice.logprobs,
          this.logprobContext,
        );
        if (logprobs && logprobs.length > 0) out.push({ type: 'logprobs', logprobs });
      }
      if (choice.usage) this.usage = mapUsage(choice.usage);
      if (typeof choice.finish_reason === 'string') this.finishReason = choice.finish_reason;
    }
    if (payload.usage) this.usage = mapUsage(payload.usage);
    if (this.finishReason !== undefined && this.usage !== undefined) out.push(...this.finishEvents());
    return out;
  }

  private toolCallDeltas(calls: readonly WireToolCall[]): StreamEvent[] {
    const out: StreamEvent[] = [];
    this.sawToolCall = true;
    this.namedCalls ??= new Set();
    this.identifiedCalls ??= new Set();
    for (let position = 0; position < calls.length; position++) {
      const call = calls[position]!;
      const index = typeof call.index === 'number' ? call.index : position;
      const piece: ToolCallDeltaEvent = {
        type: 'tool-call-delta',
        index,
        argumentsDelta: argumentsText(call.function?.arguments),
      };
      if (typeof call.id === 'string' && call.id.length > 0 && !this.identifiedCalls.has(index)) {
        this.identifiedCalls.add(index);
        piece.id = call.id;
      }
      const name = call.function?.name;
      if (typeof name === 'string' && name.length > 0 && !this.namedCalls.has(index)) {
        this.namedCalls.add(index);
        piece.name = name;
      }
      if (piece.id !== undefined || piece.name !== undefined || piece.argumentsDelta.length > 0)
        out.push(piece);
    }
    return out;
  }
}

const NONE: StreamEvent[] = [];
