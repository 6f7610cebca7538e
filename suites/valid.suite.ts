import fc from 'fast-check';
import { validRequest, withUniqueOutOrderNo } from '../generators';
import type { CreateOrderRequest } from '../specification';
import { nextOrderCounter, ruleTest, SAMPLE, sampleValid, type JudgedExchange, type TargetHandle } from './harness';
import { WIRE_FORMS } from './wireForms';

// Property-based: `runs` valid requests (seeded, so a failure replays with --seed and --path) are sent
// once; each test below judges all of them for its one rule.
const RULES = [
  'VALID-ACCEPTED',
  'SYSTEM-ERROR',
  'RESP-SCHEMA',
  'STATE-VALUES',
  'STATE-CONFIRM-MODE',
  'STATE-NO-CONFIRM-MODE',
  'RESP-ECHO',
  'RESP-ECHO-EXACT',
  'RESP-ABSENT-FORM',
  'RESP-MCHID',
  'RESP-SIGNED',
  'RESP-SERIAL',
  'RESP-TIMESTAMP',
  'SIG-PROBE',
  'RESP-REQUEST-ID',
  'RESP-CONTENT-TYPE',
] as const;
const listed = new Set<string>([...RULES, 'RESP-ORDER-ID']);

let explored: Promise<JudgedExchange[]> | undefined;

function explore(target: TargetHandle): Promise<JudgedExchange[]> {
  explored ??= (async () => {
    const bodies: CreateOrderRequest[] = [];
    const { seed, runs } = target.options;
    // The property only draws the requests (in a fixed order, so the same seed draws the same ones);
    // they are sent together, as many in flight as the run allows.
    fc.assert(
      fc.property(validRequest(target.constraints()), (generated) => {
        bodies.push(withUniqueOutOrderNo(generated, nextOrderCounter()));
      }),
      { seed, numRuns: runs, endOnFailure: true },
    );
    // With no shrinking (the property never fails) the fast-check path of run i is "i".
    return Promise.all(
      bodies.map(async (body, i) => ({
        exchange: await target.client.createOrder(body),
        ctx: target.context({ kind: 'accept', ruleId: 'VALID-ACCEPTED' }, body),
        seed,
        path: String(i),
      })),
    );
  })();
  return explored;
}

/** RESP-ORDER-ID is one-to-one with (merchant, out_order_no): distinct orders never share an order_id. */
async function exploreWithDistinctOrderIds(target: TargetHandle): Promise<JudgedExchange[]> {
  const items = await explore(target);
  const seen = new Map<string, JudgedExchange>();
  for (const item of items) {
    const id = (item.exchange.response?.json as { order_id?: unknown } | undefined)?.order_id;
    if (typeof id !== 'string') continue;
    const earlier = seen.get(id);
    if (earlier !== undefined) {
      throw new Error(
        `RESP-ORDER-ID: order_id ${id} answers two different out_order_no (seed ${target.options.seed}, paths ${earlier.path} and ${item.path})\n${earlier.exchange.curl}\n${item.exchange.curl}`,
      );
    }
    seen.set(id, item);
  }
  return items;
}

/** The rules about a 200 answer can only be judged on one. */
const NEEDS_A_200 = (items: JudgedExchange[]): string | undefined =>
  items.some((i) => i.exchange.response?.status === 200)
    ? undefined
    : `none of the ${items.length} valid requests was answered 200`;
const ANY_ANSWER = new Set(['VALID-ACCEPTED', 'SYSTEM-ERROR']);

describe('valid requests in other JSON wire forms', () => {
  ruleTest(
    __filename,
    'VALID-ACCEPTED',
    'a valid request is accepted in any JSON wire form, signed over its exact bytes',
    (t) =>
      // Independent requests: sent together, as many in flight as the run allows.
      Promise.all(
        WIRE_FORMS.map(async ([name, write], i): Promise<JudgedExchange> => {
          // A body with text outside ASCII, so escapes have something to escape.
          const body = sampleValid(t, SAMPLE.valid.wireForms.at(i), { service_introduction: '共享充电宝😀' });
          return {
            exchange: await t.client.send({ body: write(body) }),
            ctx: t.context({ kind: 'accept' }, body),
            caseName: name,
          };
        }),
      ),
  );
});

describe('valid requests (property-based)', () => {
  ruleTest(__filename, 'RESP-ORDER-ID', undefined, exploreWithDistinctOrderIds, {
    inScope: (r) => r === 'RESP-ORDER-ID',
    evidence: NEEDS_A_200,
  });
  for (const ruleId of RULES) {
    // VALID-ACCEPTED also collects any rule not listed here, so no failure goes unreported.
    ruleTest(__filename, ruleId, undefined, explore, {
      inScope: (r) => r === ruleId || (ruleId === 'VALID-ACCEPTED' && !listed.has(r)),
      ...(ANY_ANSWER.has(ruleId) ? {} : { evidence: NEEDS_A_200 }),
    });
  }
});
