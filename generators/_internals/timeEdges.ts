import { chinaDay, ON_ACCEPT, rule } from '../../spec';
import { edge, type Edge } from './edge';
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
  const out: Edge[] = [
    edge('end_time one second after a second-precision start_time', [END_AFTER_START], (r) => ({
      ...r,
      time_range: { start_time: second(start), end_time: second(start + 1000) },
    })),
    edge('day-precision end_time on the day of a day-precision start_time', [END_AFTER_START], (r) => ({
      ...r,
      time_range: { start_time: day(today + 2), end_time: day(today + 2) },
    })),
    edge('start_time OnAccept with need_user_confirm false', ['ONACCEPT-ANY-MODE'], (r) => ({
      ...toOpenidMode(r, ids),
      need_user_confirm: false,
      time_range: { start_time: ON_ACCEPT, end_time: second(now + DAY) },
    })),
    edge('confirm mode with openid and sub_openid', ['CONFIRM-MODE-OPENID'], (r) => ({
      ...r,
      need_user_confirm: true,
      openid: ids.openid,
      sub_openid: ids.sub_openid,
      sub_appid: ids.sub_appid,
    })),
  ];
  // Only when the China day does not end within the margin: the request must arrive on the same day.
  if (dayStart(today + 1) - now > MARGIN)
    out.push(
      edge('day-precision start_time on the day of the call', ['TIME-NOW-EDGES'], (r) => ({
        ...r,
        time_range: { start_time: day(today), end_time: day(today + 1) },
      })),
    );
  return out;
}
