import { join } from 'node:path';
import { JUNIT_FILE } from '../auditReport';
import { conformanceProject, junitReporter } from './conformanceJestConfig';
import { publishRunOptions, runOptions, type RunOptions } from './harness/runOptions';

export { JUNIT_FILE };

/** Tests of one describe block started together when --concurrency > 1 (each waits for its requests' turn). */
const MAX_TESTS_TOGETHER = 1_000;

type AggregatedResult = Awaited<ReturnType<typeof import('jest').runCLI>>['results'];

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
  const config = {
    ...conformanceProject(),
    reporters: [join(__dirname, 'progressReporter.js'), junitReporter(options.reportsDir, JUNIT_FILE)],
  };
  const { results } = await runCLI(
    {
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
    },
    [__dirname],
  );
  return { results, options: runOptions() };
}
