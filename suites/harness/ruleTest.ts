import { basename } from 'node:path';
import { rule } from '../../specification';
import { recordEvidence } from './recordEvidence';
import { verdictOf } from '../../judgement';
import { judge, ruleTitle, type JudgedExchange, type TestOutcome } from './judge';
import { runOptions } from './runOptions';
import { openTarget, type TargetHandle } from './target';
import { isThrottled } from './throttledClient';

/** Declaration order of the tests in this suite file (Jest gives each file its own modules). */
let declared = 0;

/**
 * Declares one conformance test: its title starts with the rule ID and states the rule; it sends
 * what `exercise` sends, judges every exchange with every check, records the evidence, and fails
 * with each rendered failure (rule, seed/path, curl, signed string) that counts against the target.
 */
export function ruleTest(
  suiteFile: string,
  ruleId: string,
  statement: string | undefined,
  exercise: (target: TargetHandle) => Promise<JudgedExchange[]>,
  options: RuleTestOptions = {},
): void {
  rule(ruleId); // an unknown rule id is a harness bug: fail at collection time
  const title = ruleTitle(ruleId, statement);
  const order = declared++;
  // With room for more than one request in flight, the tests of a describe block run together; each
  // keeps its own sequence. Jest still reports them in declaration order, and the evidence carries it.
  const declare = runOptions().concurrency > 1 ? test.concurrent : test;
  declare(
    title,
    async () => {
      const target = openTarget();
      const items = await exercise(target);
      // A test that sent nothing proved nothing.
      expect(items.length).toBeGreaterThan(0);
      // A 429 says nothing about the rule: a test whose target still throttled when the budget ran out is not exercised.
      if (items.some((i) => isThrottled(i.exchange))) {
        target.throttle.notExercised(title);
        return;
      }
      const about = { ruleId, title, suite: basename(suiteFile) };
      const unjudged = options.evidence?.(items);
      const inconclusive = options.inconclusive?.(items, target);
      const { records, failing, failures } =
        unjudged !== undefined
          ? notJudged(target, about, items.length, unjudged)
          : inconclusive !== undefined
            ? informational(about, items.length, inconclusive)
            : judge(target, about, items, options.inScope);
      recordEvidence(
        target.options,
        suiteFile,
        records.map((r) => ({ ...r, order })),
      );
      if (failures > 0) throw new Error(`${failures} failure(s):\n\n${failing.join('\n\n')}`);
    },
    TEST_TIMEOUT_MS,
  );
}

export interface RuleTestOptions {
  /** Which failures this test reports (default: all it finds). */
  inScope?: (failedRuleId: string) => boolean;
  /** Why the exchanges cannot prove the rule (e.g. no 200 came back), or undefined when they can. */
  evidence?: (items: JudgedExchange[]) => string | undefined;
  /**
   * Why the answer proves nothing either way on this target, for reasons outside its conformance
   * (an out_order_no an earlier run used with other parameters): recorded as informational.
   */
  inconclusive?: (items: JudgedExchange[], target: TargetHandle) => string | undefined;
}

/** An answer that proves nothing either way: informational, never passed, never failed. */
function informational(
  about: { ruleId: string; title: string; suite: string },
  exchanges: number,
  why: string,
): TestOutcome {
  const detail = `${about.ruleId} [${rule(about.ruleId).basis}] inconclusive on this target: ${why}`;
  return {
    records: [
      {
        testRuleId: about.ruleId,
        testTitle: about.title,
        suite: about.suite,
        ruleId: about.ruleId,
        verdict: 'informational',
        exchanges,
        detail,
      },
    ],
    failing: [],
    failures: 0,
  };
}

/** A rule nothing could judge is not "passed": it counts as its basis says, like a failure would. */
function notJudged(
  target: TargetHandle,
  about: { ruleId: string; title: string; suite: string },
  exchanges: number,
  why: string,
): TestOutcome {
  const { basis, text } = rule(about.ruleId);
  const verdict = verdictOf(
    { ruleId: about.ruleId, seen: why },
    { targetKind: target.kind, downgraded: target.downgraded },
  );
  const detail = `${about.ruleId} [${basis}] could not be judged: ${why}\n  rule: ${text}`;
  const record = {
    testRuleId: about.ruleId,
    testTitle: about.title,
    suite: about.suite,
    ruleId: about.ruleId,
    verdict,
    exchanges,
    detail,
  };
  return { records: [record], failing: verdict === 'failed' ? [detail] : [], failures: verdict === 'failed' ? 1 : 0 };
}

/** A property test sends `runs` requests; a slow target needs room. */
const TEST_TIMEOUT_MS = 300_000;
