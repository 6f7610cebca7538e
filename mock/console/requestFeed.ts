import type { SignatureDiagnosis } from '../../apiv3';
import { FOREIGN_PARTY, isBroken, verdictOf, type FailureVerdict, type Finding } from '../../judgement';

/** One request as the console lists it: what the log line says, plus the audit's findings when --audit is on. */
export interface FeedEntry {
  /** 1, 2, 3… in arrival order: the page asks for the entries after the last it has. */
  seq: number;
  /** Wall clock, ISO 8601. */
  at: string;
  method: string;
  path: string;
  status: number;
  code?: string;
  ms: number;
  /** Why the signature failed, when a known mistake explains it. */
  diagnosis?: SignatureDiagnosis;
  /** The client rules this request broke, with their verdict (only those: the passed ones are counted in `judged`). */
  findings?: Array<{ ruleId: string; seen: string; verdict: FailureVerdict }>;
  /** How many client rules judged it; absent when no audit did. */
  judged?: number;
}

export type FeedInput = Omit<FeedEntry, 'seq' | 'findings' | 'judged' | 'path'> & {
  path: string;
  findings?: readonly Finding[];
};

/** How many requests the console keeps: the latest, however long the mock runs. */
export const FEED_CAPACITY = 200;
/** A path is cut here: a 16 KB query string per entry would make the ring the biggest thing in the mock. */
const PATH_CHARS = 512;

export interface RequestFeed {
  record(input: FeedInput): void;
  /** The kept entries after `seq`, oldest first. */
  after(seq: number): FeedEntry[];
}

/** A ring buffer of the latest `capacity` requests: memory is bounded by the ring, never by the traffic. */
export function requestFeed(capacity = FEED_CAPACITY): RequestFeed {
  const ring: FeedEntry[] = [];
  let recorded = 0;
  return {
    record({ findings, path, ...rest }) {
      recorded += 1;
      const entry: FeedEntry = {
        ...rest,
        seq: recorded,
        path: path.length > PATH_CHARS ? `${path.slice(0, PATH_CHARS)}…` : path,
      };
      if (findings !== undefined) {
        entry.findings = findings
          .filter(isBroken)
          .map((f) => ({ ruleId: f.ruleId, seen: f.seen, verdict: verdictOf(f, FOREIGN_PARTY) }));
        entry.judged = findings.length;
      }
      ring[(recorded - 1) % capacity] = entry;
    },
    after(seq) {
      const first = Math.max(seq, recorded - capacity, 0) + 1;
      const out: FeedEntry[] = [];
      for (let s = first; s <= recorded; s++) out.push(ring[(s - 1) % capacity] as FeedEntry);
      return out;
    },
  };
}
