import fc from 'fast-check';
import { limits } from '../specification';
import { boundaryCases } from './boundaryCases';
import { LAW_SEED } from './laws.testkit';
import { defaultRequestConstraints } from './requestConstraints';
import { validRequest } from './validRequest';
import { hasUniqueRoom, UNIQUE_COUNTER_WIDTH, UNIQUE_COUNTERS, withUniqueOutOrderNo } from './withUniqueOutOrderNo';

const constraints = defaultRequestConstraints();
const specials = (s: string) => [...s].map((ch, i) => (/[0-9A-Za-z]/.test(ch) ? '' : `${i}${ch}`)).join('');

describe('withUniqueOutOrderNo', () => {
  it('gives distinct out_order_no to distinct counters, keeping length, specials and the pattern', () => {
    const requests = fc.sample(validRequest(constraints), { seed: LAW_SEED, numRuns: 300 });
    const pattern = new RegExp(limits().outOrderNoPattern);
    const out = requests.map((r, i) => withUniqueOutOrderNo(r, i, 'run7'));
    expect(new Set(out.map((r) => r.out_order_no)).size).toBe(requests.length);
    // Unique case aside too: a case-insensitive store (IDEMP-CASE) sees no collision either.
    expect(new Set(out.map((r) => r.out_order_no.toLowerCase())).size).toBe(requests.length);
    out.forEach((r, i) => {
      expect(r.out_order_no).toHaveLength(requests[i]!.out_order_no.length);
      expect(specials(r.out_order_no)).toBe(specials(requests[i]!.out_order_no));
      expect(r.out_order_no).toMatch(pattern);
    });
  });

  it('keeps a 32-character boundary case at 32 characters with its special characters', () => {
    const edge = boundaryCases(constraints).find((c) => c.name.includes('32 characters with "_"'))!.request;
    const unique = withUniqueOutOrderNo(edge, 123_456, 'r1');
    expect(unique.out_order_no).toHaveLength(32);
    expect(specials(unique.out_order_no)).toBe(specials(edge.out_order_no));
    expect(unique.out_order_no).not.toBe(withUniqueOutOrderNo(edge, 123_457, 'r1').out_order_no);
  });

  it('refuses a counter the out_order_no has no room for', () => {
    const single = boundaryCases(constraints).find((c) => c.name === 'out_order_no of 1 character "_"')!.request;
    expect(withUniqueOutOrderNo(single, 0).out_order_no).toBe('_');
    expect(() => withUniqueOutOrderNo(single, 1)).toThrow(RangeError);
  });

  it(`has full room (counters up to 36^${UNIQUE_COUNTER_WIDTH} - 1) from ${UNIQUE_COUNTER_WIDTH} alphanumeric positions on`, () => {
    const full = 'A_'.repeat(UNIQUE_COUNTER_WIDTH);
    const short = 'A_'.repeat(UNIQUE_COUNTER_WIDTH - 1);
    expect(hasUniqueRoom(full)).toBe(true);
    expect(hasUniqueRoom(short)).toBe(false);
    const request = fc.sample(validRequest(constraints), { seed: LAW_SEED, numRuns: 1 })[0]!;
    expect(withUniqueOutOrderNo({ ...request, out_order_no: full }, UNIQUE_COUNTERS - 1).out_order_no).toBe(
      'Z_'.repeat(UNIQUE_COUNTER_WIDTH),
    );
    expect(() => withUniqueOutOrderNo({ ...request, out_order_no: full }, UNIQUE_COUNTERS)).toThrow(RangeError);
    expect(() => withUniqueOutOrderNo({ ...request, out_order_no: short }, UNIQUE_COUNTERS - 1)).toThrow(RangeError);
  });
});
