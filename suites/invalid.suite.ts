import { DETAILED_ERROR_CODE } from '../checks';
import fc from 'fast-check';
import { hasUniqueRoom, invalidCases, invalidRequest, withUniqueOutOrderNo, type InvalidCase } from '../generators';
import type { CreateOrderRequest } from '../specification';
import {
  nextOrderCounter,
  openTarget,
  ruleTest,
  SAMPLE,
  sampleValid,
  type JudgedExchange,
  type TargetHandle,
} from './harness';

// Every rule a request body can break, at least once (the deterministic cases), plus `runs` random
// invalid requests, each judged under the rule it breaks.

/** A fresh out_order_no where the body still has one, so a wrongly accepted body never collides. */
function unique(request: unknown): unknown {
  const r = request as Partial<CreateOrderRequest> | null;
  if (r === null || typeof r !== 'object' || Array.isArray(r) || typeof r.out_order_no !== 'string') return request;
  return hasUniqueRoom(r.out_order_no) ? withUniqueOutOrderNo(r as CreateOrderRequest, nextOrderCounter()) : request;
}

async function send(target: TargetHandle, c: InvalidCase, extra: Partial<JudgedExchange>): Promise<JudgedExchange> {
  const body = unique(c.request);
  const exchange = await target.client.createOrder(body);
  return {
    exchange,
    ctx: target.context({ kind: 'reject', ruleId: c.violation.ruleId }, body),
    caseName: c.name,
    ...extra,
  };
}

let randomOnes: Promise<Array<{ c: InvalidCase; path: string }>> | undefined;

/** The random invalid requests of this seed; generated once and sent by the test of their rule. */
function randomCases(target: TargetHandle): Promise<Array<{ c: InvalidCase; path: string }>> {
  randomOnes ??= (async () => {
    const out: Array<{ c: InvalidCase; path: string }> = [];
    await fc.assert(
      fc.asyncProperty(invalidRequest(target.constraints()), async (sample) => {
        out.push({ c: { name: `random sample ${out.length}`, ...sample }, path: String(out.length) });
      }),
      { seed: target.options.seed, numRuns: target.options.runs, endOnFailure: true },
    );
    return out;
  })();
  return randomOnes;
}

/** ERR-SCHEMA is judged on 4xx answers; ERR-DETAIL-FIELD only on PARAM_ERROR answers. */
const EVIDENCE: Record<string, (items: JudgedExchange[]) => string | undefined> = {
  'ERR-SCHEMA': (items) =>
    items.some((i) => (i.exchange.response?.status ?? 0) >= 400 && (i.exchange.response?.status ?? 0) < 500)
      ? undefined
      : `none of the ${items.length} invalid requests was answered 4xx`,
  'ERR-DETAIL-FIELD': (items) =>
    items.some((i) => (i.exchange.response?.json as { code?: unknown } | undefined)?.code === DETAILED_ERROR_CODE)
      ? undefined
      : `none of the ${items.length} invalid requests was answered ${DETAILED_ERROR_CODE}`,
};

describe('invalid requests (every rule, plus random ones)', () => {
  const cases = invalidCases(openTarget().constraints());
  const ruleIds = [...new Set(cases.map((c) => c.violation.ruleId))];
  for (const ruleId of ruleIds) {
    ruleTest(
      __filename,
      ruleId,
      'a request that breaks only this rule is rejected with the answer the rule expects',
      async (target) => {
        const fixed = await Promise.all(
          cases.filter((c) => c.violation.ruleId === ruleId).map((c) => send(target, c, {})),
        );
        const random = (await randomCases(target)).filter((r) => r.c.violation.ruleId === ruleId);
        const sent = await Promise.all(
          random.map((r) => send(target, r.c, { seed: target.options.seed, path: r.path })),
        );
        return [...fixed, ...sent];
      },
    );
  }

  // The error answers themselves, judged over one fixed case of every rule: their shape and detail.
  const firstOfEachRule = ruleIds
    .map((id) => cases.find((c) => c.violation.ruleId === id))
    .filter((c): c is InvalidCase => c !== undefined);
  for (const ruleId of ['ERR-SCHEMA', 'ERR-DETAIL-FIELD']) {
    ruleTest(
      __filename,
      ruleId,
      undefined,
      async (target) => Promise.all(firstOfEachRule.map((c) => send(target, c, {}))),
      { inScope: (r) => r === ruleId, ...(EVIDENCE[ruleId] === undefined ? {} : { evidence: EVIDENCE[ruleId] }) },
    );
  }

  ruleTest(__filename, 'NO-AUTH', 'a service_id the institution was not granted is 403 NO_AUTH', async (target) => {
    const body = sampleValid(target, SAMPLE.invalid.notGrantedServiceId, {
      service_id: 'NOTGRANTED0000000000000000000000',
    });
    const exchange = await target.client.createOrder(body);
    return [
      { exchange, ctx: target.context({ kind: 'reject', ruleId: 'NO-AUTH' }, body), caseName: 'unbound service_id' },
    ];
  });
});
