import { type ServerErrorInfo, messageOf, tryParseJson } from '@switchyard/openai-compatible';

const CONTEXT = /prompt exceeds max prompt token limit: prompt_tokens=(\d+), max_prompt_tokens=(\d+)/i;
const OUT_OF_MEMORY = /out of memory|insufficient memory|outofmemory/i;

/**
 * Reads mlx_lm.server's `{"error": "<message>"}` (and the plain `Not Found` of an unknown path).
 * `--max-prompt-tokens` overflow ("Prompt exceeds max prompt token limit: prompt_tokens=N,
 * max_prompt_tokens=M", HTTP 500) is a context-length error; Metal out-of-memory (503) means the
 * server cannot serve now.
 */
export function parseMlxError(status: number, text: string): ServerErrorInfo {
  const message = messageOf(tryParseJson(text)) ?? (text.trim().slice(0, 500) || `HTTP ${status}`);
  const match = CONTEXT.exec(message);
  if (match) {
    return { message, contextLength: { promptTokens: Number(match[1]), contextWindow: Number(match[2]) } };
  }
  if (status === 503 || OUT_OF_MEMORY.test(message)) return { message, unavailable: { retryable: true } };
  return { message };
}
