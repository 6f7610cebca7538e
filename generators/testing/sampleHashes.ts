// What the generators draw, hashed: `npm run sample-hashes` before and after a change to generators/ shows whether
// the same seed still gives the same samples (it must, wherever the rule set did not change).
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import {
  boundaryCases,
  boundaryRequest,
  defaultRequestConstraints,
  invalidCases,
  invalidRequest,
  validRequest,
} from '../index';

const SEED = 42;
const RUNS = 3000;

const hash = (value: unknown): string => createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 16);

/** One line per product of the generators: its name, how many items, and the hash of them all. */
export function sampleHashes(): Array<{ name: string; count: number; hash: string }> {
  const c = defaultRequestConstraints();
  const sample = <T>(arb: fc.Arbitrary<T>): T[] => fc.sample(arb, { seed: SEED, numRuns: RUNS });
  const products: Array<[string, unknown[]]> = [
    ['boundaryCases', boundaryCases(c)],
    ['invalidCases', invalidCases(c)],
    ['validRequest', sample(validRequest(c))],
    ['boundaryRequest', sample(boundaryRequest(c))],
    ['invalidRequest', sample(invalidRequest(c))],
  ];
  return products.map(([name, items]) => ({ name, count: items.length, hash: hash(items) }));
}

if (require.main === module) {
  console.log(`seed ${SEED}, ${RUNS} samples of each arbitrary`);
  for (const { name, count, hash: h } of sampleHashes())
    console.log(`${name.padEnd(16)} ${String(count).padStart(5)}  ${h}`);
}
