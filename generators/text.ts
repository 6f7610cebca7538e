import fc from 'fast-check';

// One unit is one code point, so fc.string's length bounds count code points, as JSON Schema
// maxLength does. Controls and lone surrogates are left out: valid per schema, but they test a
// target's JSON layer rather than this endpoint.
const codePoint = (min: number, max: number): fc.Arbitrary<string> =>
  fc.integer({ min, max }).map((c) => String.fromCodePoint(c));

export const textUnit: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: codePoint(0x20, 0x7e), weight: 4 },
  { arbitrary: codePoint(0x4e00, 0x9fff), weight: 3 },
  { arbitrary: codePoint(0xa0, 0xd7ff), weight: 1 },
  { arbitrary: codePoint(0x1f300, 0x1faff), weight: 1 },
  { arbitrary: codePoint(0x20000, 0x2a6df), weight: 1 },
);

/** Text of minLength..maxLength code points (CJK and characters outside the BMP included). */
export function text(minLength: number, maxLength: number): fc.Arbitrary<string> {
  return fc.string({ unit: textUnit, minLength, maxLength });
}

export type Flavor = 'ascii' | 'cjk' | 'astral' | 'mixed';

const CYCLES: Record<Flavor, (i: number) => string> = {
  ascii: (i) => String.fromCodePoint(0x61 + (i % 26)),
  cjk: (i) => String.fromCodePoint(0x4e00 + ((i * 7) % 0x5000)),
  astral: (i) => String.fromCodePoint(0x20000 + i),
  mixed: (i) => CYCLES[(['ascii', 'cjk', 'astral'] as const)[i % 3]!](i),
};

/** A deterministic string of exactly `length` code points; `tag` (ASCII) leads, so fills differ. */
export function fill(length: number, flavor: Flavor = 'mixed', tag = ''): string {
  const head = [...tag].slice(0, length);
  const rest = Array.from({ length: length - head.length }, (_, i) => CYCLES[flavor](i));
  return [...head, ...rest].join('');
}

/** Length in code points, what the spec's limits count. */
export function codePoints(value: string): number {
  return [...value].length;
}
