import { EXIT } from './exitCodes';

/** Where a command writes (tests capture it); a server command also stops when `signal` aborts. */
export interface CommandIo {
  out?: (line: string) => void;
  err?: (line: string) => void;
  /** Stops a server command as SIGINT/SIGTERM would (tests). */
  signal?: AbortSignal;
}

export interface CommandOutput {
  /** The command's name after `payscore-conformance`. */
  command: string;
  out: (line: string) => void;
  err: (line: string) => void;
  /** Reports a problem of ours, prefixed with the command, and gives exit code 2. */
  problem: (message: string) => number;
}

export function commandOutput(command: string, io: CommandIo = {}): CommandOutput {
  const out = io.out ?? ((line: string) => console.log(line));
  const err = io.err ?? ((line: string) => console.error(line));
  const problem = (message: string): number => {
    err(`payscore-conformance ${command}: ${message}`);
    return EXIT.PROBLEM;
  };
  return { command, out, err, problem };
}
