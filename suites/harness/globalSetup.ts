import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isFaultName, startStandaloneMock, type FaultName, type StandaloneMock } from '../../mock';
import { ENV, evidenceDir, runOptions } from './runOptions';

/** Faults to switch on in the embedded mock (comma-separated); the self-test uses it. */
export const FAULTS_ENV = 'PAYSCORE_MOCK_FAULTS';

declare global {
  var __payscoreEmbedded: { mock: StandaloneMock; dataDir: string } | undefined;
}

function faultsFromEnv(): FaultName[] {
  const names = (process.env[FAULTS_ENV] ?? '').split(',').map((s) => s.trim()).filter((s) => s !== '');
  const unknown = names.filter((n) => !isFaultName(n));
  if (unknown.length > 0) throw new Error(`${FAULTS_ENV}: unknown fault(s) ${unknown.join(', ')}`);
  return names as FaultName[];
}

/**
 * Jest globalSetup of the conformance project: a fresh evidence folder, and — when no profile names
 * a target — the embedded mock, in this process, on a free loopback port with fresh keys. The
 * workers inherit the environment set here.
 */
export default async function globalSetup(): Promise<void> {
  rmSync(evidenceDir(runOptions()), { recursive: true, force: true });
  if ((process.env[ENV.profile] ?? '') !== '') return;
  const dataDir = mkdtempSync(join(tmpdir(), 'payscore-embedded-'));
  const mock = await startStandaloneMock({
    dataDir, host: '127.0.0.1', port: 0, faults: faultsFromEnv(), control: true,
    slowAnswerMs: Number(process.env['PAYSCORE_MOCK_SLOW_MS'] ?? 10_000),
  });
  globalThis.__payscoreEmbedded = { mock, dataDir };
  process.env[ENV.profile] = mock.profilePath;
  process.env[ENV.targetKind] = 'mock';
}
