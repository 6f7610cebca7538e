import type { RawAnswer } from '../mock/testing';

/** What the chaos run counts per category: answers by status, and the problems that fail it. */
export interface Tally {
  sent: number;
  byStatus: Record<string, number>;
  /** 5xx answers. */
  serverErrors: number;
  /** A status line without a signed JSON body and a Request-ID. */
  bare: number;
  /** The connection closed without a byte of answer. */
  unanswered: number;
  examples: string[];
}

export const newTally = (): Tally => ({ sent: 0, byStatus: {}, serverErrors: 0, bare: 0, unanswered: 0, examples: [] });

/** Counts one answer; `mayGoUnanswered` for requests cut off on purpose (a kill -9 under load). */
export function count(tally: Tally, what: string, answer: RawAnswer, mayGoUnanswered = false): void {
  tally.sent++;
  const key = String(answer.status);
  tally.byStatus[key] = (tally.byStatus[key] ?? 0) + 1;
  const note = (problem: string): void => {
    if (tally.examples.length < 5)
      tally.examples.push(`${problem}: ${what} → ${JSON.stringify(answer.text.slice(0, 160))}`);
  };
  if (answer.status === 0) {
    if (!mayGoUnanswered) {
      tally.unanswered++;
      note('unanswered');
    }
    return;
  }
  if (answer.status >= 500) {
    tally.serverErrors++;
    note('5xx');
  }
  const signedJson = answer.json !== undefined && answer.signature.ok && (answer.headers['request-id'] ?? '') !== '';
  if (!signedJson) {
    tally.bare++;
    note('bare');
  }
}

export const problemsOf = (t: Tally): number => t.serverErrors + t.bare + t.unanswered;
