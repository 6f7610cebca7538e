import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Comparator } from '@pactflow/openapi-pact-comparator';
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

async function compare(pactFile: string): Promise<ComparatorResult[]> {
  // A deep copy: the comparator annotates the document it is given.
  const comparator = new Comparator({ oas: structuredClone(specDocument()) as never });
  const results: ComparatorResult[] = [];
  for await (const result of comparator.compare(JSON.parse(readFileSync(join(PACTS, pactFile), 'utf8')) as never)) results.push(result as ComparatorResult);
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
