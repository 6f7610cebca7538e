import { join } from 'node:path';
// jest-config is the reader runCLI itself calls first (a dependency of jest): the test reads the
// invocation exactly as a run does, without running a suite.
import { readConfigs } from 'jest-config';
import { JUNIT_FILE } from '../judgement';
import { runOptionsFromEnv } from './harness';
import { SUITE_NAMES } from './conformanceJestConfig';
import { jestInvocation } from './runConformance';

const options = { ...runOptionsFromEnv({}), reportsDir: '/tmp/payscore-reports' };

/** Reads an invocation as runCLI does, returning what Jest printed through console.warn. */
async function read(invocation: ReturnType<typeof jestInvocation>) {
  const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  try {
    const configs = await readConfigs(invocation.argv, invocation.projects);
    return { ...configs, warnings: warn.mock.calls.map((call) => call.map(String).join(' ')) };
  } finally {
    warn.mockRestore();
  }
}

describe('the Jest configuration `payscore-conformance run` hands Jest', () => {
  test.each([
    ['a default run', jestInvocation(options)],
    [
      'run --only RULE --shard 2/3',
      jestInvocation({ ...options, shard: { index: 2, count: 3 } }, { testNamePattern: 'X' }),
    ],
  ])('%s passes Jest validation with no warning', async (_name, invocation) => {
    const { warnings } = await read(invocation);
    expect(warnings).toEqual([]);
  });

  test('keeps its reporters (progress, JUnit into the reports folder) and one conformance project', async () => {
    const { globalConfig, configs } = await read(jestInvocation(options));
    expect(globalConfig.reporters).toEqual([
      [join(__dirname, 'progressReporter.js'), {}],
      [
        require.resolve('jest-junit'),
        expect.objectContaining({ outputDirectory: '/tmp/payscore-reports', outputName: JUNIT_FILE }),
      ],
    ]);
    // jest-junit names each suite by its path relative to the global rootDir: it must stay this folder.
    expect(globalConfig.rootDir).toBe(__dirname);
    expect(configs.map((c) => [c.displayName?.name, c.rootDir])).toEqual([['conformance', __dirname]]);
    expect(configs[0]?.globalSetup).toBe(join(__dirname, 'harness', 'globalSetup.ts'));
  });

  test('matches every suite file by default, and only the named ones with --suite', async () => {
    const all = await read(jestInvocation(options));
    expect(all.configs[0]?.testMatch).toEqual(SUITE_NAMES.map((n) => join(__dirname, `${n}.suite.ts`)));
    const two = await read(jestInvocation({ ...options, suites: ['auth', 'invalid'] }));
    expect(two.configs[0]?.testMatch).toEqual([join(__dirname, 'auth.suite.ts'), join(__dirname, 'invalid.suite.ts')]);
  });
});
