import { parseRunArgs, RUN_USAGE } from './runArgs';
import { UsageError } from './usageError';

// run --concurrency N and --throttle-budget MS (issue #20): whole numbers, named when wrong.
describe('run --concurrency and --throttle-budget', () => {
  test('are read as whole numbers, and absent by default (the run options hold the defaults)', () => {
    expect(parseRunArgs(['--concurrency', '1', '--throttle-budget', '0'])).toMatchObject({
      concurrency: 1,
      throttleBudgetMs: 0,
    });
    const none = parseRunArgs([]);
    expect(none.concurrency).toBeUndefined();
    expect(none.throttleBudgetMs).toBeUndefined();
  });

  test.each([
    [['--concurrency', '0'], '--concurrency'],
    [['--concurrency', 'many'], '--concurrency'],
    [['--concurrency', '2.5'], '--concurrency'],
    [['--throttle-budget', '-1'], '--throttle-budget'],
    [['--throttle-budget', '1s'], '--throttle-budget'],
  ])('%j is a usage error naming %s', (argv, flag) => {
    expect(() => parseRunArgs(argv)).toThrow(UsageError);
    expect(() => parseRunArgs(argv)).toThrow(flag);
  });

  test('--help describes both', () => {
    expect(RUN_USAGE).toContain('--concurrency N');
    expect(RUN_USAGE).toContain('--throttle-budget MS');
  });
});

// run --suite NAME (issue #27): the suite files a run loads, named when unknown.
describe('run --suite', () => {
  test('takes suite names, repeated or comma-separated; none means every suite', () => {
    expect(parseRunArgs(['--suite', 'auth,invalid', '--suite', 'valid']).suites).toEqual(['auth', 'invalid', 'valid']);
    expect(parseRunArgs([]).suites).toEqual([]);
  });

  test('an unknown suite is a usage error naming --suite and listing the suites', () => {
    expect(() => parseRunArgs(['--suite', 'auth,sigs'])).toThrow(UsageError);
    expect(() => parseRunArgs(['--suite', 'auth,sigs'])).toThrow(/--suite: unknown suite\(s\) sigs .*blindSpots/);
  });

  test('--help lists every suite, blindSpots too', () => {
    expect(RUN_USAGE).toContain('--suite NAME');
    expect(RUN_USAGE).toMatch(
      /Runs the conformance suites \(auth, blindSpots, boundary, headers, idempotency, invalid, valid\)/,
    );
  });
});
