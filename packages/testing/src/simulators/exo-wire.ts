import type { ToolCall } from '@switchyard/core';
import type { SimulatedToken } from './openai-compatible-local-reply';

/**
 * EXO cluster API shapes (exo-explore/exo `src/exo/api`):
 * - `types/api.py`: `ChatCompletionResponse` has `object: "chat.completion"` always, also on stream
 *   chunks; pydantic `model_dump_json` writes every field, nulls included (`delta` is a full
 *   `ChatCompletionMessage`: `role`, `content`, `reasoning_content`, `name`, `tool_calls`,
 *   `tool_call_id`, `function_call`). `Usage` carries both details objects.
 * - `adapters/chat_completions.py` `generate_chat_stream`: `: prefill_progress {...}` comments,
 *   token chunks (usage on the chunk with `finish_reason`), one chunk for all tool calls with
 *   `finish_reason: "tool_calls"`, `: generation_stats {...}`, `data: [DONE]`; an error chunk is
 *   `data: {"error": {"message", "type": "InternalServerError", "param": null, "code": 500}}`
 *   followed by `data: [DONE]`.
 * - `main.py` `http_exception_handler`: `{"error": {message, type: HTTPStatus phrase, param, code}}`;
 *   `chat_completions` raises 404 "No instance found for model <id>" when no instance serves it.
 */

const PHRASES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  408: 'Request Timeout',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
};

export function exoError(status: number, message: string, type = PHRASES[status] ?? 'Error') {
  return { error: { message, type, param: null, code: status } };
}

export function exoUsage(promptTokens: number, completionTokens: number) {
  return {
    prompt_tokens: promptTokens,
    completion_tokens: completionTokens,
    total_tokens: promptTokens + completionTokens,
    prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
    completion_tokens_details: {
      reasoning_tokens: 0,
      audio_tokens: 0,
      accepted_prediction_tokens: 0,
      rejected_prediction_tokens: 0,
    },
  };
}

export function exoMessage(content: string | null, toolCalls: readonly ToolCall[] | null) {
  return {
    role: 'assistant',
    content,
    reasoning_content: null,
    name: null,
    tool_calls:
      toolCalls && toolCalls.length > 0
        ? toolCalls.map((call, index) => ({
            id: call.id,
            index,
            type: 'function',
            function: { id: call.id, name: call.name, arguments: call.arguments },
          }))
        : null,
    tool_call_id: null,
    function_call: null,
  };
}

const bytesOf = (text: string) => [...Buffer.from(text, 'utf8')];

/** `LogprobsContentItem` for one token. */
export function exoLogprob(token: SimulatedToken, top: number) {
  return {
    token: token.text,
    logprob: token.logprob,
    bytes: bytesOf(token.text),
    top_logprobs: token.candidates.slice(0, top).map((candidate) => ({
      token: candidate.text,
      logprob: candidate.logprob,
      bytes: bytesOf(candidate.text),
    })),
  };
}
