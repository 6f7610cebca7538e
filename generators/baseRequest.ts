import {
  chinaDay,
  chinaDayStart as dayStart,
  DAY_MS as DAY,
  MINUTE_MS as MINUTE,
  secondTime as second,
  type CreateOrderRequest,
} from '../specification';
import type { ResolvedConstraints } from './resolveConstraints';

/**
 * One fixed valid request with every optional field present (no-confirm mode, openid), the
 * starting point of the deterministic boundary and invalid cases. Amounts stay within any cap.
 */
export function baseRequest(c: ResolvedConstraints): CreateOrderRequest {
  const ids = c.identities;
  const half = Math.max(c.limits.riskAmountMin, Math.floor(c.riskFundCap / 2));
  const tomorrow = dayStart(chinaDay(c.now) + 1);
  return {
    service_id: ids.service_id,
    appid: ids.appid,
    sub_mchid: ids.sub_mchid,
    sub_appid: ids.sub_appid,
    channel_id: ids.channel_id,
    out_order_no: 'PSC1234567890abcdef',
    service_introduction: '充电宝租借',
    post_payments: [
      { name: '租借费', amount: Math.floor(half / 2), description: '按小时计费', count: 1 },
      { name: '赔偿费', description: '丢失时收取' },
    ],
    // No discount amount: whether create takes one is a DECISION (DISC-AMOUNT), sent by its own edge.
    post_discounts: [{ name: '新用户优惠', description: '首单立减', count: 1 }],
    risk_fund: {
      name: c.limits.riskFundNames[0] as CreateOrderRequest['risk_fund']['name'],
      amount: half,
      description: '充电宝押金',
    },
    time_range: {
      start_time: second(c.now + 60 * MINUTE),
      start_time_remark: '租借开始',
      end_time: second(tomorrow + DAY),
      end_time_remark: '最晚归还',
    },
    location: { start_location: '嗨客时尚主题展餐厅', end_location: '嗨客时尚主题展餐厅' },
    openid: ids.openid,
    need_user_confirm: false,
    notify_url: c.notifyUrl,
    attach: 'base',
  };
}
