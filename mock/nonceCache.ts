import type { OrderStore } from './store';

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
