import { join } from 'node:path';
import type { Config } from 'jest';
import { JUNIT_FILE } from '../judgement';
import { conformanceProject, junitReporter } from './conformanceJestConfig';
import { globalSetup, publishRunOptions, runOptions, stopEmbeddedMock, type RunOptions } from './harness';

export { JUNIT_FILE };

/** Tests of one describe block started together when --concurrency > 1 (each waits for its requests' turn). */
const MAX_TESTS_TOGETHER = 1_000;

type RunCLI = typeof import('jest').runCLI;
type AggregatedResult = Awaited<ReturnType<RunCLI>>['results'];

export interface ConformanceRun {
  results: AggregatedResult;
  /** The options as the suites ran with them (globalSetup fills in the embedded target). */
  options: RunOptions;
}

/** Runs the conformance suites with `options` through Jest, in this process and its workers. */
export async function runConformance(
  options: RunOptions,
  select: { testNamePattern?: string } = {},
): Promise<ConformanceRun> {
  publishRunOptions(options);
  // jest-junit lets these override its configuration; a caller's (npm test sets one) must not rename a public report.
  process.env['JEST_JUNIT_OUTPUT_NAME'] = JUNIT_FILE;
  delete process.env['JEST_JUNIT_OUTPUT_DIR'];
  delete process.env['JEST_JUNIT_OUTPUT_FILE'];
  const { runCLI } = await import('jest');
  const { argv, projects } = jestInvocation(options, select);
  const { results } = await runCLI(argv, projects);
  // Jest skips globalSetup when no suite file runs (an empty shard): record the run here, so the shard
  // still has its run record and reports, and `report merge` takes it.
  if (results.numTotalTestSuites === 0) {
    await globalSetup();
    await stopEmbeddedMock();
  }
  return { results, options: runOptions() };
}

/** What runConformance hands Jest's runCLI (exported so a unit test can read it as Jest does). */
export function jestInvocation(
  options: RunOptions,
  select: { testNamePattern?: string } = {},
): { argv: Parameters<RunCLI>[0]; projects: string[] } {
  // Root and project apart, as in jest.config.ts. Jest reads this JSON once as the root config and,
  // since suites/ is not the working directory, again as that project's: a global-only option there
  // (reporters) printed "Validation Warning: … not supported in an individual project configuration".
  const config: Config = {
    rootDir: __dirname,
    reporters: [join(__dirname, 'progressReporter.js'), junitReporter(options.reportsDir, JUNIT_FILE)],
    projects: [conformanceProject(options.suites)],
  };
  const argv = {
    _: [],
    $0: 'payscore-conformance',
    ci: true,
    config: JSON.stringify(config),
    watchman: false,
    // One process: --concurrency bounds every request of the run, and the adaptive limit hears every 429.
    runInBand: true,
    // The tests of a block start together; the harness's limit, not Jest, bounds what is in flight.
    maxConcurrency: MAX_TESTS_TOGETHER,
    // An empty shard (more shards than suite files) is a valid, empty part of the run.
    ...(options.shard === undefined
      ? {}
      : { shard: `${options.shard.index}/${options.shard.count}`, passWithNoTests: true }),
    ...(select.testNamePattern === undefined ? {} : { testNamePattern: select.testNamePattern }),
  };
  return { argv, projects: [__dirname] };
}
