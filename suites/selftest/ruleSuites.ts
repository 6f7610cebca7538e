import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { JUNIT_FILE, readTestcases } from '../../judgement';
import { onlyPattern, SUITE_NAMES } from '../conformanceJestConfig';
import { runConformanceIn, type SelfTestRun } from './runAgainstMock';

// A fault's case runs `run --only RULE`: the tests of that rule alone. Every suite file still loads
// to find them, most for nothing (two thirds of each case's time). The clean mock's whole run says,
// through its JUnit, which suite files hold which tests, so a case also passes `--suite` and loads only
// the files that hold its rule's tests: the same tests run, by the same pattern as `--only`.

export interface CleanRun {
  run: SelfTestRun;
  /** The suite files holding a test that `--only rules` selects; undefined when none (load them all). */
  suitesOf(rules: readonly string[]): string[] | undefined;
}

/** The testcases of a JUnit file: the full name `--only` matches, and the suite file. */
export function testcasesOf(junit: string): Array<{ fullName: string; suite: string }> {
  return readTestcases(junit).flatMap((t) =>
    t.file === undefined
      ? []
      : [{ fullName: `${t.classname} ${t.name}`, suite: basename(t.file).replace(/\.suite\.(ts|js)$/, '') }],
  );
}

/** The suite files whose testcases `--only rules` selects, in SUITE_NAMES order. */
export function suitesSelected(
  testcases: ReadonlyArray<{ fullName: string; suite: string }>,
  rules: readonly string[],
): string[] | undefined {
  const pattern = onlyPattern(rules);
  if (pattern === undefined) return undefined;
  const re = new RegExp(pattern);
  const files = new Set(testcases.filter((t) => re.test(t.fullName)).map((t) => t.suite));
  const named = SUITE_NAMES.filter((n) => files.has(n));
  return named.length > 0 ? named : undefined;
}

let clean: Promise<CleanRun> | undefined;

/** The suites' whole run against the clean mock, once per self-test file. */
export function cleanRun(): Promise<CleanRun> {
  clean ??= (async () => {
    const reports = mkdtempSync(join(tmpdir(), 'payscore-selftest-clean-'));
    try {
      const run = await runConformanceIn(reports, [], { PAYSCORE_MOCK_FAULTS: '' });
      const testcases = testcasesOf(readFileSync(join(reports, JUNIT_FILE), 'utf8'));
      return { run, suitesOf: (rules) => suitesSelected(testcases, rules) };
    } finally {
      rmSync(reports, { recursive: true, force: true });
    }
  })();
  return clean;
}
