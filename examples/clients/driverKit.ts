import { execFile } from 'node:child_process';
import { cpSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { validRequest } from '../../generators';
import { startStandaloneMock, type FaultName, type KeyMode } from '../../mock';
import { tempDirs } from '../../mock/testing';

// Test support for the example drivers: sandboxes (the mock on a data directory, so the driver gets
// the profile file and key files `run` reads), generated order bodies, and a driver run as a child
// process under the audit-client contract.

export const DRIVERS = ['payscore-client', 'wechatpay-axios-plugin', 'wechatpay-node-v3'] as const;
export type DriverName = (typeof DRIVERS)[number];

/** The contract's output line. */
export type Outcome =
  | { outcome: 'created'; order_id: string | null; state: string | null; package: string | null }
  | { outcome: 'failed'; code: string | null };

export interface Sandbox {
  url: string;
  /** The mock's data directory: its keys, the platform's private key included (for forging tests). */
  dataDir: string;
  profilePath: string;
  /** A file holding this body, for PAYSCORE_ORDER. */
  orderFile(body: Record<string, unknown>): string;
  /** A valid body from the generators; confirm mode when asked. */
  order(confirm: boolean): Record<string, unknown>;
  stop(): Promise<void>;
}

const dirs = tempDirs('payscore-drivers-');
/** One key set per key mode, made once and copied: RSA generation is the slow part of a mock start. */
const keyDirs = new Map<KeyMode, string>();
let sampleSeed = 1;

async function keysFor(keyMode: KeyMode): Promise<string> {
  let dir = keyDirs.get(keyMode);
  if (dir === undefined) {
    dir = dirs.fresh();
    await (await startStandaloneMock({ dataDir: dir, port: 0, keyMode })).stop();
    keyDirs.set(keyMode, dir);
  }
  return dir;
}

/** The mock on a fresh data directory (keys shared per key mode), with the faults given. */
export async function startSandbox(options: { keyMode?: KeyMode; faults?: FaultName[] } = {}): Promise<Sandbox> {
  const { keyMode = 'public-key', faults = [] } = options;
  const dataDir = dirs.fresh();
  cpSync(await keysFor(keyMode), dataDir, { recursive: true, filter: (src) => !/orders\.sqlite/.test(src) });
  const mock = await startStandaloneMock({ dataDir, port: 0, keyMode, faults });
  let count = 0;
  return {
    url: mock.url,
    dataDir,
    profilePath: mock.profilePath,
    orderFile(body) {
      const file = join(dataDir, `order-${(count += 1)}.json`);
      writeFileSync(file, JSON.stringify(body));
      return file;
    },
    order(confirm) {
      const { identities, notifyUrl, riskFundCap } = mock.profile;
      const arbitrary = validRequest({ identities, notifyUrl, riskFundCap, now: Date.now() }).filter(
        (r) => (r.need_user_confirm === true) === confirm,
      );
      const [body] = fc.sample(arbitrary, { seed: (sampleSeed += 1), numRuns: 1 });
      return body as unknown as Record<string, unknown>;
    },
    stop: () => mock.stop(),
  };
}

export const removeSandboxDirs = (): void => dirs.removeAll();

export interface DriverRun {
  outcome: Outcome;
  /** Every line the driver printed on stdout (the contract allows exactly one). */
  lines: string[];
  stderr: string;
  exitCode: number;
}

/** Runs one driver with the contract's environment; resolves when it exits (killed after timeoutMs). */
export function runDriver(
  driver: DriverName,
  env: { profilePath: string; baseUrl: string; orderPath: string },
  timeoutMs = 15_000,
): Promise<DriverRun> {
  const script = join(__dirname, `${driver}.js`);
  const childEnv = {
    ...process.env,
    PAYSCORE_PROFILE: env.profilePath,
    PAYSCORE_BASE_URL: env.baseUrl,
    PAYSCORE_ORDER: env.orderPath,
  };
  return new Promise((resolve) => {
    execFile(process.execPath, [script], { env: childEnv, timeout: timeoutMs }, (error, stdout, stderr) => {
      const lines = stdout.split('\n').filter((l) => l !== '');
      let outcome: Outcome = { outcome: 'failed', code: `NO_LINE: ${stderr.slice(0, 200)}` };
      try {
        outcome = JSON.parse(lines[0] ?? '') as Outcome;
      } catch {
        // the line is missing or not JSON: the test's expectations on `lines` say so
      }
      resolve({
        outcome,
        lines,
        stderr,
        exitCode: error === null ? 0 : typeof error.code === 'number' ? error.code : -1,
      });
    });
  });
}

/** A driver against a sandbox (or a relay in front of it, baseUrl) with one body: the common case. */
export function drive(
  driver: DriverName,
  sandbox: Sandbox,
  body: Record<string, unknown>,
  baseUrl = sandbox.url,
): Promise<DriverRun> {
  return runDriver(driver, { profilePath: sandbox.profilePath, baseUrl, orderPath: sandbox.orderFile(body) });
}

/** Every driver at once, each with an order of its own; the bodies and runs by driver. */
export async function driveAll(
  sandbox: Sandbox,
  baseUrl = sandbox.url,
  confirm = false,
): Promise<Record<DriverName, { body: Record<string, unknown>; run: DriverRun }>> {
  const runs = await Promise.all(
    DRIVERS.map(async (driver) => {
      const body = sandbox.order(confirm);
      return [driver, { body, run: await drive(driver, sandbox, body, baseUrl) }] as const;
    }),
  );
  return Object.fromEntries(runs) as Record<DriverName, { body: Record<string, unknown>; run: DriverRun }>;
}
