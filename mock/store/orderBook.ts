import { MINUTE_MS } from '../../specification';
import type { Clock } from '../clock';
import type { OrderKey, OrderStore, StoredOrder } from './OrderStore';

/** EXPIRY (SEED): an order left CREATED for more than one hour becomes EXPIRED. */
export const EXPIRY_MS = 60 * MINUTE_MS;

/** The store seen through the business clock: expiry is applied lazily on every read. */
export interface OrderBook {
  readonly store: OrderStore;
  /** The key an order is stored and found under: out_order_no as the policy compares it (IDEMP-CASE). */
  keyOf(key: OrderKey): OrderKey;
  find(key: OrderKey): StoredOrder | undefined;
  findById(orderId: string): StoredOrder | undefined;
  /** Expires every due CREATED order now; answers how many. */
  sweep(): number;
}

export function createOrderBook(
  store: OrderStore,
  clock: Clock,
  options: { expire: boolean; expiryMs?: number; caseInsensitiveOutOrderNo?: boolean },
): OrderBook {
  const expiryMs = options.expiryMs ?? EXPIRY_MS;
  const fresh = (order: StoredOrder | undefined): StoredOrder | undefined => {
    if (order === undefined || !options.expire || order.state !== 'CREATED') return order;
    const now = clock.now();
    if (now - order.createdAt <= expiryMs) return order;
    store.setState(order.orderId, 'EXPIRED', undefined, now);
    const { stateDescription: _dropped, ...rest } = order;
    return { ...rest, state: 'EXPIRED', updatedAt: now };
  };
  return {
    store,
    keyOf: (key) =>
      options.caseInsensitiveOutOrderNo === true ? { ...key, outOrderNo: key.outOrderNo.toLowerCase() } : key,
    find: (key) => fresh(store.get(key)),
    findById: (orderId) => fresh(store.getByOrderId(orderId)),
    sweep: () => (options.expire ? store.expireCreated(clock.now() - expiryMs, clock.now()) : 0),
  };
}
