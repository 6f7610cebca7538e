import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROVIDER_STATES } from './providerStates';

// docs/pact.md's list of the provider states a merchant may use is the one in providerStates.ts: every
// state is listed, and the table lists no other.

const readme = readFileSync(join(__dirname, '..', 'docs', 'pact.md'), 'utf8');
const section = readme.slice(readme.indexOf('## Merchants with Pact'));
const listed = [...section.matchAll(/^\| `([^`]+)` \| /gm)].map((m) => m[1]).filter((name) => name?.includes(' '));

test("docs/pact.md's Merchants with Pact section lists exactly the provider states", () => {
  expect(section.length).toBeGreaterThan(0);
  expect([...listed].sort()).toEqual(Object.values(PROVIDER_STATES).sort());
});
