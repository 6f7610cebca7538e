import { resolve } from 'node:path';
import { createClient, describeTlsTrust, loadProfile, tlsFixFor } from '../client';
import { EXIT, toolError, type ToolError } from '../toolErrors';
import { throttlingSentence, writeAuditReport, AUDIT_REPORT_FILES, type RunProvenance } from '../judgement';
import {
  DEFAULT_RUNS,
  DEFAULT_SEED,
  DEFAULT_TIMEOUT_MS,
  ENV,
  JUNIT_FILE,
  onlyPattern,
  runConformance,
  runOptionsFromEnv,
  type RunOptions,
} from '../suites';
import { RUN_COMMAND_LINE, type RunArgs } from './runArgs';
import { commandOutput } from './commandOutput';
import { readCommandLine } from './readCommandLine';
import { UsageError } from './usageError';

/** The run options from the flags; PAYSCORE_PROFILE / PAYSCORE_TARGET_URL stand in for absent flags. */
function optionsOf(args: RunArgs, env: NodeJS.ProcessEnv): RunOptions {
  const options: RunOptions = {
    ...runOptionsFromEnv(env),
    seed: args.seed ?? DEFAULT_SEED,
    runs: args.runs ?? DEFAULT_RUNS,
    timeoutMs: args.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    reportsDir: resolve(args.reports),
  };
  if (args.profile !== undefined) options.profilePath = resolve(args.profile);
  if (args.target !== undefined) options.targetUrl = args.target;
  if (args.shard !== undefined) options.shard = args.shard;
  if (args.suites.length > 0) options.suites = args.suites;
  if (args.concurrency !== undefined) options.concurrency = args.concurrency;
  if (args.throttleBudgetMs !== undefined) options.throttleBudgetMs = args.throttleBudgetMs;
  return options;
}

/** A profile that loads and a target that answers, before any suite runs: problems of ours exit 2 at once. */
async function preflight(args: RunArgs, options: RunOptions): Promise<ToolError | undefined> {
  if (options.profilePath === undefined) {
    return args.target === undefined
      ? undefined
      : new UsageError(`--target needs --profile (or ${ENV.profile}): the keys and identities come from the profile`);
  }
  const profile = loadProfile(
    options.profilePath,
    options.targetUrl === undefined ? {} : { [ENV.targetUrl]: options.targetUrl },
  );
  if (profile.referenceMock === true) options.targetKind = 'mock';
  if (profile.tlsTrust?.kind === 'insecure' && profile.baseUrl.startsWith('https:'))
    console.log(
      `payscore-conformance run: ${describeTlsTrust(profile.tlsTrust)}: ${profile.baseUrl} is not authenticated`,
    );
  if (args.timeoutMs === undefined && profile.timeoutMs !== undefined) options.timeoutMs = profile.timeoutMs;
  const client = createClient(profile, { timeoutMs: options.timeoutMs });
  try {
    const probe = await client.send({ method: 'GET', path: '/', sign: false });
    if (probe.transportError !== undefined) {
      const fix = tlsFixFor(probe.transportError.message);
      const { kind, message } = probe.transportError;
      return toolError(
        'PSC_UNREACHABLE',
        'target',
        profile.baseUrl,
        `${kind}: ${message}${fix === undefined ? '' : `\n  fix: ${fix}`}`,
      );
    }
  } finally {
    client.close();
  }
  return undefined;
}

/** `payscore-conformance run`: 0 conforms, 1 does not, 2 configuration/harness problem or unreachable target. */
export async function runCommand(argv: string[]): Promise<number> {
  const output = commandOutput('run');
  const { fail } = output;
  const args = readCommandLine(argv, RUN_COMMAND_LINE, output);
  if (typeof args === 'number') return args;
  const startedAt = new Date().toISOString();
  let options: RunOptions;
  try {
    options = optionsOf(args, process.env);
    const problem = await preflight(args, options);
    if (problem !== undefined) return fail(problem);
  } catch (error) {
    return fail(error);
  }
  process.env['PACT_DO_NOT_TRACK'] = 'true';
  const pattern = onlyPattern(args.only);
  const { results, options: ran } = await runConformance(
    options,
    pattern === undefined ? {} : { testNamePattern: pattern },
  );
  const provenance: RunProvenance = {
    startedAt,
    finishedAt: new Date().toISOString(),
    commandLine: ['payscore-conformance', 'run', ...argv],
  };
  const model = writeAuditReport(ran.reportsDir, provenance);
  for (const suite of results.testResults) {
    for (const test of suite.testResults.filter((t) => t.status === 'failed')) {
      console.log(`\n✗ ${test.title}\n${test.failureMessages.join('\n').split('\n').slice(0, 60).join('\n')}`);
    }
  }
  const s = model.summary;
  const throttled = throttlingSentence(model.throttling);
  console.log(
    `\n${results.numPassedTests} tests passed, ${results.numFailedTests} failed; rules: ${s.covered}/${s.rules} covered, ${s.passed} passed, ${s.failed} failed, ${s.warnings} warnings, ${s.informational} informational${throttled === undefined ? '' : `; ${throttled}`}`,
  );
  console.log(
    `reports: ${ran.reportsDir}/{${JUNIT_FILE},${AUDIT_REPORT_FILES.html},${AUDIT_REPORT_FILES.markdown},${AUDIT_REPORT_FILES.json}}`,
  );
  const harnessBroken =
    results.numRuntimeErrorTestSuites > 0 ||
    (results.numTotalTests === 0 && options.shard === undefined) ||
    results.testResults.some((r) =>
      r.testResults.some((t) => t.failureMessages.some((m) => /HarnessError|TargetConfigError|ProfileError/.test(m))),
    );
  if (harnessBroken) return fail(toolError('PSC_SUITES_BROKEN'));
  if (results.numFailedTests > 0) return EXIT.NONCONFORMANT;
  // Not judged is not conformant either: the target throttled past the budget, like a target out of reach.
  const left = model.throttling?.notExercised.length ?? 0;
  if (left > 0) return fail(toolError('PSC_THROTTLED', left, ran.throttleBudgetMs));
  return EXIT.OK;
}
