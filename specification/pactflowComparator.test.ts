import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { specDocument } from '.';

// Bi-directional contract testing (PactFlow, Swagger Contract Testing) compares a consumer's pact
// with the provider's OpenAPI through this engine. Our own committed pacts must compare clean against
// our own openapi.yaml, or a team adopting both would see errors we put there.
const PACTS = join(__dirname, '..', 'contracts', 'pacts');

interface ComparatorResult {
  type: 'error' | 'warning';
  code: string;
  message: string;
  mockDetails?: { location?: string };
}

// The package's own .d.ts re-exports a folder (`export * from "./compare"`), which nodenext
// resolution cannot follow; this is the part of its API the test uses.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { Comparator } = require('@pactflow/openapi-pact-comparator') as {
  Comparator: new (options: { oas: unknown }) => { compare(pact: unknown): AsyncIterable<ComparatorResult> };
};

async function compare(pactFile: string): Promise<ComparatorResult[]> {
  // A deep copy: the comparator annotates the document it is given.
  const comparator = new Comparator({ oas: structuredClone(specDocument()) });
  const results: ComparatorResult[] = [];
  for await (const result of comparator.compare(JSON.parse(readFileSync(join(PACTS, pactFile), 'utf8'))))
    results.push(result);
  return results;
}

const pactFiles = readdirSync(PACTS).filter((f) => f.endsWith('.json'));

describe('@pactflow/openapi-pact-comparator on the committed pacts against openapi.yaml', () => {
  it('has pacts to compare', () => {
    expect(pactFiles.length).toBeGreaterThan(0);
  });

  it.each(pactFiles)('%s: 0 errors', async (file) => {
    const errors = (await compare(file)).filter((r) => r.type === 'error');
    expect(errors.map((e) => `${e.code} at ${e.mockDetails?.location ?? '?'}: ${e.message}`)).toEqual([]);
  });
});
