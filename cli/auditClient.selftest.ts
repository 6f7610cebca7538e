import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { reportSchemaProblems } from '../auditReport';
import { CLIENT_REPORT_FILES, clientRules } from '../clientAudit';
import { auditClientCommand } from './auditClientCommand';
import { captureIo, tempDirs } from './testing/captureIo';

// The mirror of the fault self-test, for callers: the reference driver (examples/clients/reference.js,
// written to facts §10 only) passes every client rule, under every fair variation of defects.js; the
// same driver with any one defect of defects.js fails under the rule that defect names, with exit 1.

interface DriverSwitches {
  DEFECTS: Record<string, { rule: string; description: string }>;
  VARIANTS: Record<string, string>;
}
const DRIVER = join(__dirname, '..', 'examples', 'clients', 'reference.js');
const { DEFECTS, VARIANTS } = createRequire(__filename)(
  join(__dirname, '..', 'examples', 'clients', 'defects.js'),
) as DriverSwitches;
const reportsDir = tempDirs('payscore-audit-client-selftest-');

interface ClientReport {
  summary: { failed: number; passed: number; rules: number };
  rows: Array<{ id: string; verdict: string }>;
}

async function audit(
  flags: string[],
  driverArgs: string[],
): Promise<{ exitCode: number; report: ClientReport; err: string[] }> {
  const dir = reportsDir();
  const { io, err } = captureIo();
  const exitCode = await auditClientCommand(
    ['--quiet', '--reports', dir, ...flags, '--', 'node', DRIVER, ...driverArgs],
    io,
  );
  const report = JSON.parse(readFileSync(join(dir, CLIENT_REPORT_FILES.json), 'utf8')) as ClientReport;
  return { exitCode, report, err };
}
const failedRules = (r: ClientReport): string[] =>
  r.rows.filter((row) => row.verdict === 'failed').map((row) => row.id);

jest.setTimeout(120_000);

describe('self-test: the caller audit passes a correct caller and catches every defect', () => {
  it('the reference driver passes every client rule, in every scenario', async () => {
    const { exitCode, report, err } = await audit([], []);
    expect([failedRules(report), err.filter((l) => l.includes('failed —'))]).toEqual([[], []]);
    expect(report.summary.passed).toBe(clientRules().length);
    expect(reportSchemaProblems(report)).toEqual([]);
    expect(exitCode).toBe(0);
  });

  it('passes fair variations: zero retries, browser-like headers, codes inside its own wording, certificate mode', async () => {
    const run = await audit(
      ['--key-mode', 'certificate'],
      ['--variant', 'zero-retries', '--variant', 'browser-headers', '--variant', 'worded-codes'],
    );
    expect(failedRules(run.report)).toEqual([]);
    expect(run.exitCode).toBe(0);
  });

  it('passes a caller that waits 30 s for an answer and backs off long (the slow answer reaches it)', async () => {
    const run = await audit(['--timeout', '9000'], ['--variant', 'long-timeout', '--variant', 'slow-backoff']);
    expect(failedRules(run.report)).toEqual([]);
    expect(run.exitCode).toBe(0);
  });

  it('declares each fair variation it tests', () => {
    expect(Object.keys(VARIANTS).sort()).toEqual([
      'browser-headers',
      'long-timeout',
      'slow-backoff',
      'worded-codes',
      'zero-retries',
    ]);
  });

  // Caught by a time gap (a retry within 100 ms of the 429): run apart from the concurrent batch, which with
  // the other self-tests can stall a tight loop past 100 ms on a 2-core machine (seen once in CI).
  const BY_TIMING = new Set(['tight-429']);
  const defects = Object.entries(DEFECTS).map(([name, d]) => [name, d.rule] as const);

  it.concurrent.each(defects.filter(([name]) => !BY_TIMING.has(name)))(
    'defect %s fails under %s, with exit 1',
    async (name, ruleId) => {
      const run = await audit(['--only', ruleId], ['--defect', name]);
      expect(failedRules(run.report)).toEqual([ruleId]);
      expect(run.exitCode).toBe(1);
    },
  );

  it.each(defects.filter(([name]) => BY_TIMING.has(name)))(
    'defect %s fails under %s, with exit 1 (alone; caught in one of three runs, as a stall can hide it)',
    async (name, ruleId) => {
      const runs: Array<{ failed: string[]; exitCode: number }> = [];
      for (let i = 0; i < 3 && !(runs.at(-1)?.exitCode === 1); i++) {
        const run = await audit(['--only', ruleId], ['--defect', name]);
        runs.push({ failed: failedRules(run.report), exitCode: run.exitCode });
      }
      expect(runs.at(-1)).toEqual({ failed: [ruleId], exitCode: 1 });
    },
  );
});
