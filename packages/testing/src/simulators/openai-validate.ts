import {
  type OpenAIErrorObject,
  openAIContextLengthError,
  openAIErrorBody,
  openAIUnsupportedParameter,
  openAIUnsupportedValue,
} from './openai-errors';
import { estimateOpenAITokens } from './openai-wire';

/** A rejected request: the status and body the real API would answer with. */
export interface OpenAIRejection {
  status: number;
  body: { error: OpenAIErrorObject };
}

type Body = Record<string, unknown>;

/**
 * o-series and gpt-5 models (not `gpt-5-chat`) are reasoning models: they refuse `logprobs`,
 * `max_tokens`, and sampling parameters other than their defaults.
 */
export function isOpenAIReasoningModel(model: string): boolean {
  const name = model.toLowerCase().split('/').pop() ?? '';
  return /^o\d/.test(name) || (name.startsWith('gpt-5') && !name.startsWith('gpt-5-chat'));
}

function textOf(content: unknown): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  let text = '';
  for (const part of content) {
    if (part && typeof part === 'object' && typeof (part as { text?: unknown }).text === 'string') {
      text += (part as { text: string }).text;
    }
  }
  return text;
}

/** Prompt tokens of a request, estimated the same way for every call (4 characters a token). */
export function estimateOpenAIPromptTokens(body: Body): number {
  let tokens = 0;
  const messages = Array.isArray(body.messages) ? body.messages : [];
  for (const message of messages) {
    if (!message || typeof message !== 'object') continue;
    const record = message as Record<string, unknown>;
    tokens += 3 + estimateOpenAITokens(textOf(record.content));
    if (Array.isArray(record.tool_calls)) tokens += estimateOpenAITokens(JSON.stringify(record.tool_calls));
  }
  if (Array.isArray(body.tools)) tokens += estimateOpenAITokens(JSON.stringify(body.tools));
  return tokens;
}

const invalid = (
  message: string,
  param: string | null = null,
  code: string | null = null,
): OpenAIRejection => ({
  status: 400,
  body: openAIErrorBody(message, 'invalid_request_error', param, code),
});

/**
 * Checks a Chat Completions request the way the API does where that is cheap: required fields,
 * `top_logprobs` range, `stream_options` without `stream`, tool results without a matching call,
 * parameters reasoning models refuse, and the context window.
 */
export function validateOpenAIRequest(
  body: unknown,
  options: { reasoning: boolean; contextWindow?: number },
): OpenAIRejection | undefined {
  if (!body || typeof body !== 'object' || Array.isArray(body)) {
    return invalid(
      "We could not parse the JSON body of your request. (HINT: This likely means you aren't using your HTTP library correctly. The OpenAI API expects a JSON payload, but what was sent was not valid JSON.)",
    );
  }
  const request = body as Body;
  if (typeof request.model !== 'string' || request.model === '') {
    return invalid('you must provide a model parameter');
  }
  if (!Array.isArray(request.messages)) {
    return invalid("Missing required parameter: 'messages'.", 'messages', 'missing_required_parameter');
  }
  if (request.messages.length === 0) {
    return invalid(
      "Invalid 'messages': empty array. Expected an array with minimum length 1, but got an empty array instead.",
      'messages',
      'empty_array',
    );
  }
  const callIds = new Set<string>();
  for (const [index, message] of request.messages.entries()) {
    const record = (message ?? {}) as Record<string, unknown>;
    if (record.role === 'assistant' && Array.isArray(record.tool_calls)) {
      for (const call of record.tool_calls) callIds.add(String((call as { id?: unknown })?.id));
    }
    if (record.role === 'tool' && !callIds.has(String(record.tool_call_id))) {
      return invalid(
        "Invalid parameter: messages with role 'tool' must be a response to a preceeding message with 'tool_calls'.",
        `messages.[${index}].role`,
      );
    }
  }
  const top = request.top_logprobs;
  if (typeof top === 'number' && (top < 0 || top > 20)) {
    return invalid(
      `Invalid 'top_logprobs': integer ${top < 0 ? 'below minimum' : 'above maximum'} value. Expected a value ${top < 0 ? '>= 0' : '<= 20'}, but got ${top} instead.`,
      'top_logprobs',
      top < 0 ? 'integer_below_min_value' : 'integer_above_max_value',
    );
  }
  if (typeof top === 'number' && top > 0 && request.logprobs !== true) {
    return invalid("Invalid value for 'top_logprobs': 'logprobs' must be set to true.", 'top_logprobs');
  }
  if (request.stream_options !== undefined && request.stream_options !== null && request.stream !== true) {
    return invalid(
      "The 'stream_options' parameter is only allowed when 'stream' is enabled.",
      'stream_options',
    );
  }
  if (options.reasoning) {
    if (request.max_tokens !== undefined) {
      return { status: 400, body: openAIUnsupportedParameter('max_tokens', 'max_completion_tokens') };
    }
    if (request.logprobs === true || request.top_logprobs !== undefined) {
      return {
        status: 400,
        body: openAIUnsupportedParameter(request.logprobs === true ? 'logprobs' : 'top_logprobs'),
      };
    }
    for (const param of ['temperature', 'top_p'] as const) {
      const value = request[param];
      if (value !== undefined && value !== 1)
        return { status: 400, body: openAIUnsupportedValue(param, value) };
    }
    for (const param of ['presence_penalty', 'frequency_penalty'] as const) {
      const value = request[param];
      if (value !== undefined && value !== 0) return { status: 400, body: openAIUnsupportedParameter(param) };
    }
  }
  if (options.contextWindow !== undefined) {
    const prompt = estimateOpenAIPromptTokens(request);
    const completion = Number(request.max_completion_tokens ?? request.max_tokens ?? 0) || 0;
    if (prompt + completion > options.contextWindow) {
      return { status: 400, body: openAIContextLengthError(options.contextWindow, prompt) };
    }
  }
  return undefined;
}
