/**
 * OpenAI error bodies, `{ error: { message, type, param, code } }`, worded as the API words them.
 *
 * Sources: the recorded `__fixtures__/recorded-wire/openai-chat/reasoning-model-legacy-parameter-error.json`
 * (unsupported parameter on a reasoning model); openai-node `src/core/error.ts` (which fields the SDK
 * reads); OpenAI's "Error codes" guide (401 invalid key, 429 rate limit / insufficient quota, 500,
 * 503); and widely quoted real bodies for `context_length_exceeded` and mid-stream `server_error`.
 */

/** The `error` object of an OpenAI error body. */
export interface OpenAIErrorObject {
  message: string;
  type: string;
  param: string | null;
  code: string | null;
}

/** `{ error: {...} }`. */
export function openAIErrorBody(
  message: string,
  type = 'invalid_request_error',
  param: string | null = null,
  code: string | null = null,
): { error: OpenAIErrorObject } {
  return { error: { message, type, param, code } };
}

/** The default body for an HTTP status, optionally with the caller's message. */
export function openAIErrorForStatus(
  status: number,
  model: string,
  message?: string,
): { error: OpenAIErrorObject } {
  switch (status) {
    case 400:
      return openAIErrorBody(message ?? 'Invalid request.', 'invalid_request_error');
    case 401:
      return openAIErrorBody(
        message ??
          'Incorrect API key provided: sk-simul***********tor. You can find your API key at https://platform.openai.com/account/api-keys.',
        'invalid_request_error',
        null,
        'invalid_api_key',
      );
    case 403:
      return openAIErrorBody(
        message ?? `Project does not have access to model \`${model}\``,
        'invalid_request_error',
        null,
        'model_not_found',
      );
    case 404:
      return openAIErrorBody(
        message ?? `The model \`${model}\` does not exist or you do not have access to it.`,
        'invalid_request_error',
        null,
        'model_not_found',
      );
    case 408:
      return openAIErrorBody(message ?? 'Request timed out.', 'timeout', null, null);
    case 429:
      return openAIErrorBody(
        message ??
          `Rate limit reached for ${model} in organization org-simulator on requests per min (RPM): Limit 3, Used 3, Requested 1. Please try again in 1s. Visit https://platform.openai.com/account/rate-limits to learn more.`,
        'requests',
        null,
        'rate_limit_exceeded',
      );
    case 500:
      return openAIErrorBody(
        message ?? 'The server had an error while processing your request. Sorry about that!',
        'server_error',
      );
    case 503:
      return openAIErrorBody(
        message ?? 'The engine is currently overloaded, please try again later.',
        'server_error',
      );
    default:
      return openAIErrorBody(
        message ?? `The server answered HTTP ${status}.`,
        status >= 500 ? 'server_error' : 'invalid_request_error',
      );
  }
}

/** 429 for a project out of credit: not a rate limit, and not worth retrying. */
export function openAIInsufficientQuota(): { error: OpenAIErrorObject } {
  return openAIErrorBody(
    'You exceeded your current quota, please check your plan and billing details. For more information on this error, read the docs: https://platform.openai.com/docs/guides/error-codes/api-errors.',
    'insufficient_quota',
    null,
    'insufficient_quota',
  );
}

/** 400 when the prompt (plus the requested completion) does not fit the model's context window. */
export function openAIContextLengthError(
  contextWindow: number,
  promptTokens: number,
): { error: OpenAIErrorObject } {
  return openAIErrorBody(
    `This model's maximum context length is ${contextWindow} tokens. However, your messages resulted in ${promptTokens} tokens. Please reduce the length of the messages.`,
    'invalid_request_error',
    'messages',
    'context_length_exceeded',
  );
}

/** 400 for a parameter a (reasoning) model does not support, as in the recorded fixture. */
export function openAIUnsupportedParameter(param: string, instead?: string): { error: OpenAIErrorObject } {
  return openAIErrorBody(
    `Unsupported parameter: '${param}' is not supported with this model.${instead ? ` Use '${instead}' instead.` : ''}`,
    'invalid_request_error',
    param,
    'unsupported_parameter',
  );
}

/** 400 for a value a (reasoning) model does not support (e.g. `temperature` other than 1). */
export function openAIUnsupportedValue(param: string, value: unknown): { error: OpenAIErrorObject } {
  return openAIErrorBody(
    `Unsupported value: '${param}' does not support ${String(value)} with this model. Only the default (1) value is supported.`,
    'invalid_request_error',
    param,
    'unsupported_value',
  );
}

/** The error object OpenAI sends inside a 200 stream (`data: {"error": {...}}`) when generation fails. */
export function openAIStreamError(message?: string): { error: OpenAIErrorObject } {
  return openAIErrorBody(
    message ?? 'The server had an error while processing your request. Sorry about that!',
    'server_error',
  );
}
