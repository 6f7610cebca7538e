import type { Exchange, PayscoreClient, RawRequest } from '../../client';
import type { AdaptiveLimit } from './adaptiveLimit';
import type { ThrottleBudget } from './throttleBudget';

/** The first wait after a 429 without Retry-After; it doubles with each 429 of the same request. */
const FIRST_BACKOFF_MS = 100;
const MAX_BACKOFF_MS = 5_000;

export const THROTTLED_STATUS = 429;

/** A 429 the harness could not wait out: the run's throttle budget was spent. Never judged. */
export const isThrottled = (exchange: Exchange): boolean => exchange.response?.status === THROTTLED_STATUS;

/** Retry-After in ms: delay-seconds or an HTTP date (RFC 9110 §10.2.3); undefined when absent or unreadable. */
export function retryAfterMs(exchange: Exchange, now = Date.now()): number | undefined {
  const raw = exchange.response?.headers['retry-after']?.trim();
  if (raw === undefined || raw === '') return undefined;
  if (/^\d+$/.test(raw)) return Number(raw) * 1000;
  const at = Date.parse(raw);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** Exponential backoff with full jitter on its upper half: attempt 0 waits 50..100 ms, then 100..200 ms, … */
export function backoffMs(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(MAX_BACKOFF_MS, FIRST_BACKOFF_MS * 2 ** attempt);
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/**
 * The suites' client: every request waits for a place under the adaptive limit, and a 429 answer is
 * waited out (Retry-After when given, else backoff with jitter) and sent again — re-signed with a
 * fresh timestamp and nonce, the same body bytes — while the run's throttle budget lasts. Only a
 * non-429 answer comes back to be judged; a 429 that does come back means the budget ran out.
 * A 5xx is an answer like any other: a server fault, judged.
 */
export function throttledClient(base: PayscoreClient, limit: AdaptiveLimit, budget: ThrottleBudget): PayscoreClient {
  async function send(raw: RawRequest): Promise<Exchange> {
    for (let attempt = 0; ; attempt += 1) {
      const ticket = await limit.acquire();
      let exchange: Exchange | undefined;
      try {
        exchange = await base.send(raw);
      } finally {
        limit.release(ticket, exchange !== undefined && isThrottled(exchange));
      }
      if (!isThrottled(exchange)) return attempt === 0 ? exchange : { ...exchange, attempts: attempt + 1 };
      budget.answered();
      const retryAfter = retryAfterMs(exchange);
      if (retryAfter !== undefined) limit.pause(retryAfter);
      const wait = Math.max(retryAfter ?? 0, backoffMs(attempt));
      if (!budget.fits(wait)) return { ...exchange, attempts: attempt + 1 };
      await budget.wait(wait);
    }
  }
  return { send, createOrder: (body) => send({ body: JSON.stringify(body) }), close: base.close };
}
