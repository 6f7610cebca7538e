import { toolError } from '../toolErrors';
import { cpSync, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { mergeJunit } from './junit';
import type { RunProvenance } from './provenance';
import { writeAuditReport } from './writeAuditReport';
import type { AuditModel } from './auditModel';

/** The JUnit file of a run (a public report name). */
export const JUNIT_FILE = 'junit-conformance.xml';

/**
 * Merges the reports folders of a run's shards into `outDir`: one JUnit file, the case files, and
 * one auditor report built from every shard's evidence (then the manifest over all of it).
 */
export function mergeReports(dirs: string[], outDir: string, run: RunProvenance): AuditModel {
  const out = resolve(outDir);
  const missing = dirs.filter((d) => !existsSync(join(d, 'evidence', 'run.json')));
  if (missing.length > 0)
    throw toolError(
      'PSC_REPORT_MERGE',
      `not the reports folder of a run (no evidence/run.json): ${missing.join(', ')}`,
    );
  if (dirs.some((d) => resolve(d) === out))
    throw toolError('PSC_REPORT_MERGE', `--out ${outDir} is one of the folders to merge: name another`);
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, JUNIT_FILE), mergeJunit(dirs.map((d) => join(d, JUNIT_FILE))));
  for (const d of dirs) {
    const cases = join(d, 'cases');
    // Case names hash the test, exchange and rule, so shards (which run disjoint tests) never collide.
    if (existsSync(cases)) for (const f of readdirSync(cases)) cpSync(join(cases, f), join(out, 'cases', f));
  }
  return writeAuditReport(out, run, dirs);
}
