import type { MockConfig, MockLogger, PlatformKey } from './config';
import type { Behaviour } from './behaviour';
import type { Clock, NonceCache, OrderBook } from './store';

/** Everything a request handler reads: built once per server by createMockServer. */
export interface MockContext {
  config: MockConfig;
  orders: OrderBook;
  clock: Clock;
  /** Wall clock ms: signature windows and response timestamps. */
  wallClock: () => number;
  /** The reference behaviour with the configured faults and readings: the one place behaviour varies. */
  behaviour: Behaviour;
  nonces: NonceCache;
  rateLimiter: RateLimiter;
  /** The platform key for a serial, or undefined; without a serial, the default key. */
  platformKey(serial?: string): PlatformKey | undefined;
  log: MockLogger;
}

/** A fixed one-second window per mchid (RATE-LIMIT); `perSecond` 0 means no limit. */
export interface RateLimiter {
  /** Counts the request; true when the caller is over its limit. */
  over(mchid: string, nowMs: number): boolean;
}
