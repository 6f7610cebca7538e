import { resolve } from 'node:path';
import { createClient, loadProfile, ProfileError } from '../client';
import { writeAuditReport, AUDIT_REPORT_FILES } from '../auditReport';
import { TARGET_DESCRIPTION_ENV } from '../suites/harness/globalSetup';
import { DEFAULT_RUNS, DEFAULT_SEED, DEFAULT_TIMEOUT_MS, ENV } from '../suites/harness/runOptions';
import { onlyPattern, parseRunArgs, RUN_USAGE, UsageError, type RunArgs } from './runArgs';

const EXIT = { OK: 0, NONCONFORMANT: 1, PROBLEM: 2 } as const;
const ROOT = resolve(__dirname, '..');
const fail = (message: string): number => {
  console.error(`payscore-conformance run: ${message}`);
  return EXIT.PROBLEM;
};

/** A profile that loads and a target that answers, before any suite runs: problems of ours exit 2 at once. */
async function preflight(args: RunArgs, env: NodeJS.ProcessEnv): Promise<string | undefined> {
  const profilePath = args.profile ?? env[ENV.profile];
  if (profilePath === undefined || profilePath === '') {
    return args.target === undefined ? undefined : '--target needs --profile (or PAYSCORE_PROFILE): the keys and identities come from the profile';
  }
  const profile = loadProfile(resolve(profilePath), env);
  if (profile.referenceMock === true) env[ENV.targetKind] = 'mock';
  const client = createClient(profile, { timeoutMs: args.timeoutMs ?? profile.timeoutMs ?? DEFAULT_TIMEOUT_MS });
  try {
    const probe = await client.send({ method: 'GET', path: '/', sign: false });
    if (probe.transportError !== undefined) return `target ${profile.baseUrl} is unreachable: ${probe.transportError.kind}: ${probe.transportError.message}`;
  } finally {
    client.close();
  }
  return undefined;
}

function environment(args: RunArgs): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, PAYSCORE_PROGRESS: '1', JEST_JUNIT_OUTPUT_NAME: 'junit-conformance.xml', PACT_DO_NOT_TRACK: 'true' };
  env[ENV.reportsDir] = resolve(args.reports);
  if (args.profile !== undefined) env[ENV.profile] = resolve(args.profile);
  if (args.target !== undefined) env[ENV.targetUrl] = args.target;
  if (args.seed !== undefined) env[ENV.seed] = String(args.seed);
  if (args.runs !== undefined) env[ENV.runs] = String(args.runs);
  if (args.timeoutMs !== undefined) env[ENV.timeoutMs] = String(args.timeoutMs);
  return env;
}

/** `payscore-conformance run`: 0 conforms, 1 does not, 2 configuration/harness problem or unreachable target. */
export async function runCommand(argv: string[]): Promise<number> {
  let args: RunArgs;
  try {
    args = parseRunArgs(argv);
  } catch (error) {
    if (error instanceof UsageError) return fail(`${error.message}\n\n${RUN_USAGE}`);
    throw error;
  }
  if (args.help) {
    console.log(RUN_USAGE);
    return EXIT.OK;
  }
  const env = environment(args);
  try {
    const problem = await preflight(args, env);
    if (problem !== undefined) return fail(problem);
  } catch (error) {
    if (error instanceof ProfileError) return fail(error.message);
    throw error;
  }
  // The suites read their options from the environment (they run in Jest workers).
  Object.assign(process.env, env);
  const { runCLI } = await import('jest');
  const pattern = onlyPattern(args.only);
  const { results } = await runCLI(
    { _: [], $0: 'payscore-conformance', selectProjects: ['conformance'], ci: true, ...(pattern === undefined ? {} : { testNamePattern: pattern }) },
    [ROOT],
  );
  const model = writeAuditReport(resolve(args.reports), {
    target: process.env[TARGET_DESCRIPTION_ENV] ?? process.env[ENV.targetUrl] ?? process.env[ENV.profile] ?? 'the embedded reference mock',
    targetKind: process.env[ENV.targetKind] === 'mock' ? 'mock' : 'foreign',
    seed: args.seed ?? DEFAULT_SEED,
    runs: args.runs ?? DEFAULT_RUNS,
  });
  for (const suite of results.testResults) {
    for (const test of suite.testResults.filter((t) => t.status === 'failed')) {
      console.log(`\n✗ ${test.title}\n${test.failureMessages.join('\n').split('\n').slice(0, 60).join('\n')}`);
    }
  }
  const s = model.summary;
  console.log(`\n${results.numPassedTests} tests passed, ${results.numFailedTests} failed; rules: ${s.covered}/${s.rules} covered, ${s.passed} passed, ${s.failed} failed, ${s.warnings} warnings, ${s.informational} informational`);
  console.log(`reports: ${resolve(args.reports)}/{junit-conformance.xml,${AUDIT_REPORT_FILES.html},${AUDIT_REPORT_FILES.markdown}}`);
  const harnessBroken = results.numRuntimeErrorTestSuites > 0 || results.numTotalTests === 0
    || results.testResults.some((r) => r.testResults.some((t) => t.failureMessages.some((m) => /HarnessError|TargetConfigError|ProfileError/.test(m))));
  if (harnessBroken) return fail('the suites could not run as configured (see the messages above)');
  return results.numFailedTests > 0 ? EXIT.NONCONFORMANT : EXIT.OK;
}
