import { readFileSync } from 'node:fs';
import { statusOfCode, validateErrorBody, validateRequestBody, validateResponseBody } from '../specification';
import { PACT_FILE } from './contract';

// No drift: the committed contract never contradicts openapi.yaml. Every request body (and every
// body a provider state stores) is valid, except the interaction that says which rule it breaks,
// which must break exactly that rule; 200 answers are CreateOrderResponse, errors are Error bodies
// whose code belongs to the status. Reads the committed file, so it holds whatever order Jest runs in.

interface Interaction {
  description: string;
  comments?: { violates?: string };
  providerStates?: Array<{ name: string; params?: { body?: unknown } }>;
  request: { body?: { content?: unknown } };
  response: { status: number; body?: { content?: unknown } };
}

const pact = JSON.parse(readFileSync(PACT_FILE, 'utf8')) as { interactions: Interaction[] };
const cases = pact.interactions.map((interaction) => ({ name: interaction.description, interaction }));

test('the committed pact holds interactions', () => {
  expect(pact.interactions.length).toBeGreaterThan(0);
});

describe.each(cases)('$name', ({ interaction }) => {
  const violates = interaction.comments?.violates;

  test(
    violates === undefined
      ? 'its request body is valid (validateRequestBody)'
      : `its request body breaks ${violates} and nothing else`,
    () => {
      const violations = validateRequestBody(interaction.request.body?.content);
      if (violates === undefined) expect(violations).toEqual([]);
      else {
        expect(violations.length).toBeGreaterThan(0);
        expect(violations.map((v) => v.ruleId)).toEqual(violations.map(() => violates));
      }
    },
  );

  test('the bodies its provider states store are valid', () => {
    for (const state of interaction.providerStates ?? []) {
      if (state.params?.body !== undefined) expect(validateRequestBody(state.params.body)).toEqual([]);
    }
  });

  test(`its ${interaction.response.status} answer matches openapi.yaml`, () => {
    const body = interaction.response.body?.content;
    if (interaction.response.status === 200) {
      expect(validateResponseBody(body)).toEqual([]);
      return;
    }
    expect(validateErrorBody(body)).toEqual([]);
    expect(statusOfCode(String((body as { code?: unknown }).code))).toBe(interaction.response.status);
  });
});
