import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startStandaloneMock, type StandaloneMock } from '../../mock';
import { CONTROL_ENV } from './controlClient';
import { faultsFromEnv, readingsFromEnv } from './mockFaults';
import { ENV, evidenceDir, runOptions } from './runOptions';

declare global {
  var __payscoreEmbedded: { mock: StandaloneMock; dataDir: string } | undefined;
}

const fileLogger = (path: string) => (line: string): void => appendFileSync(path, `${line}\n`);

/**
 * Jest globalSetup of the conformance project: a fresh evidence folder, and — when no profile names
 * a target — the embedded mock, in this process, on a free loopback port with fresh keys. The
 * workers inherit the environment set here.
 */
export default async function globalSetup(): Promise<void> {
  const options = runOptions();
  rmSync(evidenceDir(options), { recursive: true, force: true });
  // The JUnit reporter (this process) records the seed of every test from here.
  process.env[ENV.seed] = String(options.seed);
  if ((process.env[ENV.profile] ?? '') !== '') return;
  const dataDir = mkdtempSync(join(tmpdir(), 'payscore-embedded-'));
  const readings = readingsFromEnv();
  const mock = await startStandaloneMock({
    dataDir, host: '127.0.0.1', port: 0, faults: faultsFromEnv(), readings, control: true,
    slowAnswerMs: Number(process.env['PAYSCORE_MOCK_SLOW_MS'] ?? 10_000),
    // bench/conformance.bench.ts counts the requests of a run from the mock's log lines.
    ...(process.env['PAYSCORE_MOCK_LOG'] === undefined ? {} : { logger: fileLogger(process.env['PAYSCORE_MOCK_LOG']) }),
  });
  globalThis.__payscoreEmbedded = { mock, dataDir };
  process.env[ENV.profile] = mock.profilePath;
  // Under readings the mock stands in for another correct implementation: judged as a foreign target.
  if (readings.length > 0) {
    process.env[TARGET_DESCRIPTION_ENV] = `the embedded mock under the readings ${readings.join(', ')} at ${mock.url}, as a foreign target`;
    return;
  }
  process.env[ENV.targetKind] = 'mock';
  process.env[CONTROL_ENV] = '1';
  process.env[TARGET_DESCRIPTION_ENV] = `the embedded reference mock at ${mock.url}`;
}

/** What the reports call the target when it is the embedded mock (its profile path is a temp file). */
export const TARGET_DESCRIPTION_ENV = 'PAYSCORE_TARGET_DESCRIPTION';
