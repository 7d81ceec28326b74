import type { ChatRequest } from '@switchyard/core';
import type { OpenAICompatibleDialect, ServerErrorInfo, WireChatBody } from '@switchyard/openai-compatible';
import { parseExoError } from './parse-exo-error';

/**
 * EXO's differences from plain Chat Completions (`src/exo/api`): `model` is required; stream chunks
 * say `object: "chat.completion"` and carry `usage` on the `finish_reason` chunk (read as-is);
 * `: prefill_progress` / `: generation_stats` comment lines (ignored by the SSE parser); errors
 * inside a stream come as `data: {"error": ...}` followed by `[DONE]`. With `logprobs` on, an
 * absent `top_logprobs` means 5, so it is always sent.
 */
export function exoDialect(model: string): OpenAICompatibleDialect {
  return {
    name: 'exo',
    bodyModel: model,
    streamUsage: true,
    prepareBody(body: WireChatBody, request: ChatRequest) {
      if (request.logprobs) body.top_logprobs = request.topLogprobs ?? 0;
    },
    streamError(payload: unknown): { status: number; info: ServerErrorInfo } {
      const error =
        typeof payload === 'object' && payload !== null ? (payload as { error?: unknown }).error : undefined;
      const code =
        typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
      const status = typeof code === 'number' && code >= 400 && code < 600 ? code : 500;
      return { status, info: parseExoError(status, JSON.stringify(payload)) };
    },
  };
}
