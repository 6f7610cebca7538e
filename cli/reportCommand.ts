import { AUDIT_REPORT_FILES, JUNIT_FILE, mergeReports } from '../judgement';
import { commandOutput } from './commandOutput';
import { EXIT } from './exitCodes';
import { parseVerbCommand } from './verbCommandArgs';
import { readCommandLine } from './readCommandLine';

export const REPORT_USAGE = `Usage: payscore-conformance report merge DIR... [options]

Merges the reports folders of one run's shards (payscore-conformance run --shard I/N) into one JUnit
file and one auditor report, built from every shard's evidence; the case files are copied along and
manifest.json is written over the result.

Options:
  --out DIR     where the merged reports go (default ./reports; not one of the DIRs)
  -h, --help    this text

Exit codes: 0 merged, and no rule failed; 1 merged, and a rule failed; 2 a usage problem or a DIR
that holds no run's reports.`;

const parse = (argv: string[]) => parseVerbCommand(argv, { verb: 'merge', items: 'reports DIR', folderFlag: 'out' });

/** `payscore-conformance report merge DIR... [--out DIR]`. */
export function reportCommand(argv: string[], out: (line: string) => void = (l) => console.log(l)): number {
  const output = commandOutput('report', { out });
  const fail = output.problem;
  const args = readCommandLine(argv, parse, { usage: () => REPORT_USAGE, onError: 'full' }, output);
  if (typeof args === 'number') return args;
  const { items: dirs, folder: outDir } = args;
  const startedAt = new Date().toISOString();
  let failed: number;
  try {
    const model = mergeReports(dirs, outDir, {
      startedAt,
      finishedAt: new Date().toISOString(),
      commandLine: ['payscore-conformance', 'report', ...argv],
    });
    failed = model.summary.failed;
    const s = model.summary;
    out(
      `merged ${dirs.length} folder(s): rules ${s.covered}/${s.rules} covered, ${s.passed} passed, ${s.failed} failed, ${s.warnings} warnings, ${s.informational} informational`,
    );
    out(
      `reports: ${outDir}/{${JUNIT_FILE},${AUDIT_REPORT_FILES.html},${AUDIT_REPORT_FILES.markdown},${AUDIT_REPORT_FILES.json}}`,
    );
  } catch (error) {
    return fail((error as Error).message);
  }
  return failed > 0 ? EXIT.NONCONFORMANT : EXIT.OK;
}
