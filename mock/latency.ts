/** `mock --latency MS[,JITTER]`: how long every answer waits, as a distant WeChat Pay would make it. */
export interface Latency {
  /** The mean wait, ms. */
  ms: number;
  /** The wait is drawn uniformly from ms - jitterMs .. ms + jitterMs (jitterMs <= ms). */
  jitterMs: number;
}

/** One answer's wait under `latency` (0 without). */
export function latencyMs(latency: Latency | undefined, random: () => number = Math.random): number {
  if (latency === undefined) return 0;
  return Math.max(0, Math.round(latency.ms + (random() * 2 - 1) * latency.jitterMs));
}

/** Runs `answer` after `delayMs` (at once for 0), on a timer the server cancels when it stops. */
export function answerAfter(delayMs: number, timers: Set<NodeJS.Timeout>, answer: () => Promise<void>): void {
  if (delayMs <= 0) {
    void answer();
    return;
  }
  const timer = setTimeout(() => {
    timers.delete(timer);
    void answer();
  }, delayMs);
  timers.add(timer);
}
