// The one verdict function, tested once for every audit: the server suites, the receiver suite, the
// caller's audit and pact verify all count a finding through it.
import { rule } from '../specification';
import { verdictOf, worstVerdict, type Finding } from '.';

describe('verdictOf: how a failure counts, by its rule basis', () => {
  const failureOf = (ruleId: string): Finding => ({ ruleId, seen: 'x' });

  it('SEED fails everywhere, even when downgraded', () => {
    expect(rule('RESP-ECHO').basis).toBe('SEED');
    expect(verdictOf(failureOf('RESP-ECHO'), { targetKind: 'foreign', downgraded: ['RESP-ECHO'] })).toBe('failed');
    expect(verdictOf(failureOf('RESP-ECHO'), { targetKind: 'mock', downgraded: [] })).toBe('failed');
  });

  it('SIBLING fails unless the profile downgrades its rule id, then warns', () => {
    expect(rule('RESP-SIGNED').basis).toBe('SIBLING');
    expect(verdictOf(failureOf('RESP-SIGNED'), { targetKind: 'foreign', downgraded: [] })).toBe('failed');
    expect(verdictOf(failureOf('RESP-SIGNED'), { targetKind: 'foreign', downgraded: ['RESP-SIGNED'] })).toBe('warning');
    expect(verdictOf(failureOf('RESP-SIGNED'), { targetKind: 'foreign', downgraded: ['RESP-REQUEST-ID'] })).toBe(
      'failed',
    );
  });

  it('DECISION fails on the mock and is informational against a foreign target', () => {
    expect(rule('RESP-ECHO-EXACT').basis).toBe('DECISION');
    expect(verdictOf(failureOf('RESP-ECHO-EXACT'), { targetKind: 'mock', downgraded: [] })).toBe('failed');
    expect(verdictOf(failureOf('RESP-ECHO-EXACT'), { targetKind: 'foreign', downgraded: [] })).toBe('informational');
  });

  it('a rule that held passes, whatever its basis and target', () => {
    for (const ruleId of ['RESP-ECHO', 'RESP-SIGNED', 'RESP-ECHO-EXACT'])
      for (const targetKind of ['mock', 'foreign'] as const)
        expect(verdictOf({ ruleId }, { targetKind, downgraded: [ruleId] })).toBe('passed');
  });

  it("counts at the finding's own basis when it carries one (a cap, a DECISION-only part of a rule)", () => {
    const capped: Finding = { ruleId: 'RESP-ECHO', seen: 'x', basis: 'DECISION' };
    expect(verdictOf(capped, { targetKind: 'foreign', downgraded: [] })).toBe('informational');
    expect(verdictOf(capped, { targetKind: 'mock', downgraded: [] })).toBe('failed');
  });

  it('takes the worst verdict of a rule judged several times', () => {
    const judged = { targetKind: 'foreign', downgraded: ['RESP-SIGNED'] } as const;
    expect(worstVerdict([], judged)).toBe('passed');
    expect(worstVerdict([{ ruleId: 'RESP-SIGNED' }, failureOf('RESP-SIGNED')], judged)).toBe('warning');
    expect(worstVerdict([failureOf('RESP-ECHO-EXACT'), failureOf('RESP-ECHO')], judged)).toBe('failed');
  });
});
