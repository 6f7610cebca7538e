import { checkBusinessRules, formatChinaTime, parseTimeValue, requestExamples } from '.';

type Body = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- hand-written JSON bodies

// 2026-03-01 10:00:00 in UTC+8 is 02:00:00 UTC.
const now = Date.UTC(2026, 2, 1, 2, 0, 0);
const ctx = { now, riskFundCap: 50_000 };
const minutes = (n: number): number => n * 60_000;
const at = (ms: number): string => formatChinaTime(ms, 'second');
const day = (ms: number): string => formatChinaTime(ms, 'day');
const base = (): Body => {
  const b = requestExamples()['noConfirmMode'] as Body;
  b.time_range = { start_time: at(now + minutes(10)), end_time: at(now + minutes(70)) };
  return b;
};
const rulesOf = (b: Body, c = ctx): string[] => checkBusinessRules(b, c).map((v) => v.ruleId);

describe('business rules beyond JSON Schema', () => {
  it('accepts the base body', () => expect(rulesOf(base())).toEqual([]));

  it('PAY-NAME-UNIQUE: duplicate payment names, except 商品信息', () => {
    const b = base();
    b.post_payments = [
      { name: 'a', amount: 1 },
      { name: 'a', amount: 2 },
    ];
    expect(checkBusinessRules(b, ctx)).toEqual([
      expect.objectContaining({ ruleId: 'PAY-NAME-UNIQUE', pointer: '/post_payments/1/name' }),
    ]);
    b.post_payments = [
      { name: '商品信息', amount: 1 },
      { name: '商品信息', amount: 2 },
    ];
    expect(rulesOf(b)).toEqual([]);
  });

  it('DISC-NAME-UNIQUE: duplicate discount names', () => {
    const b = base();
    b.post_discounts = [
      { name: 'd', description: 'x' },
      { name: 'd', description: 'y' },
    ];
    expect(rulesOf(b)).toEqual(['DISC-NAME-UNIQUE']);
  });

  it('RISK-CAP: risk amount exactly the cap passes, cap + 1 fails', () => {
    const b = base();
    b.risk_fund.amount = ctx.riskFundCap;
    expect(rulesOf(b)).toEqual([]);
    b.risk_fund.amount = ctx.riskFundCap + 1;
    expect(rulesOf(b)).toEqual(['RISK-CAP']);
  });

  it('RISK-CAP: payment sum over the cap fails only without discounts; amount is not multiplied by count', () => {
    const b = base();
    b.post_payments = [
      { name: 'a', amount: 30_000, count: 100 },
      { name: 'b', amount: 30_000 },
    ];
    expect(rulesOf(b)).toEqual([]); // the example carries discounts
    delete b.post_discounts;
    expect(rulesOf(b)).toEqual(['RISK-CAP']);
    b.post_payments = [
      { name: 'a', amount: 25_000, count: 100 },
      { name: 'b', amount: 25_000 },
    ];
    expect(rulesOf(b)).toEqual([]);
  });

  it('TIME-CALENDAR: 20270230 and hour 24 do not exist', () => {
    expect(parseTimeValue('20270230').kind).toBe('invalid');
    expect(parseTimeValue('20270301240000').kind).toBe('invalid');
    const b = base();
    b.time_range = { start_time: '20270230' };
    expect(rulesOf(b)).toEqual(['TIME-CALENDAR']);
  });

  it('TIME-START-FUTURE: second precision must be after now; day precision not before today', () => {
    const b = base();
    b.time_range = { start_time: at(now - 1000) };
    expect(rulesOf(b)).toEqual(['TIME-START-FUTURE']);
    b.time_range = { start_time: day(now) };
    expect(rulesOf(b)).toEqual([]);
    b.time_range = { start_time: day(now - minutes(24 * 60)) };
    expect(rulesOf(b)).toEqual(['TIME-START-FUTURE']);
  });

  it('TIME-END-AFTER-START: end after start, after now + 1 minute, by day at day precision', () => {
    const b = base();
    b.time_range = { start_time: at(now + minutes(30)), end_time: at(now + minutes(20)) };
    expect(rulesOf(b)).toEqual(['TIME-END-AFTER-START']);
    b.time_range = { start_time: 'OnAccept', end_time: at(now + 30_000) };
    expect(rulesOf(b)).toEqual(['TIME-END-AFTER-START']);
    b.time_range = { start_time: day(now + minutes(48 * 60)), end_time: day(now + minutes(24 * 60)) };
    expect(rulesOf(b)).toEqual(['TIME-END-AFTER-START']);
    b.time_range = { start_time: day(now), end_time: day(now) };
    expect(rulesOf(b)).toEqual([]);
  });

  it('judges times in UTC+8: 23:30 UTC is already the next day in China', () => {
    const lateUtc = Date.UTC(2026, 2, 1, 23, 30);
    expect(day(lateUtc)).toBe('20260302');
    const b = base();
    b.time_range = { start_time: '20260301' };
    expect(rulesOf(b, { ...ctx, now: lateUtc })).toEqual(['TIME-START-FUTURE']);
  });
});

describe('TIME-CALENDAR is about well-formed dates only', () => {
  it('leaves a malformed time to the format rule', () => {
    const b = base();
    b.time_range = { start_time: at(now + minutes(10)), end_time: '2030-01-20' };
    expect(rulesOf(b)).toEqual([]);
  });
});
