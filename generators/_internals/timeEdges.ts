import { chinaDay, ON_ACCEPT, rule } from '../../spec';
import { edgeOf, type Edge, type EdgeEntry } from './edge';
import type { ResolvedConstraints } from './resolveConstraints';
import { DAY, MARGIN, MINUTE, day, dayStart, second } from './times';
import { toOpenidMode } from './userMode';

const END_AFTER_START = rule('TIME-END-AFTER-START').id;

/**
 * The time edges, and the modes the sources leave open: edges between start and end are
 * TIME-END-AFTER-START's; edges against the call time, OnAccept without confirmation and user ids in
 * confirm mode are DECISION rules of their own, so a foreign target that reads them otherwise is
 * informational, never failed.
 */
export function timeEdges(c: ResolvedConstraints): Edge[] {
  const { now, identities: ids } = c;
  const today = chinaDay(now);
  const start = now + 60 * MINUTE;
  const entries: EdgeEntry[] = [
    {
      name: 'end_time one second after a second-precision start_time',
      rules: [END_AFTER_START],
      build: (r) => ({ ...r, time_range: { start_time: second(start), end_time: second(start + 1000) } }),
    },
    {
      name: 'day-precision end_time on the day of a day-precision start_time',
      rules: [END_AFTER_START],
      build: (r) => ({ ...r, time_range: { start_time: day(today + 2), end_time: day(today + 2) } }),
    },
    {
      name: 'start_time OnAccept with need_user_confirm false',
      rules: ['ONACCEPT-ANY-MODE'],
      build: (r) => ({
        ...toOpenidMode(r, ids),
        need_user_confirm: false,
        time_range: { start_time: ON_ACCEPT, end_time: second(now + DAY) },
      }),
    },
    {
      name: 'confirm mode with openid and sub_openid',
      rules: ['CONFIRM-MODE-OPENID'],
      build: (r) => ({
        ...r,
        need_user_confirm: true,
        openid: ids.openid,
        sub_openid: ids.sub_openid,
        sub_appid: ids.sub_appid,
      }),
    },
  ];
  // Only when the China day does not end within the margin: the request must arrive on the same day.
  if (dayStart(today + 1) - now > MARGIN)
    entries.push({
      name: 'day-precision start_time on the day of the call',
      rules: ['TIME-NOW-EDGES'],
      build: (r) => ({ ...r, time_range: { start_time: day(today), end_time: day(today + 1) } }),
    });
  return entries.map(edgeOf);
}
