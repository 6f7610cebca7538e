import type { CommandOutput } from './commandOutput';
import { EXIT } from './exitCodes';
import { UsageError } from './usageError';

export interface CommandLineText {
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
  parse: (argv: string[]) => A,
  text: CommandLineText,
  output: CommandOutput,
): Exclude<A, { help: true }> | number {
  let args: A;
  try {
    args = parse(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    const after =
      text.onError === 'full' ? `\n\n${text.usage()}` : `\n(see payscore-conformance ${output.command} --help)`;
    return output.problem(`${error.message}${after}`);
  }
  if (args.help) {
    output.out(text.usage());
    return EXIT.OK;
  }
  return args as Exclude<A, { help: true }>;
}
