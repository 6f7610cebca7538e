/**
 * @jest-config-loader ts-node
 * @jest-config-loader-options {"transpileOnly": true, "compilerOptions": {"module": "commonjs", "moduleResolution": "node10"}}
 */
import { join } from 'node:path';
import type { Config } from 'jest';

// swc strips types only; `npm run typecheck` (tsc --noEmit) is the type gate.
const transform: Config['transform'] = {
  '^.+\\.ts$': ['@swc/jest', { jsc: { target: 'es2022', parser: { syntax: 'typescript' } }, module: { type: 'commonjs' } }],
};

const project = (displayName: string, testMatch: string[], extra: Partial<Config> = {}): Config => ({
  displayName,
  testMatch,
  transform,
  testEnvironment: 'node',
  moduleFileExtensions: ['ts', 'js', 'json'],
  ...extra,
});

// Each `npm test` step runs one project and names its JUnit file (JEST_JUNIT_OUTPUT_NAME),
// so reports/ holds one file per run and .ci/run counts them all.
const config: Config = {
  projects: [
    project('unit', ['<rootDir>/{apiv3,spec,generators,client,checks,auditReport,mock,receiver,notify,cli,bench}/**/*.test.ts', '<rootDir>/suites/harness/**/*.test.ts']),
    project('contracts-consumer', ['<rootDir>/contracts/**/*.consumer.test.ts']),
    project('contracts-provider', ['<rootDir>/contracts/**/*.provider.test.ts']),
    project('conformance', ['<rootDir>/suites/**/*.suite.ts'], {
      globalSetup: '<rootDir>/suites/harness/globalSetup.ts',
      globalTeardown: '<rootDir>/suites/harness/globalTeardown.ts',
    }),
    project('selftest', ['<rootDir>/suites/**/*.selftest.ts']),
  ],
  reporters: [
    // `payscore-conformance run` asks for one progress line per test instead of Jest's default output.
    process.env['PAYSCORE_PROGRESS'] === '1' ? join(__dirname, 'cli', 'progressReporter.js') : 'default',
    [
      'jest-junit',
      {
        outputDirectory: process.env['PAYSCORE_REPORTS_DIR'] ?? 'reports',
        outputName: 'junit.xml',
        suiteNameTemplate: '{filepath}',
        classNameTemplate: '{classname}',
        titleTemplate: '{title}',
        addFileAttribute: 'true',
        reportTestSuiteErrors: 'true',
        testCasePropertiesDirectory: join(__dirname, 'suites', 'harness'),
        testCasePropertiesFile: 'junitProperties.js',
      },
    ],
  ],
};

export default config;
