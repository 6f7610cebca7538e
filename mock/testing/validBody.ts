import { randomBytes } from 'node:crypto';
import { formatChinaTime, type BoundIdentities } from '../../spec';

/** A valid no-confirm create body for the mock's identities, times a day ahead; test support. */
export function validBody(ids: BoundIdentities, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const day = 24 * 60 * 60 * 1000;
  return {
    service_id: ids.service_id,
    appid: ids.appid,
    sub_mchid: ids.sub_mchid,
    channel_id: ids.channel_id,
    out_order_no: `T${randomBytes(8).toString('hex')}`,
    service_introduction: '某某酒店',
    post_payments: [{ name: '就餐费用', amount: 40000, description: '就餐人均100元', count: 4 }],
    risk_fund: { name: 'ESTIMATE_ORDER_COST', amount: 10000, description: '就餐的预估费用' },
    time_range: {
      start_time: formatChinaTime(Date.now() + day, 'second'),
      end_time: formatChinaTime(Date.now() + 2 * day, 'second'),
    },
    openid: ids.openid,
    notify_url: 'https://merchant.example/notify',
    ...overrides,
  };
}
