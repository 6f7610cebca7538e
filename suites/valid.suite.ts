import fc from 'fast-check';
import { validRequest, withUniqueOutOrderNo } from '../generators';
import { nextOrderCounter, ruleTest, type Judged, type TargetHandle } from './harness';

// Property-based: `runs` valid requests (seeded, so a failure replays with --seed and --path) are sent
// once; each test below judges all of them for its one rule.
const RULES = [
  'VALID-ACCEPTED', 'SYSTEM-ERROR', 'RESP-SCHEMA', 'STATE-VALUES', 'STATE-CONFIRM-MODE', 'STATE-NO-CONFIRM-MODE',
  'RESP-ECHO', 'RESP-ECHO-EXACT', 'RESP-MCHID', 'RESP-SIGNED', 'RESP-TIMESTAMP', 'SIG-PROBE', 'RESP-REQUEST-ID', 'RESP-CONTENT-TYPE',
] as const;
const listed = new Set<string>(RULES);

let explored: Promise<Judged[]> | undefined;

function explore(target: TargetHandle): Promise<Judged[]> {
  explored ??= (async () => {
    const items: Judged[] = [];
    const { seed, runs } = target.options;
    await fc.assert(
      fc.asyncProperty(validRequest(target.constraints()), async (generated) => {
        const body = withUniqueOutOrderNo(generated, nextOrderCounter());
        const exchange = await target.client.createOrder(body);
        // With no shrinking (the property never fails) the fast-check path of run i is "i".
        items.push({ exchange, ctx: target.context({ kind: 'accept', ruleId: 'VALID-ACCEPTED' }, body), seed, path: String(items.length) });
      }),
      { seed, numRuns: runs, endOnFailure: true },
    );
    return items;
  })();
  return explored;
}

describe('valid requests (property-based)', () => {
  for (const ruleId of RULES) {
    // VALID-ACCEPTED also collects any rule not listed here, so no failure goes unreported.
    ruleTest(__filename, ruleId, undefined, explore, (r) => r === ruleId || (ruleId === 'VALID-ACCEPTED' && !listed.has(r)));
  }
});
