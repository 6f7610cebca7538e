import { TYPE_PROPERTY_NAMES, type OrderState, type StateDescription } from '../../specification';

export interface OrderFacts {
  mchid: string;
  orderId: string;
  state: OrderState;
  stateDescription?: StateDescription;
  package?: string;
}

const REQUEST_FIELDS: readonly string[] = TYPE_PROPERTY_NAMES.CreateOrderRequest;

/**
 * The 200 body in CreateOrderResponse order. A response property that is also a request field is
 * echoed exactly as sent (RESP-ECHO); absent stays absent, no defaults are filled in, and
 * openid, sub_openid, need_user_confirm are not response properties (RESP-ECHO-EXACT). mchid is
 * the Authorization mchid (RESP-MCHID).
 */
export function orderResponse(body: Record<string, unknown>, facts: OrderFacts): Record<string, unknown> {
  const own: Record<string, unknown> = {
    mchid: facts.mchid,
    state: facts.state,
    state_description: facts.stateDescription,
    order_id: facts.orderId,
    package: facts.package,
  };
  const out: Record<string, unknown> = {};
  for (const name of TYPE_PROPERTY_NAMES.CreateOrderResponse) {
    const value = REQUEST_FIELDS.includes(name) ? body[name] : own[name];
    if (value !== undefined) out[name] = value;
  }
  return out;
}
