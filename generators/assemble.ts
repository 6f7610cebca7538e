import type { CreateOrderRequest, Location, Payment, RiskFund, ServiceOrderCoupon, TimeRange } from '../specification';
import { fitPayments } from './items';
import type { ResolvedConstraints } from './resolveConstraints';
import type { UserFields } from './userMode';

/** The generated parts of a request; identities and notify_url come from the constraints. */
export interface RequestParts {
  out_order_no: string;
  service_introduction: string;
  post_payments?: Payment[] | undefined;
  post_discounts?: ServiceOrderCoupon[] | undefined;
  risk_fund: RiskFund;
  time_range: TimeRange;
  location?: Location | undefined;
  attach?: string | undefined;
  user: UserFields;
}

/** Builds the request in schema order and keeps the payment sum within the cap. */
export function assemble(parts: RequestParts, c: ResolvedConstraints): CreateOrderRequest {
  const ids = c.identities;
  const { user } = parts;
  const request: CreateOrderRequest = {
    service_id: ids.service_id,
    appid: ids.appid,
    sub_mchid: ids.sub_mchid,
    ...(user.sub_appid !== undefined ? { sub_appid: user.sub_appid } : {}),
    channel_id: ids.channel_id,
    out_order_no: parts.out_order_no,
    service_introduction: parts.service_introduction,
    ...(parts.post_payments !== undefined ? { post_payments: parts.post_payments } : {}),
    ...(parts.post_discounts !== undefined ? { post_discounts: parts.post_discounts } : {}),
    risk_fund: parts.risk_fund,
    time_range: parts.time_range,
    ...(parts.location !== undefined ? { location: parts.location } : {}),
    ...(user.openid !== undefined ? { openid: user.openid } : {}),
    ...(user.sub_openid !== undefined ? { sub_openid: user.sub_openid } : {}),
    ...(user.need_user_confirm !== undefined ? { need_user_confirm: user.need_user_confirm } : {}),
    notify_url: c.notifyUrl,
    ...(parts.attach !== undefined ? { attach: parts.attach } : {}),
  };
  return withinCap(request, c.riskFundCap);
}

/**
 * The payment amounts sum to at most the cap. RISK-CAP asks it only without discounts; with them
 * the sources are silent (RISK-CAP-WITH-DISCOUNTS), so valid requests keep within it either way.
 */
export function withinCap(request: CreateOrderRequest, cap: number): CreateOrderRequest {
  if (request.post_payments === undefined) return request;
  return { ...request, post_payments: fitPayments(request.post_payments, cap) };
}
