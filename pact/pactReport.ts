import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { junitXml, mdCell, mdList, mdTable, reportJson, type JunitCase, type JunitSuite } from '../judgement';
import { failureLines, interactionName, type InteractionResult } from './interactionResult';
import type { PactFileReport } from './verifyPactFile';

/** The files `pact verify` writes into its reports folder; no other command writes these names. */
export const PACT_REPORT_FILES = {
  junit: 'junit-pact.xml',
  markdown: 'pact-report.md',
  json: 'pact-report.json',
} as const;

/** A file that could not be verified at all, with the reason (exit 2). */
export interface PactFileProblem {
  file: string;
  problem: string;
}

export interface PactVerifyReport {
  passed: boolean;
  files: PactFileReport[];
  problems: PactFileProblem[];
}

const testcase = (file: PactFileReport, r: InteractionResult): JunitCase => ({
  classname: `pact verify ${file.consumer}`,
  name: `[${r.stage}] ${interactionName(r)}`,
  ...(r.passed
    ? {}
    : { failure: { message: r.differences.map((d) => d.field).join(', '), text: failureLines(r).join('\n') } }),
  out: r.notes.join('\n'),
});

/** JUnit: a testsuite per pact file, a testcase per interaction per stage; a file that could not be read is an error. */
export function pactJunit(report: PactVerifyReport): string {
  const suites: JunitSuite[] = report.files.map((f) => ({ name: f.file, cases: f.results.map((r) => testcase(f, r)) }));
  for (const p of report.problems)
    suites.push({
      name: p.file,
      cases: [
        {
          classname: 'pact verify',
          name: `${p.file} is a pact of this endpoint`,
          error: { message: p.problem, text: p.problem },
        },
      ],
    });
  return junitXml({ name: 'payscore-conformance pact verify', suites });
}

/** The short report for people: per file, per stage, what passed, what failed and why. */
export function pactMarkdown(report: PactVerifyReport): string {
  const out = [`# pact verify: ${report.passed ? 'all verified' : 'NOT verified'}`, ''];
  for (const f of report.files) {
    out.push(
      `## ${f.file}`,
      '',
      `Consumer \`${f.consumer}\`, provider \`${f.provider}\`: ${f.passed ? 'verified' : 'FAILED'}.`,
      '',
    );
    out.push(
      ...mdTable(
        ['stage', 'interaction', 'result'],
        f.results.map((r) => [r.stage, mdCell(interactionName(r)), r.passed ? 'passed' : 'FAILED']),
      ),
      ...mdList('Failures', f.results.flatMap(failureLines)),
      ...mdList(
        'Notes',
        f.results.flatMap((r) => r.notes.map((n) => `${interactionName(r)} [${r.stage}] ${n}`)),
      ),
      ...mdList(
        'Not verified',
        f.others.map((o) => `"${o.description}": ${o.reason}`),
        '(not this endpoint)',
      ),
    );
    out.push('');
  }
  for (const p of report.problems) out.push(`## ${p.file}`, '', `Not verified: ${p.problem}.`, '');
  return `${out.join('\n')}\n`;
}

/** Writes the three files into `dir` (created if missing) and answers their paths. */
export function writePactReport(dir: string, report: PactVerifyReport): string[] {
  mkdirSync(dir, { recursive: true });
  const files: Array<[string, string]> = [
    [PACT_REPORT_FILES.junit, pactJunit(report)],
    [PACT_REPORT_FILES.markdown, pactMarkdown(report)],
    [PACT_REPORT_FILES.json, reportJson(report)],
  ];
  return files.map(([name, text]) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  });
}
