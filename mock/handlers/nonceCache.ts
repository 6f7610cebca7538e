/**
 * Nonces seen per mchid (AUTH-NONCE-REPLAY). A request is accepted with a timestamp up to the
 * window either side of now, so a nonce is remembered for twice the window.
 */
export interface NonceCache {
  /** Records the nonce; true when it was already seen within the retention time. */
  seen(mchid: string, nonce: string, nowMs: number): boolean;
  clear(): void;
}

export function createNonceCache(windowSeconds: number): NonceCache {
  const retentionMs = 2 * windowSeconds * 1000;
  // Insertion order is time order, so expired entries are always at the front.
  const entries = new Map<string, number>();
  return {
    seen(mchid, nonce, nowMs) {
      for (const [key, at] of entries) {
        if (nowMs - at <= retentionMs) break;
        entries.delete(key);
      }
      const key = `${mchid}\u0000${nonce}`;
      if (entries.has(key)) return true;
      entries.set(key, nowMs);
      return false;
    },
    clear: () => entries.clear(),
  };
}
