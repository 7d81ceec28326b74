import type {
  CacheControlEphemeral,
  MessageCreateParamsBase,
  Tool,
} from '@anthropic-ai/sdk/resources/messages';
import { type ChatRequest, InvalidRequestError } from '@switchyard/core';
import type { PromptCaching } from './anthropic-settings';
import { toAnthropicMessages } from './to-anthropic-messages';

/** What the request builder needs to know about the provider. */
export interface MessageParamsContext {
  id: string;
  model: string;
  maxOutputTokens: number;
  promptCaching: PromptCaching;
}

/**
 * Builds the Messages API body for a core request. `max_tokens` is always set (the API requires
 * it). With prompt caching on, one `cache_control` breakpoint goes on the last tool, the last system
 * block and the last message block (three of the four allowed). `temperature`, `topP`, `topK` and
 * logprobs are not sent: the current Messages API takes no sampling parameters and has no logprobs.
 * `providerOptions.anthropic` and `providerOptions[<id>]` are merged in last.
 */
export function buildMessageParams(
  request: ChatRequest,
  stream: boolean,
  context: MessageParamsContext,
): MessageCreateParamsBase {
  if (!Array.isArray(request.messages) || request.messages.length === 0) {
    throw new InvalidRequestError({
      message: `${context.id}: request.messages: must hold at least one message`,
      field: 'request.messages',
      provider: context.id,
    });
  }
  const { system, messages } = toAnthropicMessages(request.messages, context.id);
  const params: MessageCreateParamsBase = {
    model: context.model,
    max_tokens: request.maxOutputTokens ?? context.maxOutputTokens,
    messages,
  };
  let tools: Tool[] | undefined;
  if (request.tools && request.tools.length > 0) {
    tools = request.tools.map((tool) => ({
      name: tool.name,
      ...(tool.description === undefined ? {} : { description: tool.description }),
      input_schema: tool.parameters as Tool['input_schema'],
    }));
    params.tools = tools;
  }
  if (context.promptCaching) {
    const control: CacheControlEphemeral =
      context.promptCaching === '1h' ? { type: 'ephemeral', ttl: '1h' } : { type: 'ephemeral' };
    const lastTool = tools?.at(-1);
    if (lastTool) lastTool.cache_control = control;
    const lastSystem = system.at(-1);
    if (lastSystem) lastSystem.cache_control = control;
    const lastBlock = messages.at(-1)?.content.at(-1);
    if (lastBlock && lastBlock.type !== 'thinking' && lastBlock.type !== 'redacted_thinking') {
      lastBlock.cache_control = control;
    }
  }
  if (system.length > 0) params.system = system;
  const choice = request.toolChoice;
  if (choice !== undefined) {
    params.tool_choice =
      choice === 'auto'
        ? { type: 'auto' }
        : choice === 'required'
          ? { type: 'any' }
          : choice === 'none'
            ? { type: 'none' }
            : { type: 'tool', name: choice.name };
  }
  if (request.stop && request.stop.length > 0) params.stop_sequences = request.stop;
  if (request.responseFormat?.type === 'json_schema') {
    params.output_config = { format: { type: 'json_schema', schema: request.responseFormat.schema } };
  }
  if (stream) params.stream = true;
  const extra = request.providerOptions;
  if (extra) {
    if (extra.anthropic) Object.assign(params, extra.anthropic);
    if (context.id !== 'anthropic' && extra[context.id]) Object.assign(params, extra[context.id]);
  }
  return params;
}
