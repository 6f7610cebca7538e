// TypeScript shapes of the bodies in openapi.yaml. The schema is the authority: a test checks
// that these property names are exactly the schema's (specification/types.test.ts).

export type RiskFundName = 'DEPOSIT' | 'ADVANCE' | 'CASH_DEPOSIT' | 'ESTIMATE_ORDER_COST';
export type OrderState = 'CREATED' | 'DOING' | 'DONE' | 'REVOKED' | 'EXPIRED';
export type StateDescription = 'USER_CONFIRM' | 'MCH_COMPLETE';

export interface Payment {
  name: string;
  amount?: number;
  description?: string;
  count?: number;
}

export interface ServiceOrderCoupon {
  name: string;
  description: string;
  amount?: number;
  count?: number;
}

export interface RiskFund {
  name: RiskFundName;
  amount: number;
  description?: string;
}

export interface TimeRange {
  start_time: string;
  start_time_remark?: string;
  end_time?: string;
  end_time_remark?: string;
}

export interface Location {
  start_location?: string;
  end_location?: string;
}

export interface CreateOrderRequest {
  service_id: string;
  appid: string;
  sub_mchid: string;
  sub_appid?: string;
  channel_id: string;
  out_order_no: string;
  service_introduction: string;
  post_payments?: Payment[];
  post_discounts?: ServiceOrderCoupon[];
  risk_fund: RiskFund;
  time_range: TimeRange;
  location?: Location;
  openid?: string;
  sub_openid?: string;
  need_user_confirm?: boolean;
  notify_url: string;
  attach?: string;
}

export interface CreateOrderResponse {
  out_order_no: string;
  service_id: string;
  appid: string;
  mchid: string;
  sub_appid?: string;
  sub_mchid: string;
  channel_id: string;
  service_introduction: string;
  state: OrderState;
  state_description?: StateDescription;
  post_payments?: Payment[];
  post_discounts?: ServiceOrderCoupon[];
  risk_fund?: RiskFund;
  time_range?: TimeRange;
  location?: Location;
  attach?: string;
  notify_url?: string;
  order_id?: string;
  package?: string;
}

/** The identities a target has bound to the caller (403 NO_AUTH for others): generators use them exactly. */
export interface BoundIdentities {
  service_id: string;
  appid: string;
  sub_mchid: string;
  sub_appid: string;
  channel_id: string;
  openid: string;
  sub_openid: string;
}

/** The request fields a target binds to the caller, in one list: profile schema, contracts and mock use it. */
export const IDENTITY_FIELDS = [
  'service_id',
  'appid',
  'sub_mchid',
  'sub_appid',
  'channel_id',
  'openid',
  'sub_openid',
] as const satisfies ReadonlyArray<keyof BoundIdentities>;

export interface ErrorBody {
  code: string;
  message: string;
  detail?: { field?: string; value?: unknown; issue?: string; location?: string };
}

/** Property names per schema, for the drift test; `satisfies` ties them to the interfaces. */
export const TYPE_PROPERTY_NAMES = {
  CreateOrderRequest: [
    'service_id',
    'appid',
    'sub_mchid',
    'sub_appid',
    'channel_id',
    'out_order_no',
    'service_introduction',
    'post_payments',
    'post_discounts',
    'risk_fund',
    'time_range',
    'location',
    'openid',
    'sub_openid',
    'need_user_confirm',
    'notify_url',
    'attach',
  ] satisfies Array<keyof CreateOrderRequest>,
  CreateOrderResponse: [
    'out_order_no',
    'service_id',
    'appid',
    'mchid',
    'sub_appid',
    'sub_mchid',
    'channel_id',
    'service_introduction',
    'state',
    'state_description',
    'post_payments',
    'post_discounts',
    'risk_fund',
    'time_range',
    'location',
    'attach',
    'notify_url',
    'order_id',
    'package',
  ] satisfies Array<keyof CreateOrderResponse>,
  Payment: ['name', 'amount', 'description', 'count'] satisfies Array<keyof Payment>,
  ServiceOrderCoupon: ['name', 'description', 'amount', 'count'] satisfies Array<keyof ServiceOrderCoupon>,
  RiskFund: ['name', 'amount', 'description'] satisfies Array<keyof RiskFund>,
  TimeRange: ['start_time', 'start_time_remark', 'end_time', 'end_time_remark'] satisfies Array<keyof TimeRange>,
  Location: ['start_location', 'end_location'] satisfies Array<keyof Location>,
} as const;
