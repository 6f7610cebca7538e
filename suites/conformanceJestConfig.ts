import { join } from 'node:path';
import type { Config } from 'jest';

// No imports of the pipeline here: jest.config.ts loads this file to build its conformance project.

/** The swc transform of a checkout's TypeScript sources (types are stripped; tsc is the type gate). */
export const SWC_TRANSFORM: NonNullable<Config['transform']> = {
  '^.+\\.ts$': [
    '@swc/jest',
    { jsc: { target: 'es2022', parser: { syntax: 'typescript' } }, module: { type: 'commonjs' } },
  ],
};

/** The suite files (`<name>.suite.ts`), in name order: `run --suite` takes these names. */
export const SUITE_NAMES = ['auth', 'blindSpots', 'boundary', 'headers', 'idempotency', 'invalid', 'valid'] as const;

/** Whether this file runs compiled (dist/, the installed package) or from the TypeScript sources. */
export const COMPILED = __filename.endsWith('.js');
const EXT = COMPILED ? 'js' : 'ts';

/**
 * The Jest project of the conformance suites, rooted at this folder rather than the caller's working
 * directory: the suites run the same from a checkout and from another project's node_modules.
 * Compiled, Jest loads plain JavaScript with no transform, so no TypeScript toolchain runs. `suites`
 * narrows the run to those suite files (`run --suite`).
 */
export function conformanceProject(suites: readonly string[] = SUITE_NAMES): Config {
  return {
    displayName: 'conformance',
    rootDir: __dirname,
    roots: [__dirname],
    testMatch: suites.map((name) => `<rootDir>/${name}.suite.${EXT}`),
    // Jest skips everything under node_modules by default: the installed package lives there.
    testPathIgnorePatterns: [],
    haste: { retainAllFiles: true },
    transform: COMPILED ? {} : SWC_TRANSFORM,
    testEnvironment: 'node',
    moduleFileExtensions: [EXT, 'js', 'json'],
    globalSetup: join(__dirname, 'harness', `globalSetup.${EXT}`),
    globalTeardown: join(__dirname, 'harness', `globalTeardown.${EXT}`),
  };
}

/** jest-junit options of a conformance run; `testCasePropertiesFile` adds the rule and seed to each testcase. */
export function junitReporter(outputDirectory: string, outputName: string): [string, Record<string, string>] {
  return [
    'jest-junit',
    {
      outputDirectory,
      outputName,
      suiteNameTemplate: '{filepath}',
      classNameTemplate: '{classname}',
      titleTemplate: '{title}',
      addFileAttribute: 'true',
      reportTestSuiteErrors: 'true',
      testCasePropertiesDirectory: join(__dirname, 'harness'),
      testCasePropertiesFile: 'junitProperties.js',
    },
  ];
}

/** A Jest test-name pattern selecting the tests whose title starts with one of the rule IDs (`run --only`). */
export function onlyPattern(ruleIds: readonly string[]): string | undefined {
  if (ruleIds.length === 0) return undefined;
  return `(^| )(${ruleIds.map((id) => id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')}) `;
}
