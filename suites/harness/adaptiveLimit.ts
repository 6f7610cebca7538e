/**
 * How many requests a run keeps in flight: at most `max`, fewer while the target throttles. A 429
 * halves the limit (once per round: answers to requests sent before the last cut do not cut it
 * again), every other answer adds 1/limit back, as TCP's congestion window does. Waiters are served
 * in the order they asked, so with a limit of 1 the requests go out exactly in program order.
 */
export interface AdaptiveLimit {
  /** Resolves when a request may go out; the ticket goes back to release(). */
  acquire(): Promise<LimitTicket>;
  release(ticket: LimitTicket, throttled: boolean): void;
  /** Sends nothing new for `ms` (a Retry-After is about the caller, not one request). */
  pause(ms: number): void;
  /** The current limit (1..max). */
  readonly limit: number;
}

export interface LimitTicket {
  readonly round: number;
}

export function adaptiveLimit(max: number): AdaptiveLimit {
  if (!Number.isInteger(max) || max < 1) throw new RangeError(`a concurrency limit is a whole number >= 1, got ${max}`);
  let limit = max;
  let inFlight = 0;
  let round = 0;
  let resumeAt = 0;
  let timer: NodeJS.Timeout | undefined;
  const waiting: Array<(ticket: LimitTicket) => void> = [];
  const pump = (): void => {
    const paused = resumeAt - performance.now();
    if (paused > 0) {
      timer ??= setTimeout(() => {
        timer = undefined;
        pump();
      }, paused);
      return;
    }
    while (inFlight < Math.floor(limit) && waiting.length > 0) {
      inFlight += 1;
      waiting.shift()?.({ round });
    }
  };
  return {
    acquire: () =>
      new Promise<LimitTicket>((resolve) => {
        waiting.push(resolve);
        pump();
      }),
    release(ticket, throttled) {
      inFlight -= 1;
      if (throttled && ticket.round === round) {
        limit = Math.max(1, Math.floor(limit / 2));
        round += 1;
      } else if (!throttled) limit = Math.min(max, limit + 1 / limit);
      pump();
    },
    pause(ms) {
      resumeAt = Math.max(resumeAt, performance.now() + ms);
    },
    get limit() {
      return Math.floor(limit);
    },
  };
}
