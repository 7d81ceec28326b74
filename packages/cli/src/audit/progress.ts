import type { CommandIo } from '../commands/command';

/** Files this big get a progress line (when stderr is a terminal). */
export const PROGRESS_MIN_BYTES = 4 * 1024 * 1024;

/**
 * A progress reporter for long reads: a single updating line on stderr, only when stderr is a
 * terminal and the file is large. Returns undefined when no progress should be shown.
 */
export function createProgress(io: CommandIo, label: string, totalBytes: number) {
  if (io.stderrIsTty !== true || totalBytes < PROGRESS_MIN_BYTES) return undefined;
  let shown = false;
  let last = 0;
  return {
    update(bytesRead: number) {
      const now = Date.now();
      if (now - last < 100 && bytesRead < totalBytes) return;
      last = now;
      shown = true;
      const percent = Math.min(100, (bytesRead / totalBytes) * 100);
      const megabytes = (bytes: number) =>
        (bytes / 1e6).toLocaleString('en-US', { maximumFractionDigits: 0 });
      io.stderr(
        `\r${label}: ${percent.toFixed(0).padStart(3)}% (${megabytes(bytesRead)} of ${megabytes(totalBytes)} MB)`,
      );
    },
    done() {
      if (shown) io.stderr('\r\x1b[K');
    },
  };
}
