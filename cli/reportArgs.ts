import type { CommandLine } from './readCommandLine';
import { parseVerbCommand, type VerbArgs } from './verbCommandArgs';

export const REPORT_USAGE = `Usage: payscore-conformance report merge DIR... [options]

Merges the reports folders of one run's shards (payscore-conformance run --shard I/N) into one JUnit
file and one auditor report, built from every shard's evidence; the case files are copied along and
manifest.json is written over the result.

Options:
  --out DIR     where the merged reports go (default ./reports; not one of the DIRs)
  -h, --help    this text

Exit codes: 0 merged, and no rule failed; 1 merged, and a rule failed; 2 a usage problem or a DIR
that holds no run's reports.`;

export const parseReportArgs = (argv: string[]): VerbArgs =>
  parseVerbCommand(argv, { verb: 'merge', items: 'reports DIR', folderFlag: 'out' });

export const REPORT_COMMAND_LINE: CommandLine<VerbArgs> = {
  parse: parseReportArgs,
  usage: () => REPORT_USAGE,
  onError: 'full',
};
