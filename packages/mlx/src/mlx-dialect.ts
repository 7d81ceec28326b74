import type { ChatRequest } from '@switchyard/core';
import type { OpenAICompatibleDialect, WireChatBody } from '@switchyard/openai-compatible';
import { mapMlxLogprobs } from './map-mlx-logprobs';

/**
 * mlx_lm.server's differences from plain Chat Completions (`mlx_lm/server.py`):
 * - `model` is never sent: a name other than the loaded one makes the server load (or download) it.
 *   The server echoes `"default_model"`, reported as the configured model name.
 * - No logprobs in streams: they are not asked for.
 * - `top_logprobs` (1 to `maxTopLogprobs`) is only sent for greedy decoding (`temperature: 0`):
 *   otherwise the per-token entry would not be the sampled token. Without it, the logprob of each
 *   sampled token is exact.
 */
export function mlxDialect(settings: { model: string; maxTopLogprobs: number }): OpenAICompatibleDialect {
  return {
    name: 'mlx',
    bodyModel: undefined,
    streamUsage: true,
    prepareBody(body: WireChatBody, request: ChatRequest, stream: boolean) {
      delete body.model;
      delete body.top_logprobs;
      if (!request.logprobs || stream) {
        delete body.logprobs;
        return;
      }
      body.logprobs = true;
      const wanted = request.topLogprobs ?? 0;
      if (wanted > 0 && request.temperature === 0)
        body.top_logprobs = Math.min(wanted, settings.maxTopLogprobs);
    },
    mapLogprobs: mapMlxLogprobs,
    responseModel: (serverModel) =>
      serverModel === undefined || serverModel === 'default_model' ? settings.model : serverModel,
  };
}
