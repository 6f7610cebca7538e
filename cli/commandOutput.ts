import { exitCodeOf } from '../toolErrors';

/** Where a command writes (tests capture it); a server command also stops when `signal` aborts. */
export interface CommandIo {
  out?: (line: string) => void;
  err?: (line: string) => void;
  /** Stops a server command as SIGINT/SIGTERM would (tests). */
  signal?: AbortSignal;
}

/** Text around an error's message where it is reported: what it concerns (a file), what to read next. */
export interface ErrorFrame {
  before?: string;
  after?: string;
}

export interface CommandOutput {
  /** The command's name after `payscore-conformance`. */
  command: string;
  out: (line: string) => void;
  err: (line: string) => void;
  /**
   * The one place every command turns an error into its exit code: an error of ours (toolErrors/) is
   * reported on stderr, prefixed with the command, and gives its catalogue exit code. Any other error is a
   * bug of ours, rethrown for bin.ts to print with its stack.
   */
  fail: (error: unknown, frame?: ErrorFrame) => number;
}

export function commandOutput(command: string, io: CommandIo = {}): CommandOutput {
  const out = io.out ?? ((line: string) => console.log(line));
  const err = io.err ?? ((line: string) => console.error(line));
  const fail = (error: unknown, frame: ErrorFrame = {}): number => {
    const code = exitCodeOf(error);
    if (code === undefined) throw error;
    err(`payscore-conformance ${command}: ${frame.before ?? ''}${(error as Error).message}${frame.after ?? ''}`);
    return code;
  };
  return { command, out, err, fail };
}
