import {
  chinaDay,
  DAY_MS as DAY,
  dayTime as day,
  formatChinaTime,
  MINUTE_MS as MINUTE,
  ON_ACCEPT,
  secondTime as second,
  type TimeRange,
} from '../../specification';
import { schemaMutations } from '../fieldMutations';
import { prepare } from '../mutation';
import type { ResolvedConstraints } from '../resolveConstraints';
import { toConfirmMode } from '../userMode';
import { defineRules, type MutationCase } from '../ruleEntry';

type C = ResolvedConstraints;

/** A mutation setting the range on a prepared copy; an OnAccept start in confirm mode, where every reading admits it. */
function range(what: string, pointer: string, value: TimeRange, c: C): MutationCase {
  return {
    what: `${pointer} ${what}`,
    pointer,
    apply: (base) => {
      const r = { ...prepare(base, '', c), time_range: value };
      return value.start_time === ON_ACCEPT ? toConfirmMode(r) : r;
    },
  };
}

const S = '/time_range/start_time';
const E = '/time_range/end_time';

/** The times every mutation is computed from: the injected clock, never the machine's. */
function clock({ now }: C) {
  return {
    now,
    today: chinaDay(now),
    nextYear: Number(formatChinaTime(now, 'day').slice(0, 4)) + 1,
    start: second(now + 60 * MINUTE),
  };
}

/** time_range: its formats, real calendar dates, and its times against each other and the call. */
export const TIME_RULES = defineRules('times', {
  'TIME-REQUIRED': { fieldMutations: schemaMutations },
  'TIME-START-FORMAT': {
    fieldMutations: schemaMutations,
    mutations: (c) => [range('"tomorrow"', S, { start_time: 'tomorrow' }, c)],
  },
  'TIME-END-FORMAT': {
    fieldMutations: schemaMutations,
    mutations: (c) => {
      const { start, nextYear } = clock(c);
      return [
        range('with dashes', E, { start_time: start, end_time: `${nextYear}-01-20` }, c),
        range('OnAccept', E, { start_time: start, end_time: ON_ACCEPT }, c),
      ];
    },
  },
  'TIME-CALENDAR': {
    mutations: (c) => {
      const { start, nextYear: y } = clock(c);
      return [
        range('on 30 February (yyyyMMdd)', S, { start_time: `${y}0230` }, c),
        range('in month 13 (yyyyMMdd)', S, { start_time: `${y}1301` }, c),
        range('at hour 24 (yyyyMMddHHmmss)', S, { start_time: `${y}0115240000` }, c),
        range('at minute 60 (yyyyMMddHHmmss)', S, { start_time: `${y}0115126000` }, c),
        range('on 30 February (yyyyMMdd)', E, { start_time: start, end_time: `${y}0230` }, c),
      ];
    },
  },
  'TIME-END-AFTER-START': {
    mutations: (c) => {
      const { now, today, start } = clock(c);
      return [
        range(
          'one minute before a second-precision start',
          E,
          { start_time: start, end_time: second(now + 59 * MINUTE) },
          c,
        ),
        range('a day before a day-precision start', E, { start_time: day(today + 3), end_time: day(today + 2) }, c),
        range('an hour ago with OnAccept', E, { start_time: ON_ACCEPT, end_time: second(now - 60 * MINUTE) }, c),
        range('yesterday with OnAccept', E, { start_time: ON_ACCEPT, end_time: day(today - 1) }, c),
      ];
    },
    edges: ({ now }) => {
      const start = now + 60 * MINUTE;
      const today = chinaDay(now);
      return [
        {
          name: 'end_time one second after a second-precision start_time',
          stage: 'time',
          build: (r) => ({ ...r, time_range: { start_time: second(start), end_time: second(start + 1000) } }),
        },
        {
          name: 'day-precision end_time on the day of a day-precision start_time',
          stage: 'time',
          build: (r) => ({ ...r, time_range: { start_time: day(today + 2), end_time: day(today + 2) } }),
        },
      ];
    },
    repair: { none: 'its edges set start_time and end_time together, and no other edge pins either' },
  },
  'TIME-START-FUTURE': {
    mutations: (c) => {
      const { now, today } = clock(c);
      const laterEnd = second(now + 2 * DAY);
      return [
        range('an hour ago', S, { start_time: second(now - 60 * MINUTE), end_time: laterEnd }, c),
        range('yesterday', S, { start_time: day(today - 1), end_time: day(today + 1) }, c),
        range('an hour ago, no end_time', S, { start_time: second(now - 60 * MINUTE) }, c),
      ];
    },
  },
});
