import { type WriteStream, createWriteStream, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { AuditRecord, AuditSink } from './audit-record';

/** An append-only JSON Lines audit file. */
export interface JsonlAuditSink extends AuditSink {
  readonly path: string;
  flush(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Appends one JSON object per line to `path` (created with its folder if missing, never truncated).
 * Writes are buffered; call `router.close()` (or `sink.close()`) before exit so none are lost.
 *
 * @example
 * const router = createRouter({ providers, audit: createJsonlAuditSink('./audit/switchyard.jsonl') });
 */
export function createJsonlAuditSink(path: string): JsonlAuditSink {
  if (typeof path !== 'string' || path.length === 0) {
    throw new TypeError('createJsonlAuditSink: `path` must be a non-empty string.');
  }
  let stream: WriteStream | undefined;
  let failure: Error | undefined;
  let closed = false;
  const open = (): WriteStream => {
    if (!stream) {
      mkdirSync(dirname(path), { recursive: true });
      stream = createWriteStream(path, { flags: 'a', encoding: 'utf8' });
      stream.on('error', (error) => {
        failure = error;
      });
    }
    return stream;
  };
  const check = () => {
    if (failure) throw new Error(`audit file ${path}: ${failure.message}`, { cause: failure });
  };
  return {
    path,
    write(record: AuditRecord) {
      if (closed) throw new Error(`audit file ${path} is closed`);
      check();
      open().write(`${JSON.stringify(record)}\n`);
    },
    async flush() {
      check();
      if (!stream) return;
      const current = stream;
      // A write's callback runs after every earlier write reached the file.
      await new Promise<void>((resolve) => current.write('', () => resolve()));
      check();
    },
    async close() {
      if (closed) return;
      closed = true;
      if (!stream) return;
      const current = stream;
      await new Promise<void>((resolve) => current.end(resolve));
      check();
    },
  };
}
