import { componentSchema } from './document';
import { chinaDay, parseTimeValue, type TimeValue } from './chinaTime';
import type { Violation } from './rule';

/** What the business rules depend on beyond the body: the call time and the service's cap. */
export interface BusinessContext {
  /** The moment of the call, ms since epoch. */
  now: number;
  /** The risk-fund cap of the service_id, in fen. */
  riskFundCap: number;
}

type Json = Record<string, unknown>;
const asObject = (v: unknown): Json | undefined =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : undefined;
const asArray = (v: unknown): Json[] =>
  Array.isArray(v) ? v.map(asObject).filter((x): x is Json => x !== undefined) : [];

function duplicateNames(items: Json[], pointer: string, ruleId: string, repeatable: readonly string[]): Violation[] {
  const seen = new Set<unknown>();
  const out: Violation[] = [];
  items.forEach((item, i) => {
    const name = item['name'];
    if (seen.has(name) && !repeatable.includes(String(name))) {
      out.push({ ruleId, pointer: `${pointer}/${i}/name`, message: `name ${JSON.stringify(name)} appears twice` });
    }
    seen.add(name);
  });
  return out;
}

function riskCap(body: Json, ctx: BusinessContext): Violation[] {
  const out: Violation[] = [];
  const amount = asObject(body['risk_fund'])?.['amount'];
  if (typeof amount === 'number' && amount > ctx.riskFundCap) {
    out.push({
      ruleId: 'RISK-CAP',
      pointer: '/risk_fund/amount',
      message: `risk_fund.amount ${amount} is over the cap ${ctx.riskFundCap}`,
    });
  }
  if (asArray(body['post_discounts']).length === 0) {
    const sum = asArray(body['post_payments']).reduce(
      (acc, p) => acc + (typeof p['amount'] === 'number' ? p['amount'] : 0),
      0,
    );
    // Whether `[]` means "no discounts" is an open question: the mock's reading is its own rule.
    const ruleId = Array.isArray(body['post_discounts']) ? 'RISK-CAP-EMPTY-DISCOUNTS' : 'RISK-CAP';
    if (sum > ctx.riskFundCap) {
      out.push({
        ruleId,
        pointer: '/post_payments',
        message: `payment amounts sum to ${sum}, over the cap ${ctx.riskFundCap}${ruleId === 'RISK-CAP' ? '' : ' (post_discounts is empty)'}`,
      });
    }
  }
  return out;
}

/** start_time against the call time (TIME-START-FUTURE). */
function startRule(start: TimeValue, now: number): string | undefined {
  if (start.kind === 'second' && start.instant <= now) return 'start_time is not later than the call time';
  if (start.kind === 'day' && start.day < chinaDay(now)) return 'start_time is before the day of the call';
  return undefined;
}

/** end_time against start_time and the call time (TIME-END-AFTER-START). */
function endRule(start: TimeValue, end: TimeValue, now: number): string | undefined {
  if (end.kind === 'second' && end.instant <= now + 60_000)
    return 'end_time is not later than the call time + 1 minute';
  if (end.kind === 'day' && end.day < chinaDay(now)) return 'end_time is before the day of the call';
  if (start.kind === 'second' && end.kind === 'second' && end.instant <= start.instant)
    return 'end_time is not later than start_time';
  if ((start.kind === 'day' || start.kind === 'second') && (end.kind === 'day' || end.kind === 'second')) {
    if (end.day < start.day) return 'end_time is on a day before start_time';
  }
  return undefined;
}

function timeRules(body: Json, now: number): Violation[] {
  const range = asObject(body['time_range']);
  if (range === undefined || typeof range['start_time'] !== 'string') return [];
  const out: Violation[] = [];
  const start = parseTimeValue(range['start_time']);
  const end = typeof range['end_time'] === 'string' ? parseTimeValue(range['end_time']) : undefined;
  for (const [field, value] of [
    ['start_time', start],
    ['end_time', end],
  ] as const) {
    // A value of the wrong shape is the format rule's (schema); TIME-CALENDAR is about well-formed dates.
    const wellFormed = /^\d{8}(\d{6})?$/.test(String(range[field]));
    if (value?.kind === 'invalid' && wellFormed)
      out.push({ ruleId: 'TIME-CALENDAR', pointer: `/time_range/${field}`, message: value.reason });
  }
  const startProblem = startRule(start, now);
  if (startProblem !== undefined)
    out.push({ ruleId: 'TIME-START-FUTURE', pointer: '/time_range/start_time', message: startProblem });
  const endProblem =
    end === undefined || end.kind === 'invalid' || start.kind === 'invalid' ? undefined : endRule(start, end, now);
  if (endProblem !== undefined)
    out.push({ ruleId: 'TIME-END-AFTER-START', pointer: '/time_range/end_time', message: endProblem });
  return out;
}

/**
 * The body rules JSON Schema cannot express: name uniqueness, the risk cap, calendar dates and
 * times relative to the call. Meant for a body that already passed validateRequestBody.
 */
export function checkBusinessRules(body: unknown, ctx: BusinessContext): Violation[] {
  const object = asObject(body);
  if (object === undefined) return [];
  const repeatable = (componentSchema('Payment')['x-repeatable-names'] as string[] | undefined) ?? [];
  return [
    ...duplicateNames(asArray(object['post_payments']), '/post_payments', 'PAY-NAME-UNIQUE', repeatable),
    ...duplicateNames(asArray(object['post_discounts']), '/post_discounts', 'DISC-NAME-UNIQUE', []),
    ...riskCap(object, ctx),
    ...timeRules(object, ctx.now),
  ];
}
