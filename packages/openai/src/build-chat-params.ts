import { type ChatRequest, InvalidRequestError } from '@switchyard/core';
import type { ChatCompletionCreateParamsBase } from 'openai/resources/chat/completions/completions';
import { toOpenAIMessages } from './to-openai-messages';

/** What the request builder needs to know about the provider. */
export interface ChatParamsContext {
  id: string;
  model: string;
  reasoning: boolean;
  streamUsage: boolean;
  maxTokensParameter: 'max_completion_tokens' | 'max_tokens';
}

/**
 * Builds the Chat Completions body for a core request. Reasoning models get no `logprobs`,
 * `temperature`, `top_p`, penalties or `stop` (they refuse them); streams ask for usage at the end
 * (`stream_options.include_usage`). `providerOptions.openai` and `providerOptions[<id>]` are merged
 * in last, so they can set any other body field.
 */
export function buildChatParams(
  request: ChatRequest,
  stream: boolean,
  context: ChatParamsContext,
): ChatCompletionCreateParamsBase {
  const messages = request.messages;
  if (!Array.isArray(messages) || messages.length === 0) {
    throw new InvalidRequestError({
      message: `${context.id}: request.messages: must hold at least one message`,
      field: 'request.messages',
      provider: context.id,
    });
  }
  const params: ChatCompletionCreateParamsBase = {
    model: context.model,
    messages: toOpenAIMessages(messages, context.id),
  };
  if (request.maxOutputTokens !== undefined) params[context.maxTokensParameter] = request.maxOutputTokens;
  if (!context.reasoning) {
    if (request.temperature !== undefined) params.temperature = request.temperature;
    if (request.topP !== undefined) params.top_p = request.topP;
    if (request.presencePenalty !== undefined) params.presence_penalty = request.presencePenalty;
    if (request.frequencyPenalty !== undefined) params.frequency_penalty = request.frequencyPenalty;
    if (request.stop !== undefined && request.stop.length > 0) params.stop = request.stop;
    if (request.logprobs) {
      params.logprobs = true;
      const top = request.topLogprobs ?? 0;
      if (top > 0) params.top_logprobs = Math.min(top, 20);
    }
  }
  if (request.seed !== undefined) params.seed = request.seed;
  if (request.tools && request.tools.length > 0) {
    params.tools = request.tools.map((tool) => ({
      type: 'function' as const,
      function: {
        name: tool.name,
        ...(tool.description === undefined ? {} : { description: tool.description }),
        parameters: tool.parameters,
      },
    }));
  }
  const choice = request.toolChoice;
  if (choice !== undefined) {
    params.tool_choice =
      typeof choice === 'string' ? choice : { type: 'function', function: { name: choice.name } };
  }
  const format = request.responseFormat;
  if (format?.type === 'json') params.response_format = { type: 'json_object' };
  else if (format?.type === 'json_schema') {
    params.response_format = {
      type: 'json_schema',
      json_schema: {
        name: format.name,
        schema: format.schema,
        ...(format.description === undefined ? {} : { description: format.description }),
        ...(format.strict === undefined ? {} : { strict: format.strict }),
      },
    };
  }
  if (stream) {
    params.stream = true;
    if (context.streamUsage) params.stream_options = { include_usage: true };
  }
  const extra = request.providerOptions;
  if (extra) {
    if (extra.openai) Object.assign(params, extra.openai);
    if (context.id !== 'openai' && extra[context.id]) Object.assign(params, extra[context.id]);
  }
  return params;
}
