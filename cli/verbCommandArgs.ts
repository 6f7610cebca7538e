import { parseFlags } from './parseFlags';
import { UsageError } from './usageError';

/** The shape `report merge DIR…` and `pact verify FILE…` share: one verb, its items, one output folder flag. */
export interface VerbCommand {
  verb: string;
  /** How the items are named in "needs at least one …" (e.g. `pact FILE`). */
  items: string;
  /** The output folder's flag, without dashes; its default is reports/. */
  folderFlag: string;
}

export type VerbArgs = { help: true } | { help: false; items: string[]; folder: string };

/** Parses `VERB ITEM… [--FOLDER DIR] [--help]`: a wrong verb, no item or an empty folder is a UsageError. */
export function parseVerbCommand(argv: string[], command: VerbCommand): VerbArgs {
  const { values, positionals } = parseFlags(argv, {
    options: { [command.folderFlag]: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    allowPositionals: true,
  });
  if (values['help'] === true) return { help: true };
  const [verb, ...items] = positionals;
  if (verb !== command.verb)
    throw new UsageError(`unknown or missing subcommand ${JSON.stringify(verb ?? '')}: expected ${command.verb}`);
  if (items.length === 0) throw new UsageError(`${command.verb} needs at least one ${command.items}`);
  const folder = values[command.folderFlag];
  if (folder === '') throw new UsageError(`--${command.folderFlag} needs a folder`);
  return { help: false, items, folder: typeof folder === 'string' ? folder : 'reports' };
}
