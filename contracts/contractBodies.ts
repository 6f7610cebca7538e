import { limits } from '../specification';

// Fixed request bodies, one out_order_no per interaction, so the written pact is the same on every
// run (it is committed). Times lie in 2099 so the bodies never go stale (TIME-START-FUTURE). The ids
// are openapi.yaml's example tenant: a provider replays them with its own ids (see rewriteIdentities).

const TENANT = {
  service_id: '2002000000000558128851361561536',
  appid: 'wxd678efh567hg6787',
  sub_mchid: '1900000109',
  channel_id: '1230000109',
} as const;

const NOTIFY_URL = 'https://merchant.example/notify';

/** A valid no-confirm body (the user is identified by openid). */
function noConfirm(outOrderNo: string, serviceIntroduction = '某某酒店'): Record<string, unknown> {
  return {
    ...TENANT,
    out_order_no: outOrderNo,
    service_introduction: serviceIntroduction,
    post_payments: [{ name: '就餐费用', amount: 40000, description: '就餐人均100元', count: 4 }],
    risk_fund: { name: 'ESTIMATE_ORDER_COST', amount: 10000, description: '就餐的预估费用' },
    time_range: { start_time: '20991231121314', end_time: '20991231235959' },
    openid: 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o',
    need_user_confirm: false,
    notify_url: NOTIFY_URL,
  };
}

/** The rule the deliberately invalid body breaks (and nothing else). */
export const INVALID_BODY_RULE = 'INTRO-LENGTH';

/** The request bodies of the create-order pact, by interaction. */
export const CONTRACT_BODIES = {
  noConfirm: noConfirm('PACT-no-confirm-0001'),
  confirm: {
    ...TENANT,
    out_order_no: 'PACT-confirm-0001',
    service_introduction: '共享充电宝',
    risk_fund: { name: 'DEPOSIT', amount: 9900 },
    time_range: { start_time: 'OnAccept' },
    need_user_confirm: true,
    notify_url: NOTIFY_URL,
  },
  replaySame: noConfirm('PACT-replay-same-0001'),
  replayConflict: noConfirm('PACT-replay-conflict-0001'),
  /** What the conflicting replay's out_order_no was first used with: another service_introduction. */
  replayConflictStored: noConfirm('PACT-replay-conflict-0001', '另一家酒店'),
  /** One character over the service_introduction maximum (INTRO-LENGTH), valid otherwise. */
  invalid: noConfirm('PACT-invalid-0001', '酒'.repeat(limits().serviceIntroductionMaxLength + 1)),
  badSignature: noConfirm('PACT-bad-signature-0001'),
} satisfies Record<string, Record<string, unknown>>;
