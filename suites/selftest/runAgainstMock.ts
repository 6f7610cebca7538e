import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { reportSchemaProblems, type AuditModel } from '../../auditReport';

const BIN = resolve(__dirname, '..', '..', 'bin', 'payscore-conformance.js');

export interface SelfTestRun {
  exitCode: number;
  model: AuditModel;
  output: string;
}

/** Runs `payscore-conformance run --runs 5 <args>` in a child process and reads its JSON report. */
export function runConformance(args: string[], env: NodeJS.ProcessEnv = {}): Promise<SelfTestRun> {
  const reports = mkdtempSync(join(tmpdir(), 'payscore-selftest-'));
  return new Promise((done, reject) => {
    execFile(
      process.execPath,
      [BIN, 'run', '--runs', '5', '--reports', reports, ...args],
      { env: { ...process.env, PAYSCORE_PROFILE: '', JEST_WORKER_ID: '', ...env }, maxBuffer: 64 * 1024 * 1024, timeout: 180_000 },
      (error, stdout, stderr) => {
        try {
          const model = JSON.parse(readFileSync(join(reports, 'conformance-report.json'), 'utf8')) as AuditModel;
          // Every report a self-test run writes must match the JSON Schema the package publishes.
          const problems = reportSchemaProblems(model);
          if (problems.length > 0) throw new Error(`conformance-report.json does not match schemas/conformance-report.schema.json: ${problems.slice(0, 10).join('; ')}`);
          const exitCode = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
          done({ exitCode, model, output: `${stdout}\n${stderr}` });
        } catch (e) {
          reject(new Error(`the run wrote no report (${(e as Error).message}):\n${stdout}\n${stderr}`));
        } finally {
          rmSync(reports, { recursive: true, force: true });
        }
      },
    );
  });
}

/** The suites against the embedded mock with these faults switched on. */
export function runAgainstMock(faults: readonly string[], extraArgs: string[] = [], env: NodeJS.ProcessEnv = {}): Promise<SelfTestRun> {
  return runConformance(extraArgs, { ...env, PAYSCORE_MOCK_FAULTS: faults.join(',') });
}

/** The rules a run found failed. */
export function failedRules(model: AuditModel): string[] {
  return model.rows.filter((r) => r.verdict === 'failed').map((r) => r.id);
}
