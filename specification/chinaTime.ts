/** WeChat Pay's clock: China Standard Time, UTC+8, no daylight saving. */
const OFFSET_MS = 8 * 60 * 60 * 1000;
export const MINUTE_MS = 60_000;
export const DAY_MS = 24 * 60 * MINUTE_MS;

export const ON_ACCEPT = 'OnAccept';

/** A parsed time_range value: an instant (ms since epoch) at second or day precision. */
export type TimeValue =
  | { kind: 'second'; instant: number; day: number }
  | { kind: 'day'; instant: number; day: number }
  | { kind: 'onAccept' }
  | { kind: 'invalid'; reason: string };

/** The China calendar day number (days since 1970-01-01 in UTC+8) of an instant. */
export function chinaDay(instant: number): number {
  return Math.floor((instant + OFFSET_MS) / DAY_MS);
}

/** Parses yyyyMMddHHmmss, yyyyMMdd or OnAccept; dates must exist on the calendar. */
export function parseTimeValue(text: string): TimeValue {
  if (text === ON_ACCEPT) return { kind: 'onAccept' };
  const m = /^(\d{4})(\d{2})(\d{2})(?:(\d{2})(\d{2})(\d{2}))?$/.exec(text);
  if (m === null) return { kind: 'invalid', reason: 'not yyyyMMddHHmmss or yyyyMMdd' };
  const [y, mo, d, h = 0, mi = 0, s = 0] = m
    .slice(1)
    .map((part) => (part === undefined ? undefined : Number(part))) as number[];
  const utc = Date.UTC(y!, mo! - 1, d!, h, mi, s);
  const check = new Date(utc);
  const exists = check.getUTCFullYear() === y && check.getUTCMonth() === mo! - 1 && check.getUTCDate() === d;
  if (!exists || h > 23 || mi > 59 || s > 59)
    return { kind: 'invalid', reason: `${text} is not a date and time on the calendar` };
  const instant = utc - OFFSET_MS;
  return { kind: m[4] === undefined ? 'day' : 'second', instant, day: chinaDay(instant) };
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** Formats an instant as China wall clock, yyyyMMddHHmmss or yyyyMMdd. */
export function formatChinaTime(instant: number, precision: 'second' | 'day'): string {
  const t = new Date(instant + OFFSET_MS);
  const date = `${pad(t.getUTCFullYear(), 4)}${pad(t.getUTCMonth() + 1)}${pad(t.getUTCDate())}`;
  return precision === 'day'
    ? date
    : `${date}${pad(t.getUTCHours())}${pad(t.getUTCMinutes())}${pad(t.getUTCSeconds())}`;
}

/** The instant a China calendar day (a chinaDay number) starts: 00:00:00 UTC+8. */
export function chinaDayStart(day: number): number {
  return day * DAY_MS - OFFSET_MS;
}

/** An instant as a second-precision time_range value (yyyyMMddHHmmss). */
export const secondTime = (instant: number): string => formatChinaTime(instant, 'second');

/** A China day (a chinaDay number) as a day-precision time_range value (yyyyMMdd). */
export const dayTime = (day: number): string => formatChinaTime(chinaDayStart(day), 'day');
