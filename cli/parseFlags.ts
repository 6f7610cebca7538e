import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './usageError';

type FlagConfig = Required<Pick<ParseArgsConfig, 'options'>> & Pick<ParseArgsConfig, 'allowPositionals'>;
type Parsed<T extends FlagConfig> = ReturnType<typeof parseArgs<T & { args: string[]; strict: true }>>;

/** node:util's parseArgs, strict: an unknown flag or a flag without its value is a UsageError that names it. */
export function parseFlags<const T extends FlagConfig>(argv: string[], config: T): Parsed<T> {
  try {
    return parseArgs({ ...config, args: argv, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}
