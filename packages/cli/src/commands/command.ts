/** Where a command writes; injectable so tests capture output. */
export interface CommandIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** True when stdout is a terminal (progress and colour are shown only then). */
  isTty: boolean;
  /** True when stderr is a terminal: progress of long reads is shown there only then. Default false. */
  stderrIsTty?: boolean;
}

/** One `switchyard <name>` command. Returns the process exit code. */
export interface Command {
  name: string;
  summary: string;
  usage: string;
  run(argv: string[], io: CommandIo): Promise<number>;
}
