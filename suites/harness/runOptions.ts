import { isAbsolute, join, resolve } from 'node:path';

/**
 * What a conformance run is configured with. The `run` command and `npm run conformance` pass it
 * through the environment, because Jest runs the suites in worker processes.
 */
export interface RunOptions {
  /** Target profile path; absent → the embedded mock (started by globalSetup). */
  profilePath?: string;
  /** Overrides the profile's baseUrl. */
  targetUrl?: string;
  /** fast-check seed of every property; fixed by default so two runs send the same requests. */
  seed: number;
  /** Runs of each property (valid requests; random invalid requests). */
  runs: number;
  /** Per-request timeout, ms. */
  timeoutMs: number;
  /** Where JUnit, evidence and the auditor report go. */
  reportsDir: string;
  /** 'mock' when the target is the bundled mock (DECISION rules asserted). */
  targetKind: 'mock' | 'foreign';
}

export const ENV = {
  profile: 'PAYSCORE_PROFILE',
  targetUrl: 'PAYSCORE_TARGET_URL',
  seed: 'PAYSCORE_SEED',
  runs: 'PAYSCORE_RUNS',
  timeoutMs: 'PAYSCORE_TIMEOUT_MS',
  reportsDir: 'PAYSCORE_REPORTS_DIR',
  targetKind: 'PAYSCORE_TARGET_KIND',
} as const;

export const DEFAULT_SEED = 20_261_127;
export const DEFAULT_RUNS = 100;
export const DEFAULT_TIMEOUT_MS = 10_000;

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) throw new Error(`${name}=${raw}: expected an integer >= ${min}`);
  return value;
}

export function runOptions(env: NodeJS.ProcessEnv = process.env): RunOptions {
  const reportsDir = env[ENV.reportsDir] ?? 'reports';
  const options: RunOptions = {
    seed: integer(env, ENV.seed, DEFAULT_SEED, 0),
    runs: integer(env, ENV.runs, DEFAULT_RUNS, 1),
    timeoutMs: integer(env, ENV.timeoutMs, DEFAULT_TIMEOUT_MS, 1),
    reportsDir: isAbsolute(reportsDir) ? reportsDir : resolve(reportsDir),
    targetKind: env[ENV.targetKind] === 'mock' ? 'mock' : 'foreign',
  };
  const profile = env[ENV.profile];
  if (profile !== undefined && profile !== '') options.profilePath = resolve(profile);
  const url = env[ENV.targetUrl];
  if (url !== undefined && url !== '') options.targetUrl = url;
  return options;
}

/** The evidence folder the suites write and the auditor report reads. */
export function evidenceDir(options: RunOptions): string {
  return join(options.reportsDir, 'evidence');
}
