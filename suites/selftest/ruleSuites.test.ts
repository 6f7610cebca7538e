import { suitesSelected, testcasesOf } from './ruleSuites';

const JUNIT = `<testsuites>
<testcase classname="invalid requests (every rule, plus random ones)" name="RISK-CAP a request that breaks only this rule is rejected" time="0.1" file="suites/invalid.suite.ts">
<testcase classname="boundary" name="RISK-CAP accepts risk_fund amount equal to the cap" time="0.1" file="suites/boundary.suite.ts">
<testcase classname="idempotency" name="IDEMP-SAME a replay in confirm mode keeps STATE-CONFIRM-MODE &quot;package&quot;" time="0.1" file="suites/idempotency.suite.ts">
<testcase classname="auth" name="AUTH-SIGNATURE a signature that does not verify" time="0.1" file="/abs/dist/suites/auth.suite.js">
</testsuites>`;

describe('the suite files a fault case loads (the clean run JUnit says which hold a rule)', () => {
  const testcases = testcasesOf(JUNIT);

  it('reads every testcase: the name --only matches and its suite file', () => {
    expect(testcases.map((t) => t.suite)).toEqual(['invalid', 'boundary', 'idempotency', 'auth']);
    expect(testcases[2]?.fullName).toBe(
      'idempotency IDEMP-SAME a replay in confirm mode keeps STATE-CONFIRM-MODE "package"',
    );
  });

  it('selects by the pattern of --only: every file holding a test of the rule, in suite order', () => {
    expect(suitesSelected(testcases, ['RISK-CAP'])).toEqual(['boundary', 'invalid']);
    expect(suitesSelected(testcases, ['AUTH-SIGNATURE', 'RISK-CAP'])).toEqual(['auth', 'boundary', 'invalid']);
    // --only matches a rule ID anywhere after a space, as Jest's testNamePattern does.
    expect(suitesSelected(testcases, ['STATE-CONFIRM-MODE'])).toEqual(['idempotency']);
  });

  it('gives no selection (every file loads) for a rule no testcase names, or no rule', () => {
    expect(suitesSelected(testcases, ['RISK-NAME'])).toBeUndefined();
    expect(suitesSelected(testcases, [])).toBeUndefined();
  });
});
