import { type ServerErrorInfo, messageOf, tryParseJson } from '@switchyard/openai-compatible';

const CONTEXT_MESSAGE = /\((\d+) tokens\) exceeds the available context size \((\d+) tokens\)/;
const numberOf = (value: unknown) =>
  typeof value === 'number' && Number.isFinite(value) ? value : undefined;

/**
 * Reads llama-server's error body `{"error": {code, message, type}}` (`server-common.cpp`
 * `format_error_response`). `exceed_context_size_error` carries `n_prompt_tokens` and `n_ctx`;
 * 503 `unavailable_error` "Loading model" means the model is not loaded yet.
 */
export function parseLlamaCppError(status: number, text: string): ServerErrorInfo {
  const body = tryParseJson(text);
  const error = typeof body === 'object' && body !== null ? (body as { error?: unknown }).error : undefined;
  const message = messageOf(body) ?? (text.trim().slice(0, 500) || `HTTP ${status}`);
  const type = typeof error === 'object' && error !== null ? (error as { type?: unknown }).type : undefined;
  const match = CONTEXT_MESSAGE.exec(message);
  if (type === 'exceed_context_size_error' || match) {
    const fields = (error ?? {}) as { n_prompt_tokens?: unknown; n_ctx?: unknown };
    const promptTokens = numberOf(fields.n_prompt_tokens) ?? (match ? Number(match[1]) : undefined);
    const contextWindow = numberOf(fields.n_ctx) ?? (match ? Number(match[2]) : undefined);
    return {
      message,
      contextLength: {
        ...(promptTokens === undefined ? {} : { promptTokens }),
        ...(contextWindow === undefined ? {} : { contextWindow }),
      },
    };
  }
  if (status === 503 && /loading model/i.test(message)) return { message, unavailable: { retryable: true } };
  return { message };
}

/** An error inside a stream: `data: {"error": {...}}` (current) or the bare object of an `error:` line (older). */
export function parseLlamaCppStreamError(payload: unknown): { status: number; info: ServerErrorInfo } {
  const inner =
    typeof payload === 'object' && payload !== null && 'error' in payload
      ? (payload as { error: unknown }).error
      : payload;
  const code = typeof inner === 'object' && inner !== null ? (inner as { code?: unknown }).code : undefined;
  const status = typeof code === 'number' && code >= 400 && code < 600 ? code : 500;
  return { status, info: parseLlamaCppError(status, JSON.stringify({ error: inner })) };
}
