import { boundaryCases, withUniqueOutOrderNo } from '../generators';
import type { CreateOrderRequest } from '../spec';
import { nextOrderCounter, openTarget, ruleTest, type TargetHandle } from './harness';

// Every edge, deterministically: each case is a valid request pinned at one edge, sent once.

/** A start day no run will reach, the same in every run: the year of openapi.yaml's examples. */
const FIXED_START_DAY = '20991231';

/**
 * An out_order_no with little room (1 character) cannot be made unique per run; its body is made
 * independent of the clock instead, so a second run against a persistent target is a true replay.
 */
function prepare(request: CreateOrderRequest, target: TargetHandle): CreateOrderRequest {
  const alphanumerics = [...request.out_order_no].filter((c) => /[0-9A-Za-z]/.test(c)).length;
  if (alphanumerics >= 6) return withUniqueOutOrderNo(request, nextOrderCounter());
  // No-confirm mode (DOING never expires) with exactly one user id, and a fixed far-future day
  // (OnAccept would do without a date, but whether no-confirm mode takes it is an open question).
  const { need_user_confirm: _mode, sub_openid: _sub, openid: _openid, ...rest } = request;
  return { ...rest, openid: target.constraints().identities.openid, time_range: { start_time: FIXED_START_DAY } };
}

describe('boundary requests (every edge)', () => {
  const constraints = openTarget().constraints();
  for (const edge of boundaryCases(constraints)) {
    ruleTest(__filename, edge.ruleId, `accepts ${edge.name}`, async (target: TargetHandle) => {
      const body = prepare(edge.request, target);
      const exchange = await target.client.createOrder(body);
      return [{ exchange, ctx: target.context({ kind: 'accept', ruleId: edge.ruleId }, body), caseName: edge.name }];
    });
  }
});
