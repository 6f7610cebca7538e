import { MatchersV3 } from '@pact-foundation/pact';
import { rule } from '../spec';
import { contractMatchers as m } from './contractMatchers';

// Response templates of the contract. Echoed ids are matched by type only: they are the provider's
// tenant's (a provider replays the pact with its own ids), and RESP-ECHO is a conformance check of
// checks/, not something the merchant client relies on.

const { like } = MatchersV3;

/** Every answer is JSON, signed by the platform (RESP-SIGNED) and carries a Request-ID for support calls. */
export const RESPONSE_HEADERS = {
  'Content-Type': m.json(),
  'Request-ID': m.token('08F78BB5AF0610A4AA1F2A8B0F07D10D'),
  'Wechatpay-Timestamp': m.timestamp(),
  'Wechatpay-Nonce': m.token('5K8264ILTKCH16CQ2502SI8ZNMTM67VS'),
  'Wechatpay-Signature': m.token('c2lnbmF0dXJlIGZpeGVkIGluIHRoZSBwYWN0'),
  'Wechatpay-Serial': m.wechatpaySerial(),
};

/** What the client reads from any 200: the order's keys, the state that drives its next step. */
function orderBase(body: Record<string, unknown>): Record<string, unknown> {
  return {
    out_order_no: m.outOrderNo(String(body['out_order_no'])),
    service_id: like(String(body['service_id'])),
    appid: like(String(body['appid'])),
    mchid: like('1230000109'),
    sub_mchid: like(String(body['sub_mchid'])),
    channel_id: like(String(body['channel_id'])),
    service_introduction: like(String(body['service_introduction'])),
    order_id: m.orderId(),
  };
}

/** No-confirm mode: the order is already running (STATE-NO-CONFIRM-MODE), the client never asks the user. */
export function doingOrder(body: Record<string, unknown>): Record<string, unknown> {
  return { ...orderBase(body), state: 'DOING', state_description: 'USER_CONFIRM' };
}

/** Confirm mode: CREATED and a package the client hands to the user's WeChat (STATE-CONFIRM-MODE). */
export function createdOrder(body: Record<string, unknown>): Record<string, unknown> {
  return { ...orderBase(body), state: 'CREATED', package: like('DJIOSQPYWDxsjdldeskfhsdSDFSDFssdksdfsfcsdfs') };
}

/** The error the client branches on: its code (exact) for the rule; the message is for people. */
export function errorBody(ruleId: string): Record<string, unknown> {
  const code = rule(ruleId).expect?.codes[0];
  if (code === undefined) throw new Error(`rule ${ruleId} states no error code`);
  return { code, message: like('an explanation for people') };
}

/** The status openapi.yaml states for a rule's violation. */
export function statusOf(ruleId: string): number {
  const status = rule(ruleId).expect?.status;
  if (status === undefined) throw new Error(`rule ${ruleId} states no status`);
  return status;
}
