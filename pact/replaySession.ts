/**
 * What the state handlers tell the request filter about the next replayed request. Pact replays one
 * interaction at a time (state setup, request, teardown), so a flag set by a state applies to the
 * request that follows it and is taken (cleared) by it.
 */
export interface ReplaySession {
  /** A provider state set the target up for the next request. */
  markPrepared(): void;
  takePrepared(): boolean;
  /** The bad-signature state: the next request gets a signature that does not verify. */
  markBadSignature(): void;
  takeBadSignature(): boolean;
}

export function replaySession(): ReplaySession {
  let prepared = false;
  let badSignature = false;
  return {
    markPrepared: () => {
      prepared = true;
    },
    takePrepared: () => {
      const was = prepared;
      prepared = false;
      return was;
    },
    markBadSignature: () => {
      badSignature = true;
    },
    takeBadSignature: () => {
      const was = badSignature;
      badSignature = false;
      return was;
    },
  };
}
