import { boundaryCases, hasUniqueRoom, withUniqueOutOrderNo } from '../generators';
import { rule, type CreateOrderRequest } from '../specification';
import { nextOrderCounter, openTarget, ruleTest, type JudgedExchange, type TargetHandle } from './harness';

// Every edge, deterministically: each case is a valid request pinned at one edge, sent once.

/** A start day no run will reach, the same in every run: the year of openapi.yaml's examples. */
const FIXED_START_DAY = '20991231';

/**
 * An out_order_no with little room (1 character) cannot be made unique per run; its body is made
 * independent of the clock instead, so a second run against a persistent target is a true replay.
 */
function prepare(request: CreateOrderRequest, target: TargetHandle): CreateOrderRequest {
  if (hasUniqueRoom(request.out_order_no)) return withUniqueOutOrderNo(request, nextOrderCounter());
  // No-confirm mode (DOING never expires) with exactly one user id, and a fixed far-future day
  // (OnAccept would do without a date, but whether no-confirm mode takes it is an open question).
  const { need_user_confirm: _mode, sub_openid: _sub, openid: _openid, ...rest } = request;
  return { ...rest, openid: target.constraints().identities.openid, time_range: { start_time: FIXED_START_DAY } };
}

/**
 * An out_order_no of one character is the same in every run: a persistent target that saw it from
 * an earlier run (another version of this tool, another notify_url) answers the conflict
 * IDEMP-CONFLICT expects. That says nothing about the edge, so it is informational, not a failure.
 */
const CONFLICT = rule('IDEMP-CONFLICT').expect;
function usedBefore(items: JudgedExchange[], target: TargetHandle): string | undefined {
  const [item] = items;
  const response = item?.exchange.response;
  if (item === undefined || target.kind === 'mock' || response === undefined || CONFLICT === undefined)
    return undefined;
  const code = (response.json as { code?: unknown } | undefined)?.code;
  if (response.status !== CONFLICT.status || !CONFLICT.codes.includes(String(code))) return undefined;
  return `the ${response.status} ${String(code)} answer is the conflict of an out_order_no used before with other parameters; one character cannot be made unique per run, so this edge is judged only on a target that has not seen it`;
}

describe('boundary requests (every edge)', () => {
  const constraints = openTarget().constraints();
  for (const edge of boundaryCases(constraints)) {
    ruleTest(
      __filename,
      edge.ruleId,
      `accepts ${edge.name}`,
      async (target: TargetHandle) => {
        const body = prepare(edge.request, target);
        const exchange = await target.client.createOrder(body);
        return [{ exchange, ctx: target.context({ kind: 'accept', ruleId: edge.ruleId }, body), caseName: edge.name }];
      },
      hasUniqueRoom(edge.request.out_order_no) ? {} : { inconclusive: usedBefore },
    );
  }
});
