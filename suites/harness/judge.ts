import type { Exchange } from '../../client';
import { renderFailure, runChecks, type CheckContext } from '../../checks';
import { groupAlike, verdictOf, type FailureVerdict, type RenderedFailure } from '../../judgement';
import { rule } from '../../specification';
import { writeCaseFile, type CaseSource } from './caseFile';
import type { EvidenceRecord } from '../../judgement';
import type { TargetHandle } from './target';

/** One exchange to judge, with what replays it. */
export interface JudgedExchange {
  exchange: Exchange;
  ctx: CheckContext;
  seed?: number;
  /** fast-check path (the run index) of a property case. */
  path?: string;
  caseName?: string;
}

export interface TestOutcome {
  records: EvidenceRecord[];
  /**
   * Rendered failures that fail the test (SEED, non-downgraded SIBLING, DECISION on the mock), alike ones
   * folded into the first ("N more like it", with their case files).
   */
  failing: string[];
  /** How many failures fail the test, alike ones counted each. */
  failures: number;
}

/**
 * Runs every check on every exchange and sorts the failures by verdict. The test's own rule is
 * recorded as passed when no exchange broke it, so the auditor report has evidence either way.
 */
export function judge(
  target: TargetHandle,
  test: { ruleId: string; title: string; suite: string },
  items: JudgedExchange[],
  inScope: (ruleId: string) => boolean = () => true,
): TestOutcome {
  const byRule = new Map<string, { verdict: FailureVerdict; detail: string; item: JudgedExchange; caseFile: string }>();
  const failing: RenderedFailure[] = [];
  const brokenBy = new Map<string, Set<number>>();
  for (const [index, item] of items.entries()) {
    for (const outcome of runChecks(item.exchange, item.ctx)) {
      for (const failure of outcome.failures.filter((f) => inScope(f.ruleId))) {
        const verdict = verdictOf(failure, { targetKind: target.kind, downgraded: target.downgraded });
        brokenBy.set(failure.ruleId, (brokenBy.get(failure.ruleId) ?? new Set()).add(index));
        const repro = writeCaseFile(caseSource(target, test.title, index, item), failure);
        const detail = renderFailure(failure, {
          curl: repro.curl,
          ...(repro.replay === undefined ? {} : { replay: repro.replay }),
          ...(item.seed === undefined ? {} : { seed: item.seed }),
          ...(item.path === undefined ? {} : { path: item.path }),
          ...(item.exchange.request.signedMessage === undefined
            ? {}
            : { signedMessage: item.exchange.request.signedMessage }),
          ...(item.caseName === undefined ? {} : { caseName: item.caseName }),
        });
        if (verdict === 'failed')
          failing.push({ like: `${failure.ruleId} ${failure.check}`, text: detail, caseFile: repro.caseFile });
        if (!byRule.has(failure.ruleId) || verdict === 'failed')
          byRule.set(failure.ruleId, { verdict, detail, item, caseFile: repro.caseFile });
      }
    }
  }
  const common = { testRuleId: test.ruleId, testTitle: test.title, suite: test.suite, exchanges: items.length };
  const records: EvidenceRecord[] = [...byRule.entries()].map(([ruleId, f]) => ({
    ...common,
    ruleId,
    verdict: f.verdict,
    detail: f.detail,
    caseFile: f.caseFile,
    failedExchanges: brokenBy.get(ruleId)?.size ?? 1,
    ...(f.item.seed === undefined ? {} : { seed: f.item.seed }),
    ...(f.item.path === undefined ? {} : { path: f.item.path }),
  }));
  if (!byRule.has(test.ruleId))
    records.push({
      ...common,
      ruleId: test.ruleId,
      verdict: 'passed',
      ...(items[0]?.seed === undefined ? {} : { seed: items[0].seed }),
    });
  return { records, failing: groupAlike(failing), failures: failing.length };
}

/** The title every conformance test carries: the rule ID first, then what it states. */
export function ruleTitle(ruleId: string, statement?: string): string {
  return `${ruleId} ${statement ?? rule(ruleId).text}`;
}

/** The case source of one judged exchange of a test. */
function caseSource(target: TargetHandle, test: string, index: number, item: JudgedExchange): CaseSource {
  return {
    options: target.options,
    profile: target.profile,
    kind: target.kind,
    test,
    index,
    request: item.exchange.request,
    ctx: item.ctx,
    ...(item.seed === undefined ? {} : { seed: item.seed }),
    ...(item.path === undefined ? {} : { path: item.path }),
    ...(item.caseName === undefined ? {} : { caseName: item.caseName }),
  };
}
