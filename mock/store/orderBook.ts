import { MINUTE_MS } from '../../specification';
import type { OrderKey, OrderStore, StoredOrder } from './OrderStore';

/** The mock's business clock: order expiry and the time rules read it; tests move it. */
export interface Clock {
  /** Now, ms since epoch. */
  now(): number;
  /** Moves the clock forward by ms (negative values move it back). */
  advance(ms: number): void;
}

/**
 * A clock that follows real time plus an offset, or, with `start`, a frozen clock that moves
 * only through advance() (deterministic tests).
 */
export function createClock(options: { start?: number } = {}): Clock {
  let offset = 0;
  const { start } = options;
  return {
    now: () => (start === undefined ? Date.now() : start) + offset,
    advance: (ms: number) => {
      if (!Number.isFinite(ms)) throw new RangeError(`clock.advance needs a finite number of ms, got ${ms}`);
      offset += ms;
    },
  };
}

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

/**
 * Nonces seen per mchid (AUTH-NONCE-REPLAY). A request is accepted with a timestamp up to the
 * window either side of now, so a nonce is remembered for twice the window.
 */
export interface NonceCache {
  /** Records the nonce; true when it was already seen within the retention time. */
  seen(mchid: string, nonce: string, nowMs: number): boolean;
  clear(): void;
}

/** Expired nonces are deleted every this many requests (an indexed range delete). */
const PRUNE_EVERY = 1024;

/**
 * The nonces live in the store's database beside the orders, so a replay is refused after a
 * restart, a kill -9, and by every worker process on the file (AUTH-NONCE-DURABLE).
 */
export function createNonceCache(windowSeconds: number, store: OrderStore): NonceCache {
  const retentionMs = 2 * windowSeconds * 1000;
  let calls = 0;
  return {
    seen(mchid, nonce, nowMs) {
      if (++calls % PRUNE_EVERY === 0) store.forgetNoncesBefore(nowMs - retentionMs);
      return store.rememberNonce(mchid, nonce, nowMs, retentionMs);
    },
    clear: () => void store.forgetNoncesBefore(Number.MAX_SAFE_INTEGER),
  };
}
