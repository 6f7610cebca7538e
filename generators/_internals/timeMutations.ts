import { chinaDay, formatChinaTime, ON_ACCEPT, rule, type CreateOrderRequest, type TimeRange } from '../../spec';
import { mutation, prepare, type Mutation } from './mutation';
import type { ResolvedConstraints } from './resolveConstraints';
import { DAY, MINUTE, day, second } from './times';
import { toConfirmMode } from './userMode';

const CALENDAR = rule('TIME-CALENDAR').id;
const END_AFTER_START = rule('TIME-END-AFTER-START').id;
const START_FUTURE = rule('TIME-START-FUTURE').id;
const START_FORMAT = rule('TIME-START-FORMAT').id;
const END_FORMAT = rule('TIME-END-FORMAT').id;

/** The range on a prepared copy; an OnAccept start in confirm mode, where every reading admits it. */
function withRange(range: TimeRange, c: ResolvedConstraints): Mutation['apply'] {
  return (base: CreateOrderRequest) => {
    const r = { ...prepare(base, '', c), time_range: range };
    return range.start_time === ON_ACCEPT ? toConfirmMode(r) : r;
  };
}

/** Times that break exactly one time rule, computed from the injected clock. */
export function timeMutations(c: ResolvedConstraints): Mutation[] {
  const { now } = c;
  const today = chinaDay(now);
  const nextYear = Number(formatChinaTime(now, 'day').slice(0, 4)) + 1;
  const start = second(now + 60 * MINUTE);
  const laterEnd = second(now + 2 * DAY);
  const S = '/time_range/start_time';
  const E = '/time_range/end_time';
  return [
    mutation(`${START_FORMAT} ${S} "tomorrow"`, START_FORMAT, S, withRange({ start_time: 'tomorrow' }, c)),
    mutation(
      `${END_FORMAT} ${E} with dashes`,
      END_FORMAT,
      E,
      withRange({ start_time: start, end_time: `${nextYear}-01-20` }, c),
    ),
    mutation(`${END_FORMAT} ${E} OnAccept`, END_FORMAT, E, withRange({ start_time: start, end_time: ON_ACCEPT }, c)),
    mutation(
      `${CALENDAR} ${S} on 30 February (yyyyMMdd)`,
      CALENDAR,
      S,
      withRange({ start_time: `${nextYear}0230` }, c),
    ),
    mutation(`${CALENDAR} ${S} in month 13 (yyyyMMdd)`, CALENDAR, S, withRange({ start_time: `${nextYear}1301` }, c)),
    mutation(
      `${CALENDAR} ${S} at hour 24 (yyyyMMddHHmmss)`,
      CALENDAR,
      S,
      withRange({ start_time: `${nextYear}0115240000` }, c),
    ),
    mutation(
      `${CALENDAR} ${S} at minute 60 (yyyyMMddHHmmss)`,
      CALENDAR,
      S,
      withRange({ start_time: `${nextYear}0115126000` }, c),
    ),
    mutation(
      `${CALENDAR} ${E} on 30 February (yyyyMMdd)`,
      CALENDAR,
      E,
      withRange({ start_time: start, end_time: `${nextYear}0230` }, c),
    ),
    mutation(
      `${END_AFTER_START} ${E} one minute before a second-precision start`,
      END_AFTER_START,
      E,
      withRange({ start_time: start, end_time: second(now + 59 * MINUTE) }, c),
    ),
    mutation(
      `${END_AFTER_START} ${E} a day before a day-precision start`,
      END_AFTER_START,
      E,
      withRange({ start_time: day(today + 3), end_time: day(today + 2) }, c),
    ),
    mutation(
      `${END_AFTER_START} ${E} an hour ago with OnAccept`,
      END_AFTER_START,
      E,
      withRange({ start_time: ON_ACCEPT, end_time: second(now - 60 * MINUTE) }, c),
    ),
    mutation(
      `${END_AFTER_START} ${E} yesterday with OnAccept`,
      END_AFTER_START,
      E,
      withRange({ start_time: ON_ACCEPT, end_time: day(today - 1) }, c),
    ),
    mutation(
      `${START_FUTURE} ${S} an hour ago`,
      START_FUTURE,
      S,
      withRange({ start_time: second(now - 60 * MINUTE), end_time: laterEnd }, c),
    ),
    mutation(
      `${START_FUTURE} ${S} yesterday`,
      START_FUTURE,
      S,
      withRange({ start_time: day(today - 1), end_time: day(today + 1) }, c),
    ),
    mutation(
      `${START_FUTURE} ${S} an hour ago, no end_time`,
      START_FUTURE,
      S,
      withRange({ start_time: second(now - 60 * MINUTE) }, c),
    ),
  ];
}
