import { WIRE_FORMS } from '../wireForms';
import { checkedSampleIndices, SAMPLE, SampleRange } from './sampleIndices';

// The registry is only worth having if it refuses a collision: these tests break it on purpose.

describe('sample index registry', () => {
  test('two names holding one index, in different groups, throw naming both', () => {
    expect(() => checkedSampleIndices({ auth: { a: 10 }, headers: { b: 10 } })).toThrow(
      'sample index 10 is allocated twice: auth.a and headers.b',
    );
  });

  test("a single index inside another name's range throws", () => {
    expect(() => checkedSampleIndices({ auth: { orders: new SampleRange(72, 3) }, idem: { replay: 74 } })).toThrow(
      'sample index 74 is allocated twice: auth.orders and idem.replay',
    );
  });

  test('overlapping ranges throw', () => {
    expect(() => checkedSampleIndices({ g: { a: new SampleRange(60, 3), b: new SampleRange(62, 2) } })).toThrow(
      /sample index 62 is allocated twice/,
    );
  });

  test('disjoint allocations are returned as given', () => {
    const table = { g: { a: 1, b: new SampleRange(2, 2) }, h: { c: 4 } };
    expect(checkedSampleIndices(table)).toBe(table);
  });

  test('a range refuses a case past its end', () => {
    expect(SAMPLE.lifecycle.terminalReplays.at(2)).toBe(62);
    expect(() => SAMPLE.lifecycle.terminalReplays.at(3)).toThrow(/outside the range 60\.\.62/);
  });

  test('the wire-form range has one index per wire form', () => {
    expect(SAMPLE.valid.wireForms.count).toBe(WIRE_FORMS.length);
  });
});
