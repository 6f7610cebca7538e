import fc from 'fast-check';
import {
  chinaDay,
  chinaDayStart as dayStart,
  dayTime as day,
  MINUTE_MS as MINUTE,
  ON_ACCEPT,
  secondTime as second,
  type TimeRange,
} from '../specification';
import { text } from './text';

/** Valid times stay at least this far from every limit (clocks drift, requests take time). */
export const MARGIN = 10 * MINUTE;
const HORIZON_MINUTES = 30 * 24 * 60;

const minutes = (min: number) => fc.integer({ min, max: HORIZON_MINUTES });
const days = (min: number) => fc.integer({ min, max: 30 });

/** end_time for a start beginning at `from` (instant) on China day `fromDay`: absent, second or day. */
function endAfter(from: number, fromDay: number): fc.Arbitrary<string | undefined> {
  return fc.oneof(
    fc.constant(undefined),
    minutes(MARGIN / MINUTE).map((m) => second(from + m * MINUTE)),
    days(0).map((d) => day(fromDay + d)),
  );
}

/** [start_time, end_time] in all three start forms (OnAccept only when allowed), consistent with each other and with `now`. */
function startAndEnd(now: number, onAcceptAllowed: boolean): fc.Arbitrary<[string, string | undefined]> {
  const today = chinaDay(now);
  const bySecond = minutes(MARGIN / MINUTE + 1).chain((m) => {
    const start = now + m * MINUTE;
    return endAfter(start, chinaDay(start)).map((end): [string, string | undefined] => [second(start), end]);
  });
  const byDay = days(1).chain((d) =>
    endAfter(dayStart(today + d), today + d).map((end): [string, string | undefined] => [day(today + d), end]),
  );
  const onAccept = endAfter(now + MARGIN, today + 1).map((end): [string, string | undefined] => [ON_ACCEPT, end]);
  return onAcceptAllowed ? fc.oneof(bySecond, byDay, onAccept) : fc.oneof(bySecond, byDay);
}

/**
 * A valid time_range for a call at `now` (UTC+8 wall clock, margins of >= 10 minutes). OnAccept in
 * no-confirm mode is an open question (ONACCEPT-ANY-MODE), so only confirm-mode requests ask for it.
 */
export function timeRangeArbitrary(now: number, remarkMax: number, onAcceptAllowed = true): fc.Arbitrary<TimeRange> {
  const remark = fc.option(text(1, remarkMax), { nil: undefined });
  return fc.tuple(startAndEnd(now, onAcceptAllowed), remark, remark).map(([[start, end], startRemark, endRemark]) => {
    const range: TimeRange = { start_time: start };
    if (startRemark !== undefined) range.start_time_remark = startRemark;
    if (end !== undefined) range.end_time = end;
    if (endRemark !== undefined) range.end_time_remark = endRemark;
    return range;
  });
}
