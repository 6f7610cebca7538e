import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
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

const xml = (s: string): string =>
  s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');

function testcase(file: PactFileReport, r: InteractionResult): string {
  const name = `[${r.stage}] ${interactionName(r)}`;
  const failure = r.passed
    ? ''
    : `\n      <failure message="${xml(r.differences.map((d) => d.field).join(', '))}">${xml(failureLines(r).join('\n'))}</failure>`;
  const notes = r.notes.length === 0 ? '' : `\n      <system-out>${xml(r.notes.join('\n'))}</system-out>`;
  return `    <testcase classname="${xml(`pact verify ${file.consumer}`)}" name="${xml(name)}">${failure}${notes}\n    </testcase>`;
}

/** JUnit: a testsuite per pact file, a testcase per interaction per stage; a file that could not be read is an error. */
export function pactJunit(report: PactVerifyReport): string {
  const suites = report.files.map((f) => {
    const failures = f.results.filter((r) => !r.passed).length;
    return `  <testsuite name="${xml(f.file)}" tests="${f.results.length}" failures="${failures}" errors="0" skipped="0">\n${f.results.map((r) => testcase(f, r)).join('\n')}\n  </testsuite>`;
  });
  for (const p of report.problems)
    suites.push(
      `  <testsuite name="${xml(p.file)}" tests="1" failures="0" errors="1" skipped="0">\n    <testcase classname="pact verify" name="${xml(`${p.file} is a pact of this endpoint`)}">\n      <error message="${xml(p.problem)}">${xml(p.problem)}</error>\n    </testcase>\n  </testsuite>`,
    );
  const tests = report.files.reduce((n, f) => n + f.results.length, 0) + report.problems.length;
  const failures = report.files.reduce((n, f) => n + f.results.filter((r) => !r.passed).length, 0);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="payscore-conformance pact verify" tests="${tests}" failures="${failures}" errors="${report.problems.length}">\n${suites.join('\n')}\n</testsuites>\n`;
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
    out.push('| stage | interaction | result |', '|---|---|---|');
    for (const r of f.results)
      out.push(`| ${r.stage} | ${interactionName(r).replace(/\|/g, '\\|')} | ${r.passed ? 'passed' : 'FAILED'} |`);
    const failed = f.results.flatMap(failureLines);
    if (failed.length > 0) out.push('', '**Failures**', '', ...failed.map((l) => `- ${l}`));
    const notes = f.results.flatMap((r) => r.notes.map((n) => `${interactionName(r)} [${r.stage}] ${n}`));
    if (notes.length > 0) out.push('', '**Notes**', '', ...notes.map((l) => `- ${l}`));
    if (f.others.length > 0)
      out.push(
        '',
        '**Not verified** (not this endpoint)',
        '',
        ...f.others.map((o) => `- "${o.description}": ${o.reason}`),
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
    [PACT_REPORT_FILES.json, `${JSON.stringify(report, null, 2)}\n`],
  ];
  return files.map(([name, text]) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  });
}
