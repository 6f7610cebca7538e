import { AUDIT_REPORT_FILES, JUNIT_FILE, mergeReports } from '../judgement';
import { EXIT, toolError, ToolError } from '../toolErrors';
import { commandOutput } from './commandOutput';
import { readCommandLine } from './readCommandLine';
import { REPORT_COMMAND_LINE } from './reportArgs';

/** `payscore-conformance report merge DIR... [--out DIR]`. */
export function reportCommand(argv: string[], out: (line: string) => void = (l) => console.log(l)): number {
  const output = commandOutput('report', { out });
  const { fail } = output;
  const args = readCommandLine(argv, REPORT_COMMAND_LINE, output);
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
    // judgement/ throws PSC_REPORT_MERGE for a DIR that is no run's reports; the file system throws plain
    // errors: every one of them is a problem with the folders given.
    return fail(error instanceof ToolError ? error : toolError('PSC_REPORT_MERGE', (error as Error).message));
  }
  return failed > 0 ? EXIT.NONCONFORMANT : EXIT.OK;
}
