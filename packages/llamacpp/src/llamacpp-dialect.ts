import type { ChatRequest } from '@switchyard/core';
import type { OpenAICompatibleDialect, WireChatBody } from '@switchyard/openai-compatible';
import { parseLlamaCppStreamError } from './parse-llamacpp-error';

/**
 * llama-server's differences from plain Chat Completions (`server-common.cpp`
 * `oaicompat_chat_params_parse`):
 * - With `logprobs` on, an absent `top_logprobs` means 20 alternatives, and `top_logprobs: 0` means
 *   no probabilities at all (`n_probs` 0). So `top_logprobs` is always sent, at least 1; extra
 *   alternatives are dropped when mapping.
 * - `logprobs` with tools and streaming together is refused with HTTP 400, so logprobs are left out
 *   of such a request (it streams without them).
 */
export function prepareLlamaCppBody(body: WireChatBody, request: ChatRequest, stream: boolean): void {
  if (!request.logprobs) return;
  if (stream && request.tools && request.tools.length > 0) {
    delete body.logprobs;
    delete body.top_logprobs;
    return;
  }
  body.top_logprobs = Math.min(20, Math.max(1, request.topLogprobs ?? 0));
}

export function llamaCppDialect(model: string | undefined): OpenAICompatibleDialect {
  return {
    name: 'llamacpp',
    bodyModel: model,
    streamUsage: true,
    prepareBody: prepareLlamaCppBody,
    streamError: parseLlamaCppStreamError,
  };
}
