// An example merchant's code (its client) and the pacts its consumer tests write; `pact verify` reads them.
export { authorization, createOrder, CREATE_ORDER_PATH } from './merchant-client';
export type { MerchantAnswer, MerchantClientOptions } from './merchant-client';
export {
  confirmOrder,
  merchantOptions,
  merchantPact,
  noConfirmOrder,
  PROVIDER,
  REQUEST_HEADERS,
  STATES,
} from './merchantPact';
