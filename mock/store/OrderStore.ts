import type { OrderState, StateDescription } from '../../specification';

/** The key an out_order_no is unique under (IDEMP-SCOPE: institution mchid, sub_mchid). */
export interface OrderKey {
  mchid: string;
  subMchid: string;
  outOrderNo: string;
}

/** One order as stored. */
export interface StoredOrder extends OrderKey {
  orderId: string;
  /** The request body as canonical JSON (IDEMP-SAME-JSON compares it). */
  requestCanonical: string;
  /** The exact 200 body of the create, replayed unchanged. */
  responseBody: string;
  state: OrderState;
  stateDescription?: StateDescription;
  /** Business-clock ms of creation (EXPIRY counts from it). */
  createdAt: number;
  updatedAt: number;
}

export interface OrderStore {
  /** Inserts the order unless its key exists, atomically; answers the order that is stored now. */
  insertOrGet(order: StoredOrder): { order: StoredOrder; inserted: boolean };
  get(key: OrderKey): StoredOrder | undefined;
  getByOrderId(orderId: string): StoredOrder | undefined;
  setState(orderId: string, state: OrderState, stateDescription: StateDescription | undefined, updatedAt: number): void;
  /** CREATED orders created before `createdBefore` become EXPIRED; answers how many. */
  expireCreated(createdBefore: number, updatedAt: number): number;
  count(): number;
  /** The `limit` orders created last, newest first (the console lists them). */
  latest(limit: number): StoredOrder[];
  /**
   * Records a request nonce of a mchid seen at `atMs` (AUTH-NONCE-REPLAY, AUTH-NONCE-DURABLE), in
   * one atomic step that every process on the database sees; true when it was already recorded
   * after `atMs - retentionMs`, i.e. a replay.
   */
  rememberNonce(mchid: string, nonce: string, atMs: number, retentionMs: number): boolean;
  /** Forgets the nonces recorded before `beforeMs`; answers how many. */
  forgetNoncesBefore(beforeMs: number): number;
  /** Deletes every order and every nonce. */
  reset(): void;
  close(): void;
}
