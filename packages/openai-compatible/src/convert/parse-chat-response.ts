import { type ChatRequest, type ChatResponse, ProviderError } from '@switchyard/core';
import type { OpenAICompatibleDialect } from '../provider/dialect';
import type { WireChatResponse } from '../wire/chat-wire';
import { defaultMapLogprobs } from './default-map-logprobs';
import { mapFinishReason } from './map-finish-reason';
import { mapToolCalls } from './map-tool-calls';
import { mapUsage } from './map-usage';

/** Maps a non-streaming Chat Completions body to a core response. */
export function parseChatResponse(
  body: WireChatResponse,
  request: ChatRequest,
  meta: { provider: string; model: string; dialect: OpenAICompatibleDialect; latencyMs: number },
): ChatResponse {
  const choice = Array.isArray(body.choices) ? body.choices[0] : undefined;
  if (!choice) {
    throw new ProviderError({
      message: `${meta.provider}: the response has no choices`,
      provider: meta.provider,
    });
  }
  const message = choice.message ?? choice.delta ?? {};
  const toolCalls = mapToolCalls(message.tool_calls);
  const text = typeof message.content === 'string' ? message.content : '';
  const serverModel = typeof body.model === 'string' && body.model.length > 0 ? body.model : undefined;
  const model = meta.dialect.responseModel ? meta.dialect.responseModel(serverModel) : serverModel;
  const response: ChatResponse = {
    text,
    toolCalls,
    finishReason: mapFinishReason(choice.finish_reason, toolCalls.length > 0),
    usage: mapUsage(body.usage ?? choice.usage),
    provider: meta.provider,
    model: model ?? meta.model,
    latencyMs: meta.latencyMs,
  };
  if (typeof body.id === 'string') response.responseId = body.id;
  if (request.logprobs && choice.logprobs != null) {
    const map = meta.dialect.mapLogprobs ?? defaultMapLogprobs;
    const logprobs = map(choice.logprobs, { request, stream: false });
    if (logprobs && logprobs.length > 0) response.logprobs = logprobs;
  }
  return response;
}
