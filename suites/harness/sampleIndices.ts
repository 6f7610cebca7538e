// Every fast-check sample index the suites pass to sampleValid, named once. Two tests sharing an
// index would send the same sample (and race for one out_order_no prefix), so a collision throws
// when this module loads, before any test runs. The numbers are the seed offsets the suites have
// always used: changing one changes the requests a seed sends.

/** Consecutive indices for a test that sends several samples (one per case). */
export class SampleRange {
  constructor(
    readonly first: number,
    readonly count: number,
  ) {}

  /** The index of case `i`; a case past the range is an allocation error, not a silent collision. */
  at(i: number): number {
    if (!Number.isInteger(i) || i < 0 || i >= this.count)
      throw new Error(`sample index case ${i} is outside the range ${this.first}..${this.first + this.count - 1}`);
    return this.first + i;
  }
}

export type SampleAllocation = number | SampleRange;

const span = (a: SampleAllocation): number[] =>
  typeof a === 'number' ? [a] : Array.from({ length: a.count }, (_, i) => a.first + i);

/** The table itself, after throwing if any two names (in any groups) hold the same index. */
export function checkedSampleIndices<T extends Record<string, Record<string, SampleAllocation>>>(groups: T): T {
  const holder = new Map<number, string>();
  for (const [group, names] of Object.entries(groups)) {
    for (const [name, allocation] of Object.entries(names)) {
      for (const index of span(allocation)) {
        const earlier = holder.get(index);
        if (earlier !== undefined)
          throw new Error(`sample index ${index} is allocated twice: ${earlier} and ${group}.${name}`);
        holder.set(index, `${group}.${name}`);
      }
    }
  }
  return groups;
}

const range = (first: number, count: number): SampleRange => new SampleRange(first, count);

/** The sample index of every sampleValid call, grouped by suite. */
export const SAMPLE = checkedSampleIndices({
  lifecycle: {
    /** The confirm-mode order the expiry replay creates on its private mock (seed + 0). */
    expiry: 0,
    /** One order per terminal state: EXPIRED, REVOKED, DONE. */
    terminalReplays: range(60, 3),
  },
  invalid: {
    notGrantedServiceId: 1,
  },
  auth: {
    noAuthorization: 10,
    bearerScheme: 11,
    parametersMissing: 12,
    unquotedGarbage: 13,
    bodyChangedAfterSigning: 14,
    strangerKey: 15,
    probeSignature: 16,
    timestampOneHourOld: 17,
    unknownSerial: 18,
    unknownMchid: 19,
    timestampOutsideWindow: 20,
    nonceFirstUse: 21,
    nonceReplay: 22,
    reusedHeaderFirstBody: 70,
    reusedHeaderOtherBody: 71,
    /** One per Authorization parameter order. */
    parameterOrders: range(72, 3),
    spaceAfterCommas: 75,
    /** The body a tampered request carries instead of the signed one. */
    tamperedBody: 99,
  },
  headers: {
    noAccept: 30,
    acceptTextHtml: 31,
    noContentType: 32,
    contentTypeTextPlain: 33,
    contentTypeCharset: 34,
    upperCaseMediaTypes: 35,
    acceptAny: 36,
    acceptListWildcard: 37,
    unknownPlatformSerial: 38,
    truncatedJson: 39,
    jsonArray: 40,
    bodyOverLimit: 41,
    unknownPath: 42,
    putMethod: 43,
  },
  idempotency: {
    sameParameters: 50,
    sameJsonReordered: 51,
    otherParameters: 52,
    concurrentIdentical: 76,
    concurrentDifferent: 77,
    confirmModeReplay: 78,
    deepChanges: 79,
    replayAfterConflict: 80,
  },
  valid: {
    /** One per JSON wire form (suites/wireForms.ts). */
    wireForms: range(81, 4),
  },
  blindSpots: {
    /** Two no-confirm and two confirm-mode orders (fresh values). */
    freshAnswers: range(200, 4),
    fractionalAmount: 204,
    upperCaseKey: 205,
    /** A trailing comma, a comment. */
    lenientSyntax: range(206, 2),
    spacedStrings: 208,
    futureTimestamp: 209,
    caseVariant: 210,
  },
});
