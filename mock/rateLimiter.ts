/** A fixed one-second window per mchid (RATE-LIMIT); `perSecond` 0 means no limit. */
export interface RateLimiter {
  /** Counts the request; true when the caller is over its limit. */
  over(mchid: string, nowMs: number): boolean;
}

export function createRateLimiter(perSecond: number): RateLimiter {
  const windows = new Map<string, { second: number; count: number }>();
  return {
    over(mchid, nowMs) {
      if (perSecond <= 0) return false;
      const second = Math.floor(nowMs / 1000);
      const window = windows.get(mchid);
      if (window === undefined || window.second !== second) {
        windows.set(mchid, { second, count: 1 });
        return false;
      }
      window.count++;
      return window.count > perSecond;
    },
  };
}
