/** What an adapter read from a server's error body. */
export interface ServerErrorInfo {
  /** The server's own message. */
  message: string;
  /** Set when the body says the prompt does not fit the context window. */
  contextLength?: { promptTokens?: number; contextWindow?: number };
  /** Set when the body says the server cannot serve yet (loading, no model instance). */
  unavailable?: { retryable: boolean };
}

/** Turns a parsed JSON error body of any common shape into a message. */
export function messageOf(body: unknown): string | undefined {
  if (typeof body === 'string') return body;
  if (typeof body !== 'object' || body === null) return undefined;
  const record = body as Record<string, unknown>;
  const error = record.error;
  if (typeof error === 'string') return error;
  if (typeof error === 'object' && error !== null) {
    const message = (error as Record<string, unknown>).message;
    if (typeof message === 'string') return message;
  }
  if (typeof record.detail === 'string') return record.detail;
  if (typeof record.message === 'string') return record.message;
  return undefined;
}

/** Parses an error body as JSON when it is JSON; undefined otherwise. */
export function tryParseJson(text: string): unknown {
  const trimmed = text.trimStart();
  if (trimmed.length === 0 || (trimmed[0] !== '{' && trimmed[0] !== '[' && trimmed[0] !== '"'))
    return undefined;
  try {
    return JSON.parse(trimmed);
  } catch {
    return undefined;
  }
}

/**
 * Reads `{error:{message}}`, `{error:"..."}`, `{detail:"..."}`, `{message}` or plain text. Servers
 * that say more (context sizes, loading) get their own parser in their adapter.
 */
export function parseErrorBody(status: number, text: string): ServerErrorInfo {
  const message = messageOf(tryParseJson(text)) ?? text.trim().slice(0, 500);
  return { message: message.length > 0 ? message : `HTTP ${status}` };
}
