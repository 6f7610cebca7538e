import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { reportSchemaProblems, type AuditModel } from '../../judgement';
import { TEST_KEY_POOL_ENV } from '../../mock';

const BIN = resolve(__dirname, '..', '..', 'bin', 'payscore-conformance.js');

/**
 * What every self-test child gets besides its own variables: RSA keys from a pool kept between runs
 * (mock/keys/testKeyPool.ts), not four fresh ones per run (~1.5 s of CPU each time).
 */
export const SELFTEST_ENV: NodeJS.ProcessEnv = {
  [TEST_KEY_POOL_ENV]: join(tmpdir(), 'payscore-conformance-test-keys'),
};

export interface SelfTestRun {
  exitCode: number;
  model: AuditModel;
  output: string;
}

/** Runs `payscore-conformance <args>` in a child process. */
export function execCli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ exitCode: number; output: string }> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      {
        env: { ...process.env, ...SELFTEST_ENV, PAYSCORE_PROFILE: '', JEST_WORKER_ID: '', ...env },
        maxBuffer: 64 * 1024 * 1024,
        timeout: 180_000,
      },
      (error, stdout, stderr) =>
        done({
          exitCode: error === null ? 0 : typeof error.code === 'number' ? error.code : -1,
          output: `${stdout}\n${stderr}`,
        }),
    );
  });
}

/** The JSON report in `reports`, which must match the JSON Schema the package publishes. */
export function readReport(reports: string, output: string): AuditModel {
  let model: AuditModel;
  try {
    model = JSON.parse(readFileSync(join(reports, 'conformance-report.json'), 'utf8')) as AuditModel;
  } catch (e) {
    throw new Error(`the run wrote no report (${(e as Error).message}):\n${output}`);
  }
  const problems = reportSchemaProblems(model);
  if (problems.length > 0)
    throw new Error(
      `conformance-report.json does not match schemas/conformance-report.schema.json: ${problems.slice(0, 10).join('; ')}`,
    );
  return model;
}

/** `payscore-conformance run --runs 5 --reports <reports> <args>`; the reports stay. */
export async function runConformanceIn(
  reports: string,
  args: string[],
  env: NodeJS.ProcessEnv = {},
): Promise<SelfTestRun> {
  const { exitCode, output } = await execCli(['run', '--runs', '5', '--reports', reports, ...args], env);
  return { exitCode, model: readReport(reports, output), output };
}

/** Runs `payscore-conformance run --runs 5 <args>` in a child process and reads its JSON report. */
export async function runCliAgainstMock(args: string[], env: NodeJS.ProcessEnv = {}): Promise<SelfTestRun> {
  const reports = mkdtempSync(join(tmpdir(), 'payscore-selftest-'));
  try {
    return await runConformanceIn(reports, args, env);
  } finally {
    rmSync(reports, { recursive: true, force: true });
  }
}

/** The suites against the embedded mock with these faults switched on. */
export function runAgainstMock(
  faults: readonly string[],
  extraArgs: string[] = [],
  env: NodeJS.ProcessEnv = {},
): Promise<SelfTestRun> {
  return runCliAgainstMock(extraArgs, { ...env, PAYSCORE_MOCK_FAULTS: faults.join(',') });
}

/** The rules a run found failed. */
export function failedRules(model: AuditModel): string[] {
  return model.rows.filter((r) => r.verdict === 'failed').map((r) => r.id);
}
