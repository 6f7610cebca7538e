// The session's memory of every nonce and out_order_no: exact answers through growth, for any keys.
import fc from 'fast-check';
import { digestTable, valueDigest } from './digestTable';

test('remembers each key with its first index and value digest, through many doublings', () => {
  const table = digestTable(4);
  for (let i = 1; i <= 5000; i++) table.add(`nonce-${i}`, i, `params-${i % 7}`);
  table.add('nonce-10', 99_999, 'other');
  expect(table.size).toBe(5000);
  expect(table.get('nonce-10')).toEqual({ index: 10, value: valueDigest('params-3') });
  expect(table.get('nonce-5000')?.index).toBe(5000);
  expect(table.get('nonce-5001')).toBeUndefined();
  expect(table.get('nonce-1')?.value).not.toBe(valueDigest('params-2'));
});

test('agrees with a Map on any sequence of keys', () => {
  fc.assert(
    fc.property(
      fc.array(fc.tuple(fc.string({ maxLength: 6 }), fc.string({ maxLength: 4 })), { maxLength: 300 }),
      (adds) => {
        const table = digestTable(2);
        const model = new Map<string, { index: number; value: number }>();
        adds.forEach(([key, value], i) => {
          table.add(key, i, value);
          if (!model.has(key)) model.set(key, { index: i, value: valueDigest(value) });
        });
        expect(table.size).toBe(model.size);
        for (const [key, entry] of model) expect(table.get(key)).toEqual(entry);
        expect(table.get('\u0000absent')).toBeUndefined();
      },
    ),
    { numRuns: 100, seed: 42 },
  );
});
