import {
  abortErrorFor,
  type ChatRequest,
  type ChatResponse,
  ProviderError,
  type StreamEvent,
  StreamInterruptedError,
  toSwitchyardError,
} from '@switchyard/core';
import { assertChatRequest } from '../convert/assert-chat-request';
import { buildChatBody } from '../convert/build-chat-body';
import { parseChatResponse } from '../convert/parse-chat-response';
import { readJson, send, type Transport } from '../http/transport';
import { createSseReader } from '../sse/read-sse';
import { createChatStreamState } from '../stream/chat-stream-state';
import { responseToEvents } from '../stream/response-to-events';
import type { WireChatBody, WireChatResponse } from '../wire/chat-wire';
import type { OpenAICompatibleDialect } from './dialect';

/** The chat half of a provider: `chat()` and `stream()` over one transport and dialect. */
export interface ChatClient {
  chat(request: ChatRequest): Promise<ChatResponse>;
  stream(request: ChatRequest): AsyncIterable<StreamEvent>;
  /** The body `chat()`/`stream()` would send (for tests and debugging). */
  body(request: ChatRequest, stream: boolean): WireChatBody;
}

/** Settings of `createChatClient`. */
export interface ChatClientSettings {
  /** Provider id. */
  id: string;
  /** The configured model name (reported when the server names none). */
  model: string;
  transport: Transport;
  dialect: OpenAICompatibleDialect;
}

/**
 * Builds `chat()` and `stream()` for an OpenAI-compatible server. Adapters add health, capacity and
 * their quirks through the dialect.
 *
 * @example
 * const client = createChatClient({ id: 'local', model: 'qwen', transport, dialect: { name: 'local', bodyModel: 'qwen', streamUsage: true } });
 * const answer = await client.chat({ messages: [{ role: 'user', content: 'Hi' }] });
 */
export function createChatClient(settings: ChatClientSettings): ChatClient {
  const { id, model, transport, dialect } = settings;
  const path = dialect.chatPath ?? '/v1/chat/completions';
  const optionKeys = id === dialect.name ? [dialect.name] : [dialect.name, id];

  const body = (request: ChatRequest, stream: boolean): WireChatBody => {
    const out = buildChatBody(request, {
      model: dialect.bodyModel,
      stream,
      streamUsage: dialect.streamUsage,
      providerOptionKeys: optionKeys,
    });
    dialect.prepareBody?.(out, request, stream);
    return out;
  };

  const chat = async (request: ChatRequest): Promise<ChatResponse> => {
    assertChatRequest(request, id);
    const started = performance.now();
    const signal = request.signal;
    const response = await send(transport, path, {
      method: 'POST',
      body: JSON.stringify(body(request, false)),
      ...(signal ? { signal } : {}),
    });
    const json = await readJson<WireChatResponse>(transport, response, signal);
    return parseChatResponse(json, request, {
      provider: id,
      model,
      dialect,
      latencyMs: performance.now() - started,
    });
  };

  async function* stream(request: ChatRequest): AsyncGenerator<StreamEvent, void, undefined> {
    assertChatRequest(request, id);
    const signal = request.signal;
    const started = performance.now();
    const response = await send(transport, path, {
      method: 'POST',
      body: JSON.stringify(body(request, true)),
      ...(signal ? { signal } : {}),
    });
    const contentType = response.headers.get('content-type') ?? '';
    if (!contentType.includes('text/event-stream')) {
      // The server ignored `stream: true` and answered in one piece.
      const json = await readJson<WireChatResponse>(transport, response, signal);
      const parsed = parseChatResponse(json, request, {
        provider: id,
        model,
        dialect,
        latencyMs: performance.now() - started,
      });
      yield* responseToEvents(parsed);
      return;
    }
    if (!response.body) {
      yield {
        type: 'error',
        error: new ProviderError({ message: `${id}: the stream has no body`, provider: id }),
      };
      return;
    }
    const state = createChatStreamState(request, { provider: id, dialect });
    const reader = createSseReader(response.body);
    try {
      for (;;) {
        let item: Awaited<ReturnType<typeof reader.next>>;
        try {
          item = await reader.next();
        } catch (error) {
          if (signal?.aborted) throw abortErrorFor(signal, id);
          // The connection broke part of the way through: the answer is incomplete.
          const cause = toSwitchyardError(error, id);
          yield {
            type: 'error',
            error: new StreamInterruptedError({
              message: `${id}: the stream broke before it finished (${cause.message})`,
              provider: id,
              cause: error,
            }),
          };
          return;
        }
        if (item === undefined) break;
        if (item.kind === 'comment') continue;
        const events = state.handle(item);
        for (let index = 0; index < events.length; index++) {
          yield events[index]!;
          if (signal?.aborted) throw abortErrorFor(signal, id);
        }
        if (state.done) return;
      }
      if (signal?.aborted) throw abortErrorFor(signal, id);
      for (const event of state.end()) yield event;
    } finally {
      await reader.cancel();
    }
  }

  return { chat, stream, body };
}
