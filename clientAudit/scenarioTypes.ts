// The shape of a scenario of `audit-client`: what the mock and its wire seam do in one run.
import type { FaultName, ReadingName } from '../mock';

/** How the answer leaves the mock (the wire seam). */
export type AnswerTransport =
  | 'whole'
  | 'chunked'
  /** The first attempt: the order is created, then the connection is destroyed before any answer. */
  | 'drop-first'
  /** The first attempt: the order is created, the answer held until the caller gives up (or the hold ends). */
  | 'hold-first'
  /** Every answer re-signed, validly, by a key under a serial the caller was never given. */
  | 'unknown-serial'
  /** Every answer carries Connection: close and the server closes the connection after it. */
  | 'close'
  /** Chunked, cut inside a UTF-8 character: a caller decoding each piece apart garbles the body. */
  | 'split-utf8';

/** A genuine answer in another legitimate JSON form, re-signed validly by the platform key (answerForms.ts). */
export type BodyForm = 'spaced' | 'reordered' | 'escaped' | 'chinese-field';

/** What happens to the answer's signature headers on the wire, after the mock signed it. */
export type SignatureTwist =
  /** The body re-spaced, the signature left over the mock's compact bytes (valid only for a re-serialiser). */
  | 'over-compact-body'
  /** Re-signed validly by the platform key with a Wechatpay-Timestamp 10 minutes ahead. */
  | 'future-timestamp'
  /** Re-signed validly by the platform key over a Wechatpay-Timestamp that is not a number. */
  | 'garbage-timestamp';

export interface ScenarioError {
  code: string;
  message: string;
  detail?: Record<string, unknown>;
}

export interface Scenario {
  name: string;
  description: string;
  /** The rule the scenario is about (`--only RULE` picks the scenarios of a rule). */
  ruleId: string;
  faults?: FaultName[];
  readings?: ReadingName[];
  /** Answered instead of the mock's own answer: to the first attempt only, or to every attempt. */
  first?: ScenarioError;
  every?: ScenarioError;
  /** Answered to every attempt that arrives within a second of the first (a limit counted per second). */
  firstSecond?: ScenarioError;
  transport?: AnswerTransport;
  form?: BodyForm;
  twist?: SignatureTwist;
  /** Every header name of the answer as this case (HTTP header names are case-insensitive). */
  headerCase?: 'lower' | 'upper';
  /** The answers are genuine from the first: a correct caller creates the order, a failure is never honest. */
  genuine?: true;
  /** Every answer is forged or stale: the command must report failed whatever it says. */
  untrusted?: true;
  /** The order's mode: no-confirm for the CREATED-is-failure scenario; otherwise the generator's. */
  order?: 'no-confirm';
  /** The rule under which a genuine success reported as failed counts (default CLIENT-READS-ORDER). */
  misreadSuccess?: string;
  /**
   * The first answer is held past what the caller may wait: a reported failure is honest even when the
   * held answer went out, since it can cross the caller's own timeout on the wire (a 10 s client, a 10 s hold).
   */
  failureHonest?: true;
}
