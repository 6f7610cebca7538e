import { TYPE_PROPERTY_NAMES } from '../../specification';

const request: readonly string[] = TYPE_PROPERTY_NAMES.CreateOrderRequest;
const response: readonly string[] = TYPE_PROPERTY_NAMES.CreateOrderResponse;

/** Request fields the 200 body carries back (§3 of the facts): the schemas' common properties. */
export const ECHOED_FIELDS: readonly string[] = request.filter((name) => response.includes(name));

/** Request fields the 200 body has no place for (openid, sub_openid, need_user_confirm). */
export const UNECHOED_FIELDS: readonly string[] = request.filter((name) => !response.includes(name));
