import type { CommandOutput } from './commandOutput';
import { EXIT } from '../toolErrors';

/** A verb's command line, the same shape for every verb (its `<verb>Args.ts` exports one). */
export interface CommandLine<A extends { help: boolean }> {
  /** Flags and operands to typed arguments, or a UsageError naming the flag. */
  parse: (argv: string[]) => A;
  usage: () => string;
  /**
   * What follows a usage error: the whole usage (`full`), or only a pointer to --help where the usage
   * is long (the mock's and the receiver's list their faults).
   */
  onError: 'full' | 'pointer';
}

/**
 * A command's first step: its parsed arguments, or the exit code when it is done already — --help
 * printed the usage (0), or a UsageError was reported, naming the flag (2).
 */
export function readCommandLine<A extends { help: boolean }>(
  argv: string[],
  line: CommandLine<A>,
  output: CommandOutput,
): Exclude<A, { help: true }> | number {
  let args: A;
  try {
    args = line.parse(argv);
  } catch (error) {
    const after =
      line.onError === 'full' ? `\n\n${line.usage()}` : `\n(see payscore-conformance ${output.command} --help)`;
    return output.fail(error, { after });
  }
  if (args.help) {
    output.out(line.usage());
    return EXIT.OK;
  }
  return args as Exclude<A, { help: true }>;
}
