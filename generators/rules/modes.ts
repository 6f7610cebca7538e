import { chinaDay, chinaDayStart, DAY_MS, dayTime as day, ON_ACCEPT, secondTime as second } from '../../specification';
import { MARGIN } from '../timeRange';
import { toOpenidMode } from '../userMode';
import { defineRules } from '../ruleEntry';

// DECISION rules that accept what the sources leave open. None is a violation, so none has a mutation; their
// edges send what a foreign target may read otherwise, labelled with the rule so the verdict is informational.

const ACCEPTED = 'not a violation: the mock accepts it (DECISION), and its edges send it';
const WHOLE = 'each of its edges sets every field the rule is about at once';

/** Open questions of the sources, answered by accepting: empty arrays, OnAccept and user ids in any mode, now. */
export const MODE_RULES = defineRules('modes', {
  'EMPTY-ARRAYS-OK': {
    notGeneratable: ACCEPTED,
    edges: () => [
      { name: 'post_payments empty', stage: 'payments', build: (r) => ({ ...r, post_payments: [] }) },
      { name: 'post_discounts empty', stage: 'discounts', build: (r) => ({ ...r, post_discounts: [] }) },
    ],
    repair: { none: WHOLE },
  },
  'ONACCEPT-ANY-MODE': {
    notGeneratable: ACCEPTED,
    edges: ({ now, identities }) => [
      {
        name: 'start_time OnAccept with need_user_confirm false',
        stage: 'time',
        build: (r) => ({
          ...toOpenidMode(r, identities),
          need_user_confirm: false,
          time_range: { start_time: ON_ACCEPT, end_time: second(now + DAY_MS) },
        }),
      },
    ],
    repair: { none: WHOLE },
  },
  'CONFIRM-MODE-OPENID': {
    notGeneratable: ACCEPTED,
    edges: ({ identities: ids }) => [
      {
        name: 'confirm mode with openid and sub_openid',
        stage: 'time',
        build: (r) => ({
          ...r,
          need_user_confirm: true,
          openid: ids.openid,
          sub_openid: ids.sub_openid,
          sub_appid: ids.sub_appid,
        }),
      },
    ],
    repair: { none: WHOLE },
  },
  'TIME-NOW-EDGES': {
    notGeneratable: ACCEPTED,
    // Only when the China day does not end within the margin: the request must arrive on the same day.
    edges: ({ now }) => {
      const today = chinaDay(now);
      if (chinaDayStart(today + 1) - now <= MARGIN) return [];
      return [
        {
          name: 'day-precision start_time on the day of the call',
          stage: 'time',
          build: (r) => ({ ...r, time_range: { start_time: day(today), end_time: day(today + 1) } }),
        },
      ];
    },
    repair: { none: WHOLE },
  },
});
