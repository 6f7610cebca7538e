import { parseArgs } from 'node:util';
import { AUDIT_REPORT_FILES, JUNIT_FILE, mergeReports } from '../auditReport';
import { EXIT } from './exitCodes';

export const REPORT_USAGE = `Usage: payscore-conformance report merge DIR... [options]

Merges the reports folders of one run's shards (payscore-conformance run --shard I/N) into one JUnit
file and one auditor report, built from every shard's evidence; the case files are copied along and
manifest.json is written over the result.

Options:
  --out DIR     where the merged reports go (default ./reports; not one of the DIRs)
  -h, --help    this text

Exit codes: 0 merged, and no rule failed; 1 merged, and a rule failed; 2 a usage problem or a DIR
that holds no run's reports.`;

/** `payscore-conformance report merge DIR... [--out DIR]`. */
export function reportCommand(argv: string[], out: (line: string) => void = (l) => console.log(l)): number {
  const fail = (message: string): number => {
    console.error(`payscore-conformance report: ${message}`);
    return EXIT.PROBLEM;
  };
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: true,
      options: { out: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (error) {
    return fail(`${(error as Error).message}\n\n${REPORT_USAGE}`);
  }
  if (parsed.values.help === true) {
    out(REPORT_USAGE);
    return EXIT.OK;
  }
  const [verb, ...dirs] = parsed.positionals;
  if (verb !== 'merge')
    return fail(`unknown or missing subcommand ${JSON.stringify(verb ?? '')}: expected merge\n\n${REPORT_USAGE}`);
  if (dirs.length === 0) return fail(`merge needs at least one reports DIR\n\n${REPORT_USAGE}`);
  const startedAt = new Date().toISOString();
  const outDir = parsed.values.out ?? 'reports';
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
