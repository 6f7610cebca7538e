import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { AuditModel } from '../../judgement';
import { NOTIFY_REPORT_FILES } from '../../notify';
import { startReceiver, type ReceiverFaultName, type RunningReceiver } from '../../receiver';
import { SELFTEST_ENV, type SelfTestRun } from './runAgainstMock';

const BIN = resolve(__dirname, '..', '..', 'bin', 'payscore-conformance.js');

export type NotifyRun = Omit<SelfTestRun, 'model'> & { model?: AuditModel; junit?: string };

/**
 * Runs `payscore-conformance notify --profile <profile> <args>` in a child process and reads its
 * reports, if any (from a temp folder, so CI's JUnit count never sees a fault's failures).
 */
export function runNotifyCli(profilePath: string, args: string[] = []): Promise<NotifyRun> {
  const reports = mkdtempSync(join(tmpdir(), 'payscore-notify-selftest-'));
  return new Promise((done) => {
    execFile(
      process.execPath,
      [BIN, 'notify', '--profile', profilePath, '--reports', reports, ...args],
      {
        env: { ...process.env, ...SELFTEST_ENV, PAYSCORE_PROFILE: '', PAYSCORE_RECEIVER_URL: '' },
        maxBuffer: 64 * 1024 * 1024,
        timeout: 120_000,
      },
      (error, stdout, stderr) => {
        const exitCode = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
        const run: NotifyRun = { exitCode, output: `${stdout}\n${stderr}` };
        if (existsSync(join(reports, NOTIFY_REPORT_FILES.json))) {
          run.model = JSON.parse(readFileSync(join(reports, NOTIFY_REPORT_FILES.json), 'utf8')) as AuditModel;
          run.junit = readFileSync(join(reports, NOTIFY_REPORT_FILES.junit), 'utf8');
        }
        rmSync(reports, { recursive: true, force: true });
        done(run);
      },
    );
  });
}

/** runNotifyCli for a run that must leave its reports (fails otherwise). */
export async function runNotify(profilePath: string, args: string[] = []): Promise<SelfTestRun & { junit: string }> {
  const run = await runNotifyCli(profilePath, args);
  if (run.model === undefined || run.junit === undefined)
    throw new Error(`notify wrote no report (exit ${run.exitCode}):\n${run.output}`);
  return { ...run, model: run.model, junit: run.junit };
}

/** The reference receiver in this process on a free port, with a fresh data directory, these faults on. */
export async function withReceiver<T>(
  faults: readonly ReceiverFaultName[],
  use: (receiver: RunningReceiver) => Promise<T>,
): Promise<T> {
  const dataDir = mkdtempSync(join(tmpdir(), 'payscore-receiver-'));
  const receiver = await startReceiver({ dataDir, port: 0, faults });
  try {
    return await use(receiver);
  } finally {
    await receiver.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
