import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeTlsTrust } from '../../client';
import { startStandaloneMock, type StandaloneMock } from '../../mock';
import { faultsFromEnv, readingsFromEnv } from './mockFaults';
import { evidenceDir, publishRunOptions, runOptions, type RunOptions } from './runOptions';
import { recordRun } from './recordEvidence';
import { loadTargetProfile } from './target';
import { casesDir } from './caseFile';

/** The embedded mock of this run, for globalTeardown (same process, same module). */
let embedded: { mock: StandaloneMock; dataDir: string } | undefined;

const fileLogger =
  (path: string) =>
  (line: string): void =>
    appendFileSync(path, `${line}\n`);

/**
 * Jest globalSetup of the conformance project: fresh evidence and case folders, and — when no
 * profile names a target — the embedded mock, in this process, on a free loopback port with fresh
 * keys. It completes the run options with the embedded target; the workers inherit them.
 */
export default async function globalSetup(): Promise<void> {
  const options = runOptions();
  rmSync(evidenceDir(options), { recursive: true, force: true });
  rmSync(casesDir(options), { recursive: true, force: true });
  if (options.profilePath !== undefined) {
    publish(options);
    return;
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'payscore-embedded-'));
  const readings = readingsFromEnv();
  const mock = await startStandaloneMock({
    dataDir,
    host: '127.0.0.1',
    port: 0,
    faults: faultsFromEnv(),
    readings,
    control: true,
    slowAnswerMs: Number(process.env['PAYSCORE_MOCK_SLOW_MS'] ?? 10_000),
    // bench/conformance.bench.ts counts the requests of a run from the mock's log lines.
    ...(process.env['PAYSCORE_MOCK_LOG'] === undefined ? {} : { logger: fileLogger(process.env['PAYSCORE_MOCK_LOG']) }),
  });
  embedded = { mock, dataDir };
  // Under readings the mock stands in for another correct implementation: judged as a foreign target.
  if (readings.length > 0) {
    publish({
      ...options,
      profilePath: mock.profilePath,
      targetDescription: `the embedded mock under the readings ${readings.join(', ')} at ${mock.url}, as a foreign target`,
    });
    return;
  }
  publish({
    ...options,
    profilePath: mock.profilePath,
    targetKind: 'mock',
    control: true,
    targetDescription: `the embedded reference mock at ${mock.url}`,
  });
}

/** Hands the options to the workers and records what the run is pointed at, for the report's provenance. */
function publish(options: RunOptions): void {
  publishRunOptions(options);
  const profile = loadTargetProfile(options);
  const kind = options.targetKind === 'mock' || profile.referenceMock === true ? 'mock' : 'foreign';
  recordRun(options, {
    seed: options.seed,
    runs: options.runs,
    target: { url: profile.baseUrl, kind, description: options.targetDescription ?? profile.baseUrl },
    keyIds: {
      mchid: profile.mchid,
      merchantSerialNo: profile.merchant.serialNo,
      platformSerial: profile.platformSerial,
    },
    tls: describeTlsTrust(profile.tlsTrust),
    ...(options.shard === undefined ? {} : { shard: options.shard }),
  });
}

/** Stops the embedded mock and removes its temporary data directory. */
export async function stopEmbeddedMock(): Promise<void> {
  if (embedded === undefined) return;
  const { mock, dataDir } = embedded;
  embedded = undefined;
  await mock.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
