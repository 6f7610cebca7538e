/**
 * @jest-config-loader ts-node
 * @jest-config-loader-options {"transpileOnly": true, "compilerOptions": {"module": "commonjs", "moduleResolution": "node10"}}
 */
import type { Config } from 'jest';
import { conformanceProject, junitReporter, SWC_TRANSFORM } from './suites/conformanceJestConfig';

const project = (displayName: string, testMatch: string[], extra: Partial<Config> = {}): Config => ({
  displayName,
  testMatch,
  transform: SWC_TRANSFORM,
  testEnvironment: 'node',
  moduleFileExtensions: ['ts', 'js', 'json'],
  ...extra,
});

// Each `npm test` step runs one project and names its JUnit file (JEST_JUNIT_OUTPUT_NAME),
// so reports/ holds one file per run and .ci/run counts them all. `payscore-conformance run` does not
// read this file: it hands Jest the conformance project itself (suites/conformanceJestConfig.ts).
const config: Config = {
  projects: [
    project('unit', [
      '<rootDir>/{toolErrors,apiv3,specification,generators,client,checks,judgement,mock,receiver,notify,pact,cli,bench,scripts}/**/*.test.ts',
      '<rootDir>/suites/*.test.ts',
      '<rootDir>/suites/harness/**/*.test.ts',
      '<rootDir>/suites/selftest/*.test.ts',
      '<rootDir>/examples/clients/**/*.test.ts',
      '<rootDir>/clientAudit/**/*.test.ts',
    ]),
    project('contracts-consumer', [
      '<rootDir>/contracts/**/*.consumer.test.ts',
      '<rootDir>/examples/pacts/**/*.consumer.test.ts',
    ]),
    project('contracts-provider', ['<rootDir>/contracts/**/*.provider.test.ts']),
    conformanceProject(),
    project(
      'selftest',
      ['<rootDir>/suites/**/*.selftest.ts', '<rootDir>/cli/**/*.selftest.ts', '<rootDir>/examples/**/*.selftest.ts'],
      { setupFiles: ['<rootDir>/suites/selftest/selftestSetup.ts'] },
    ),
  ],
  reporters: ['default', junitReporter(process.env['PAYSCORE_REPORTS_DIR'] ?? 'reports', 'junit.xml')],
};

export default config;
