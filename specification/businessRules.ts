import { amountSum } from './amounts';
import { chinaDay, MINUTE_MS, parseTimeValue, type TimeValue } from './chinaTime';
import { limits } from './limits';
import type { Violation } from './rule';
import { rule } from './ruleCatalogue';

/** What the business rules depend on beyond the body: the call time and the service's cap. */
export interface BusinessContext {
  /** The moment of the call, ms since epoch. */
  now: number;
  /** The risk-fund cap of the service_id, in fen. */
  riskFundCap: number;
}

type Json = Record<string, unknown>;
/** What one business rule finds wrong (a violation before the table adds its rule id): where, and what. */
type Breach = Omit<Violation, 'ruleId'>;
/** One business rule: the body (any JSON object, valid or not) and the context in, its breaches out. */
export type BusinessCheck = (body: Json, ctx: BusinessContext) => Breach[];

const asObject = (v: unknown): Json | undefined =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : undefined;
const asArray = (v: unknown): Json[] =>
  Array.isArray(v) ? v.map(asObject).filter((x): x is Json => x !== undefined) : [];

function duplicateNames(items: Json[], pointer: string, repeatable: readonly string[]): Breach[] {
  const seen = new Set<unknown>();
  const out: Breach[] = [];
  items.forEach((item, i) => {
    const name = item['name'];
    if (seen.has(name) && !repeatable.includes(String(name)))
      out.push({ pointer: `${pointer}/${i}/name`, message: `name ${JSON.stringify(name)} appears twice` });
    seen.add(name);
  });
  return out;
}

/** The payment-sum cap, where `discounts` says it applies: post_discounts absent, or `[]`. */
function paymentsOverCap(body: Json, ctx: BusinessContext, discounts: 'absent' | 'empty'): Breach[] {
  const list = body['post_discounts'];
  const applies = discounts === 'absent' ? !Array.isArray(list) : asArray(list).length === 0 && Array.isArray(list);
  const sum = amountSum(body['post_payments']);
  if (!applies || sum <= ctx.riskFundCap) return [];
  const empty = discounts === 'empty' ? ' (post_discounts is empty)' : '';
  return [
    { pointer: '/post_payments', message: `payment amounts sum to ${sum}, over the cap ${ctx.riskFundCap}${empty}` },
  ];
}

/** start_time and end_time parsed; undefined when there is no start_time string to judge. */
function times(body: Json): { range: Json; start: TimeValue; end: TimeValue | undefined } | undefined {
  const range = asObject(body['time_range']);
  if (range === undefined || typeof range['start_time'] !== 'string') return undefined;
  const end = typeof range['end_time'] === 'string' ? parseTimeValue(range['end_time']) : undefined;
  return { range, start: parseTimeValue(range['start_time']), end };
}

/** end_time against start_time and the call time. */
function endProblem(start: TimeValue, end: TimeValue, now: number): string | undefined {
  if (end.kind === 'second' && end.instant <= now + MINUTE_MS)
    return 'end_time is not later than the call time + 1 minute';
  if (end.kind === 'day' && end.day < chinaDay(now)) return 'end_time is before the day of the call';
  if (start.kind === 'second' && end.kind === 'second' && end.instant <= start.instant)
    return 'end_time is not later than start_time';
  if ((start.kind === 'day' || start.kind === 'second') && (end.kind === 'day' || end.kind === 'second')) {
    if (end.day < start.day) return 'end_time is on a day before start_time';
  }
  return undefined;
}

/**
 * Every body rule JSON Schema cannot express, one function per rule id, in the order the mock reports them
 * (CHECK-ORDER). A key must be a business rule of openapi.yaml; the table is checked when the module loads.
 */
export const BUSINESS_CHECKS: Readonly<Record<string, BusinessCheck>> = {
  'PAY-NAME-UNIQUE': (body) =>
    duplicateNames(asArray(body['post_payments']), '/post_payments', limits().repeatablePaymentNames),
  'DISC-NAME-UNIQUE': (body) => duplicateNames(asArray(body['post_discounts']), '/post_discounts', []),
  'RISK-CAP': (body, ctx) => {
    const amount = asObject(body['risk_fund'])?.['amount'];
    const over =
      typeof amount === 'number' && amount > ctx.riskFundCap
        ? [{ pointer: '/risk_fund/amount', message: `risk_fund.amount ${amount} is over the cap ${ctx.riskFundCap}` }]
        : [];
    return [...over, ...paymentsOverCap(body, ctx, 'absent')];
  },
  // Whether `[]` means "no discounts" is an open question (§8): the mock's reading is a rule of its own.
  'RISK-CAP-EMPTY-DISCOUNTS': (body, ctx) => paymentsOverCap(body, ctx, 'empty'),
  'TIME-CALENDAR': (body) => {
    const t = times(body);
    if (t === undefined) return [];
    return (['start_time', 'end_time'] as const).flatMap((field) => {
      const value = field === 'start_time' ? t.start : t.end;
      // A value of the wrong shape is the format rule's (schema); TIME-CALENDAR is about well-formed dates.
      const wellFormed = /^\d{8}(\d{6})?$/.test(String(t.range[field]));
      return value?.kind === 'invalid' && wellFormed
        ? [{ pointer: `/time_range/${field}`, message: value.reason }]
        : [];
    });
  },
  'TIME-START-FUTURE': (body, ctx) => {
    const start = times(body)?.start;
    const problem =
      start?.kind === 'second' && start.instant <= ctx.now
        ? 'start_time is not later than the call time'
        : start?.kind === 'day' && start.day < chinaDay(ctx.now)
          ? 'start_time is before the day of the call'
          : undefined;
    return problem === undefined ? [] : [{ pointer: '/time_range/start_time', message: problem }];
  },
  'TIME-END-AFTER-START': (body, ctx) => {
    const t = times(body);
    if (t?.end === undefined || t.end.kind === 'invalid' || t.start.kind === 'invalid') return [];
    const problem = endProblem(t.start, t.end, ctx.now);
    return problem === undefined ? [] : [{ pointer: '/time_range/end_time', message: problem }];
  },
};

for (const id of Object.keys(BUSINESS_CHECKS)) {
  if (rule(id).enforcement !== 'business')
    throw new Error(`BUSINESS_CHECKS: ${id} is not a business rule of openapi.yaml`);
}

/**
 * The body rules JSON Schema cannot express: name uniqueness, the risk cap, calendar dates and times
 * relative to the call. Any body may come in, valid or not (the generators' laws and the checks pass
 * invalid ones): each rule judges what it can read and skips what is missing or of another type, which
 * is the schema's to report.
 */
export function checkBusinessRules(body: unknown, ctx: BusinessContext): Violation[] {
  const object = asObject(body);
  if (object === undefined) return [];
  return Object.entries(BUSINESS_CHECKS).flatMap(([ruleId, check]) =>
    check(object, ctx).map((finding) => ({ ruleId, ...finding })),
  );
}
