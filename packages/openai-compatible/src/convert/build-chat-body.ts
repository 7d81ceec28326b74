import type { ChatRequest } from '@switchyard/core';
import type { WireChatBody } from '../wire/chat-wire';
import { convertMessages } from './convert-messages';

/** Options of `buildChatBody`. */
export interface BuildChatBodyOptions {
  /** The `model` field; omitted when undefined. */
  model: string | undefined;
  stream: boolean;
  /** Ask for a usage chunk at the end of a stream (`stream_options.include_usage`). */
  streamUsage: boolean;
  /** Keys of `request.providerOptions` whose fields are merged into the body, in order. */
  providerOptionKeys: readonly string[];
}

/**
 * Builds a Chat Completions body from a core request. Logprob fields are set as OpenAI defines
 * them; adapters rewrite them where their server differs.
 */
export function buildChatBody(request: ChatRequest, options: BuildChatBodyOptions): WireChatBody {
  const body: WireChatBody = { messages: convertMessages(request.messages) };
  if (options.model !== undefined) body.model = options.model;
  if (options.stream) {
    body.stream = true;
    if (options.streamUsage) body.stream_options = { include_usage: true };
  }
  if (request.maxOutputTokens !== undefined) body.max_tokens = request.maxOutputTokens;
  if (request.temperature !== undefined) body.temperature = request.temperature;
  if (request.topP !== undefined) body.top_p = request.topP;
  if (request.topK !== undefined) body.top_k = request.topK;
  if (request.seed !== undefined) body.seed = request.seed;
  if (request.presencePenalty !== undefined) body.presence_penalty = request.presencePenalty;
  if (request.frequencyPenalty !== undefined) body.frequency_penalty = request.frequencyPenalty;
  if (request.stop !== undefined && request.stop.length > 0) body.stop = request.stop;
  if (request.tools && request.tools.length > 0) {
    body.tools = request.tools.map((tool) => ({
      type: 'function',
      function: {
        name: tool.name,
        ...(tool.description === undefined ? {} : { description: tool.description }),
        parameters: tool.parameters,
      },
    }));
  }
  if (request.toolChoice !== undefined) {
    body.tool_choice =
      typeof request.toolChoice === 'string'
        ? request.toolChoice
        : { type: 'function', function: { name: request.toolChoice.name } };
  }
  const format = request.responseFormat;
  if (format) {
    if (format.type === 'json') body.response_format = { type: 'json_object' };
    else if (format.type === 'json_schema') {
      body.response_format = {
        type: 'json_schema',
        json_schema: {
          name: format.name,
          schema: format.schema,
          ...(format.description === undefined ? {} : { description: format.description }),
          ...(format.strict === undefined ? {} : { strict: format.strict }),
        },
      };
    }
  }
  if (request.logprobs) {
    body.logprobs = true;
    if (request.topLogprobs !== undefined) body.top_logprobs = request.topLogprobs;
  }
  const extra = request.providerOptions;
  if (extra) {
    for (const key of options.providerOptionKeys) {
      const fields = extra[key];
      if (fields) Object.assign(body, fields);
    }
  }
  return body;
}
