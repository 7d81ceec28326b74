import type { SwitchyardError } from '@switchyard/core';
import { type ServerErrorInfo, messageOf, parseErrorBody } from '../http/server-error-info';
import { toSwitchyardHttpError } from '../http/to-switchyard-http-error';
import type { OpenAICompatibleDialect } from '../provider/dialect';

/**
 * Reads an in-stream error: `{"error": {...}}` (newer llama-server, EXO, OpenAI) or the bare
 * `{code, message, type}` object of llama-server's older `error:` line.
 */
export function defaultStreamError(payload: unknown): { status: number; info: ServerErrorInfo } {
  const inner =
    typeof payload === 'object' && payload !== null && 'error' in payload
      ? (payload as { error: unknown }).error
      : payload;
  const code = typeof inner === 'object' && inner !== null ? (inner as { code?: unknown }).code : undefined;
  const status = typeof code === 'number' && code >= 400 && code < 600 ? code : 500;
  const message = messageOf(inner) ?? messageOf(payload);
  if (message === undefined) return { status, info: parseErrorBody(status, JSON.stringify(payload)) };
  return { status, info: { message } };
}

/** The typed error for an error the server reported inside a stream. */
export function streamErrorToSwitchyard(
  provider: string,
  dialect: OpenAICompatibleDialect,
  payload: unknown,
): SwitchyardError {
  const { status, info } = (dialect.streamError ?? defaultStreamError)(payload);
  return toSwitchyardHttpError(provider, status, info);
}
