import fc from 'fast-check';
import { defaultRequestConstraints, validRequest } from '../generators';
import { lawDepth } from '../generators/testing/depth';
import { composeBehaviour } from './behaviour';
import { READINGS, readingCatalogue } from './readings';

// Valid requests are what every reading of the sources accepts: at lawDepth() samples on the fixed
// seed, no reading's view of the body, field rules or business rules refuses one. (Policy-only
// readings act on headers, routes and answers, never on a valid body.)
const DEPTH = lawDepth();
const SEED = 42;
jest.setTimeout(600_000);

test(`no reading refuses any of ${DEPTH.toLocaleString('en')} valid requests`, () => {
  const c = defaultRequestConstraints();
  const each = readingCatalogue().map((r) => ({ name: r.name, behaviour: composeBehaviour([READINGS[r.name]]) }));
  const context = { now: c.now, riskFundCap: c.riskFundCap };
  fc.assert(
    fc.property(validRequest(c), (request) => {
      const body = request as unknown as Record<string, unknown>;
      for (const { name, behaviour } of each) {
        const view = behaviour.bodyView(body);
        const refused = [...behaviour.fieldRules([], view), ...behaviour.businessRules([], view, context)];
        // Most readings hand the body itself back: the same object is the same JSON, without
        // serialising both (which was most of this test's minute).
        if (refused.length > 0 || (view !== body && JSON.stringify(view) !== JSON.stringify(body)))
          throw new Error(`reading ${name} refuses a valid request: ${JSON.stringify(refused)}`);
      }
    }),
    { seed: SEED, numRuns: DEPTH },
  );
});
