import type { CommandIo } from '../src/commands/command';

/** A `CommandIo` that records what a command writes. */
export function captureIo(options: { stderrIsTty?: boolean } = {}): CommandIo & { out: string; err: string } {
  const io = {
    out: '',
    err: '',
    isTty: false,
    stderrIsTty: options.stderrIsTty ?? false,
    stdout(text: string) {
      io.out += text;
    },
    stderr(text: string) {
      io.err += text;
    },
  };
  return io;
}
