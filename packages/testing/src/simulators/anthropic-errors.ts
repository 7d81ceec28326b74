/**
 * Anthropic error bodies, `{ type: "error", error: { type, message }, request_id }`.
 *
 * Sources: the API's "Errors" page (status ↔ `error.type` table: 400 `invalid_request_error`,
 * 401 `authentication_error`, 402 `billing_error`, 403 `permission_error`, 404 `not_found_error`,
 * 413 `request_too_large`, 429 `rate_limit_error`, 500 `api_error`, 504 `timeout_error`,
 * 529 `overloaded_error`; the body carries `request_id`; a 200 stream can carry `event: error`),
 * anthropic-sdk-typescript `src/core/error.ts` (which fields the SDK reads), and real messages for
 * prompt-too-long, spend limits and credit balance as the API words them.
 */

/** The `error` object of an Anthropic error body. */
export interface AnthropicErrorObject {
  type: string;
  message: string;
}

/** A whole error body. */
export interface AnthropicErrorBody {
  type: 'error';
  error: AnthropicErrorObject;
  request_id?: string;
}

/** `{ type: "error", error: { type, message }, request_id }`. */
export function anthropicErrorBody(type: string, message: string, requestId?: string): AnthropicErrorBody {
  const body: AnthropicErrorBody = { type: 'error', error: { type, message } };
  if (requestId) body.request_id = requestId;
  return body;
}

const DEFAULTS: Record<number, [string, string]> = {
  400: ['invalid_request_error', 'Invalid request.'],
  401: ['authentication_error', 'invalid x-api-key'],
  402: [
    'billing_error',
    'Your credit balance is too low to access the Anthropic API. Please go to Plans & Billing to upgrade or purchase credits.',
  ],
  403: ['permission_error', 'Your API key does not have permission to use the specified resource.'],
  404: ['not_found_error', 'The requested resource could not be found.'],
  408: ['timeout_error', 'Request timed out.'],
  413: ['request_too_large', 'Request exceeds the maximum allowed number of bytes.'],
  429: [
    'rate_limit_error',
    'This request would exceed the rate limit for your organization of 50 requests per minute. For details, refer to: https://docs.claude.com/en/api/rate-limits. You can see the response headers for current usage. Please reduce the prompt length or the maximum tokens requested, or try again later.',
  ],
  500: ['api_error', 'Internal server error'],
  504: ['timeout_error', 'Request timed out.'],
  529: ['overloaded_error', 'Overloaded'],
};

/** The default body for an HTTP status, optionally with the caller's message. */
export function anthropicErrorForStatus(
  status: number,
  message?: string,
  requestId?: string,
): AnthropicErrorBody {
  const [type, text] = DEFAULTS[status] ?? [
    status >= 500 ? 'api_error' : 'invalid_request_error',
    `The server answered HTTP ${status}.`,
  ];
  return anthropicErrorBody(type, message ?? text, requestId);
}

/** 400 for a prompt over the model's context window. */
export function anthropicPromptTooLong(promptTokens: number, contextWindow: number, requestId?: string) {
  return anthropicErrorBody(
    'invalid_request_error',
    `prompt is too long: ${promptTokens} tokens > ${contextWindow} maximum`,
    requestId,
  );
}

/** 400 when the workspace's spend limit is reached: not retryable until the limit resets. */
export function anthropicSpendLimitError(requestId?: string) {
  return anthropicErrorBody(
    'invalid_request_error',
    'You have reached your specified API usage limits. You will regain access on 2026-12-01 at 00:00 UTC.',
    requestId,
  );
}

/** The error a 200 stream carries in an `event: error` (no `request_id` inside the stream). */
export function anthropicStreamError(message?: string) {
  return anthropicErrorBody('overloaded_error', message ?? 'Overloaded');
}
