import { type ServerErrorInfo, messageOf, tryParseJson } from '@switchyard/openai-compatible';

const NO_INSTANCE = /no instance found for model/i;
const CONTEXT =
  /prompt exceeds max prompt token limit: prompt_tokens=(\d+), max_prompt_tokens=(\d+)|context[ _-]?(length|window|size)|prompt is too long/i;

/** FastAPI's validation list `{"detail": [{loc, msg}]}` as one line. */
function validationMessage(body: unknown): string | undefined {
  const detail =
    typeof body === 'object' && body !== null ? (body as { detail?: unknown }).detail : undefined;
  if (!Array.isArray(detail)) return undefined;
  return detail
    .map(
      (item: { loc?: unknown; msg?: unknown }) =>
        `${Array.isArray(item.loc) ? item.loc.join('.') : 'body'}: ${typeof item.msg === 'string' ? item.msg : 'invalid'}`,
    )
    .join('; ');
}

/**
 * Reads EXO's `{"error": {message, type, param, code}}` (`main.py` `http_exception_handler`) and
 * FastAPI's `{"detail": ...}`. A 404 "No instance found for model" means the model has no running
 * instance: not ready, not a bad request. An engine's prompt-too-long error is a context-length error.
 */
export function parseExoError(status: number, text: string): ServerErrorInfo {
  const body = tryParseJson(text);
  const message =
    messageOf(body) ?? validationMessage(body) ?? (text.trim().slice(0, 500) || `HTTP ${status}`);
  if (NO_INSTANCE.test(message)) return { message, unavailable: { retryable: false } };
  const match = CONTEXT.exec(message);
  if (match) {
    return {
      message,
      contextLength:
        match[1] === undefined ? {} : { promptTokens: Number(match[1]), contextWindow: Number(match[2]) },
    };
  }
  return { message };
}

/** True for the error of a model without a running instance. */
export function isNoInstanceError(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    (error as { code?: unknown }).code === 'provider_unavailable' &&
    (error as { status?: unknown }).status === 404 &&
    NO_INSTANCE.test(String((error as { message?: unknown }).message))
  );
}
