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
