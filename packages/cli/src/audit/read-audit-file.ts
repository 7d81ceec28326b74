import { isAscii } from 'node:buffer';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { AuditRecord } from '@switchyard/core';
import { auditRecordProblem } from './check-audit-record';

/** Counts of one read. */
export interface ReadStats {
  lines: number;
  records: number;
  badLines: number;
  bytes: number;
}

/** Callbacks of `readAuditFile`. */
export interface ReadAuditOptions {
  onRecord(record: AuditRecord): void;
  /** A line that is not a valid record (1-based line number); it is skipped. */
  onBadLine(line: number, reason: string): void;
  /** Called after each chunk read, with bytes read so far. */
  onProgress?(bytesRead: number, totalBytes: number, lines: number): void;
  /** Read only bytes [start, end): a range that starts a line and ends after a newline (or at the end). */
  start?: number;
  end?: number;
}

// Small enough that each chunk's text lives in the young generation and dies there (a 1 MiB
// string would land in large-object space and pile up until a full GC: +70 MB RSS).
const CHUNK = 64 * 1024;
const NEWLINE = 0x0a;

/** Complete lines as text: ASCII is copied (5× faster than decoding); a newline never splits a UTF-8 character. */
function decode(buffer: Buffer, end: number): string {
  const bytes = buffer.subarray(0, end);
  return isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
}

/**
 * Streams a JSON Lines audit file record by record, 1 MiB at a time (memory stays flat whatever
 * the file's size; a longer line grows the buffer to fit it). Bad and truncated lines are passed to
 * `onBadLine` with their line number and skipped, never thrown. Throws only when the file cannot be read.
 */
export async function readAuditFile(path: string, options: ReadAuditOptions): Promise<ReadStats> {
  const descriptor = openSync(path, 'r');
  try {
    const { size: fileSize } = fstatSync(descriptor);
    const from = options.start ?? 0;
    const to = Math.min(options.end ?? fileSize, fileSize);
    const size = Math.max(0, to - from);
    const stats: ReadStats = { lines: 0, records: 0, badLines: 0, bytes: size };
    const line = (text: string, unterminated: boolean) => {
      stats.lines++;
      if (text.length === 0 || (text.charCodeAt(0) <= 32 && text.trim().length === 0)) return;
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch (error) {
        stats.badLines++;
        const reason = `invalid JSON (${(error as Error).message})`;
        options.onBadLine(
          stats.lines,
          unterminated ? `truncated: the file ends mid-line (${reason})` : reason,
        );
        return;
      }
      const problem = auditRecordProblem(value);
      if (problem) {
        stats.badLines++;
        options.onBadLine(stats.lines, problem);
        return;
      }
      stats.records++;
      options.onRecord(value as AuditRecord);
    };

    let buffer = Buffer.allocUnsafe(CHUNK);
    // Bytes of an incomplete last line, kept at the start of the buffer for the next read.
    let kept = 0;
    let position = from;
    let reads = 0;
    for (;;) {
      if (kept === buffer.length) {
        const bigger = Buffer.allocUnsafe(buffer.length * 2);
        buffer.copy(bigger, 0, 0, kept);
        buffer = bigger;
      }
      const want = Math.min(buffer.length - kept, to - position);
      // Synchronous reads from the page cache cost microseconds; a promise per 64 KiB costs more
      // than parsing it. The loop yields every few MiB so progress and signals still get through.
      const bytesRead = want > 0 ? readSync(descriptor, buffer, kept, want, position) : 0;
      if (++reads % 64 === 0) await yieldToEventLoop();
      if (bytesRead === 0) break;
      position += bytesRead;
      const end = kept + bytesRead;
      const lastNewline = buffer.lastIndexOf(NEWLINE, end - 1);
      if (lastNewline < 0) {
        kept = end;
        continue;
      }
      const text = decode(buffer, lastNewline + 1);
      let start = 0;
      let stop = text.indexOf('\n');
      while (stop !== -1) {
        line(text.charCodeAt(stop - 1) === 13 ? text.slice(start, stop - 1) : text.slice(start, stop), false);
        start = stop + 1;
        stop = text.indexOf('\n', start);
      }
      buffer.copy(buffer, 0, lastNewline + 1, end);
      kept = end - lastNewline - 1;
      options.onProgress?.(position - from, size, stats.lines);
    }
    // Bytes after the last newline: a write cut short when they do not parse.
    if (kept > 0) line(decode(buffer, kept), true);
    options.onProgress?.(size, size, stats.lines);
    return stats;
  } finally {
    closeSync(descriptor);
  }
}
