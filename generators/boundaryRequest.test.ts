import { isRuleId } from '../specification';
import { codePoints } from './text';
import { boundaryCases } from './boundaryCases';
import { boundaryRequest } from './boundaryRequest';
import { assertArbitraryLaws, validLaw } from './laws.testkit';
import { defaultRequestConstraints } from './requestConstraints';

const constraints = defaultRequestConstraints();

describe('boundaryRequest', () => {
  it('obeys the laws: deterministic per seed, every sample and every shrink is valid', () => {
    assertArbitraryLaws(boundaryRequest(constraints), validLaw(constraints));
  });
});

describe('boundaryCases', () => {
  const cases = boundaryCases(constraints);
  it.each(cases.map((c) => [c.name, c.request] as const))('%s is valid', (_name, request) => {
    expect(validLaw(constraints)(request)).toBeUndefined();
  });

  it('has unique names that do not depend on the clock', () => {
    expect(new Set(cases.map((c) => c.name)).size).toBe(cases.length);
    expect(boundaryCases(defaultRequestConstraints(Date.UTC(2031, 5, 1))).map((c) => c.name)).toEqual(
      cases.map((c) => c.name),
    );
  });

  it('pins the edges the spec names', () => {
    const all = cases.map((c) => c.request);
    const oon = new Set(all.map((r) => r.out_order_no));
    for (const ch of ['_', '-', '|', '*']) {
      expect(oon).toContain(ch);
      expect([...oon].some((o) => o.length === 32 && o.includes(ch))).toBe(true);
    }
    const intros = all.map((r) => r.service_introduction).filter((s) => codePoints(s) === 20);
    expect(intros.some((s) => /^[\u4e00-\u9fff]{20}$/.test(s))).toBe(true);
    expect(intros.some((s) => s.length === 40)).toBe(true); // 20 code points outside the BMP
    expect(all.some((r) => r.post_payments?.length === 100)).toBe(true);
    expect(all.some((r) => r.post_discounts?.length === 30)).toBe(true);
    expect(all.some((r) => r.attach !== undefined && codePoints(r.attach) === 256)).toBe(true);
    expect(all.some((r) => r.openid?.length === 128)).toBe(true);
    expect(all.some((r) => r.risk_fund.amount === constraints.riskFundCap)).toBe(true);
    expect(all.some((r) => r.risk_fund.amount === 1)).toBe(true);
    expect(all.some((r) => r.post_payments?.some((p) => p.amount === 0))).toBe(true);
    const counts = all.flatMap((r) => r.post_payments?.map((p) => p.count) ?? []);
    expect(counts).toEqual(expect.arrayContaining([1, 100]));
  });
});

describe('boundaryCases rule ids', () => {
  it('name a rule of the catalogue for every case', () => {
    for (const c of boundaryCases(constraints)) {
      expect(c.ruleIds[0]).toBe(c.ruleId);
      expect(isRuleId(c.ruleId)).toBe(true);
    }
  });
});
