import { isAbsolute, join, resolve } from 'node:path';
import { toolError } from '../../toolErrors';

/**
 * What a conformance run is configured with: one typed object. The `run` command builds it and the
 * harness hands it to Jest's workers as one JSON value (RUN_OPTIONS_ENV), because the suites run in
 * worker processes; globalSetup completes it when it starts the embedded mock.
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
  /** Where JUnit, evidence, cases and the auditor report go. */
  reportsDir: string;
  /** 'mock' when the target is the bundled mock (DECISION rules asserted). */
  targetKind: 'mock' | 'foreign';
  /** What the reports call the target (the embedded mock's profile is a temporary file). */
  targetDescription?: string;
  /** The target is the embedded mock with its control interface (loopback only). */
  control: boolean;
  /** Faults switched on in the embedded mock and in a suite's private mock (the self-test). */
  mockFaults: string[];
  /** Readings of the embedded mock (the fairness self-test): it is then judged as a foreign target. */
  mockReadings: string[];
  /** Requests kept in flight at most (fewer while the target throttles); 1 runs the tests one by one. */
  concurrency: number;
  /** Wall time the run may spend waiting out 429 answers, ms; beyond it a throttled test is not exercised. */
  throttleBudgetMs: number;
  /** This run is shard `index` of `count` (1-based), split by Jest. */
  shard?: { index: number; count: number };
  /** Only these suite files run (`run --suite`); absent, all of them. */
  suites?: string[];
}

/** The one variable carrying RunOptions (JSON) from the `run` command to globalSetup and the workers. */
export const RUN_OPTIONS_ENV = 'PAYSCORE_RUN_OPTIONS';

/** Inputs a user may set instead of flags (docs/servers.md), read only where no RUN_OPTIONS_ENV is set. */
export const ENV = {
  profile: 'PAYSCORE_PROFILE',
  targetUrl: 'PAYSCORE_TARGET_URL',
  seed: 'PAYSCORE_SEED',
  runs: 'PAYSCORE_RUNS',
  timeoutMs: 'PAYSCORE_TIMEOUT_MS',
  reportsDir: 'PAYSCORE_REPORTS_DIR',
  mockFaults: 'PAYSCORE_MOCK_FAULTS',
  mockReadings: 'PAYSCORE_MOCK_READINGS',
  concurrency: 'PAYSCORE_CONCURRENCY',
  throttleBudgetMs: 'PAYSCORE_THROTTLE_BUDGET_MS',
} as const;

export const DEFAULT_SEED = 20_261_127;
export const DEFAULT_RUNS = 100;
export const DEFAULT_TIMEOUT_MS = 10_000;
/** Chosen with `npm run bench rtt` (docs/auditors.md "Benchmarks"): the default run against a target 50 ms away. */
export const DEFAULT_CONCURRENCY = 32;
/** Two minutes of waiting out throttling per run. */
export const DEFAULT_THROTTLE_BUDGET_MS = 120_000;

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min)
    throw toolError('PSC_TARGET_CONFIG', `${name}=${raw}: expected an integer >= ${min}`);
  return value;
}

const list = (raw: string | undefined): string[] =>
  (raw ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');

/** RunOptions from the user-facing variables (`npx jest --selectProjects conformance` in a checkout). */
export function runOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): RunOptions {
  const reportsDir = env[ENV.reportsDir] ?? 'reports';
  const options: RunOptions = {
    seed: integer(env, ENV.seed, DEFAULT_SEED, 0),
    runs: integer(env, ENV.runs, DEFAULT_RUNS, 1),
    timeoutMs: integer(env, ENV.timeoutMs, DEFAULT_TIMEOUT_MS, 1),
    concurrency: integer(env, ENV.concurrency, DEFAULT_CONCURRENCY, 1),
    throttleBudgetMs: integer(env, ENV.throttleBudgetMs, DEFAULT_THROTTLE_BUDGET_MS, 0),
    reportsDir: isAbsolute(reportsDir) ? reportsDir : resolve(reportsDir),
    targetKind: 'foreign',
    control: false,
    mockFaults: list(env[ENV.mockFaults]),
    mockReadings: list(env[ENV.mockReadings]),
  };
  const profile = env[ENV.profile];
  if (profile !== undefined && profile !== '') options.profilePath = resolve(profile);
  const url = env[ENV.targetUrl];
  if (url !== undefined && url !== '') options.targetUrl = url;
  return options;
}

/** The options of this run: the object the `run` command published, else the user-facing variables. */
export function runOptions(env: NodeJS.ProcessEnv = process.env): RunOptions {
  const published = env[RUN_OPTIONS_ENV];
  return published === undefined || published === '' ? runOptionsFromEnv(env) : (JSON.parse(published) as RunOptions);
}

/** Hands `options` to every process started after this call (globalSetup, Jest workers, reporters). */
export function publishRunOptions(options: RunOptions, env: NodeJS.ProcessEnv = process.env): void {
  env[RUN_OPTIONS_ENV] = JSON.stringify(options);
}

/** The evidence folder the suites write and the auditor report reads. */
export function evidenceDir(options: Pick<RunOptions, 'reportsDir'>): string {
  return join(options.reportsDir, 'evidence');
}
