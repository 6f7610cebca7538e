import { resultsFromReport } from './mockStage';
import type { PactDocument } from './pactFile';

// A merchant's pact is judged as the suites judge a foreign target: where the mock's answer rests on a
// DECISION, a pact that expects another legitimate answer is informational, never failed. Where the sources
// decide (SEED, SIBLING), the difference still fails it.

const pactExpecting = (status: number): PactDocument => ({
  interactions: [
    {
      description: 'a create signed for an unknown mchid',
      providerStates: [{ name: 's', params: {} }],
      request: {
        method: 'POST',
        path: '/x',
        body: { content: { out_order_no: 'A' }, contentType: 'application/json' },
      },
      response: { status, body: { content: { code: 'NO_AUTH' }, contentType: 'application/json' } },
    },
  ],
});

const refusal = (expected: number, actual: number) =>
  JSON.stringify({
    errors: [
      {
        interaction: 'Verifying a pact between c and p Given s - a create signed for an unknown mchid',
        mismatch: {
          type: 'mismatches',
          mismatches: [
            { type: 'StatusMismatch', expected, actual },
            { type: 'BodyMismatch', path: '$.code', expected: 'NO_AUTH', actual: 'SIGN_ERROR', mismatch: 'differs' },
          ],
        },
      },
    ],
  });

const answered = (ruleId: string, status = 401) => [
  {
    outOrderNo: 'A',
    status,
    body: JSON.stringify({ code: 'SIGN_ERROR', message: `the mchid is not the merchant's (${ruleId})` }),
  },
];

describe("pact verify's mock stage: the DECISION rule the suites follow", () => {
  it('a pact expecting 403 where the mock answers 401 for a wrong mchid (AUTH-MCHID: which 4xx is a DECISION) passes, noted informational', () => {
    const [result] = resultsFromReport(pactExpecting(403), refusal(403, 401), [], answered('AUTH-MCHID'));
    expect(result?.passed).toBe(true);
    expect(result?.differences).toEqual([]);
    expect(result?.notes).toEqual([
      expect.stringMatching(/^informational: the mock answered under AUTH-MCHID, a DECISION/),
    ]);
  });

  it('a pact expecting 200 for a wrong mchid still fails: that the request is refused is SEED', () => {
    const [result] = resultsFromReport(pactExpecting(200), refusal(200, 401), [], answered('AUTH-MCHID'));
    expect(result?.passed).toBe(false);
    expect(result?.differences.map((d) => d.field)).toEqual(['response status', 'response $.code']);
  });

  it("an answer under a rule that is itself a DECISION (the mock's 5-minute window) is informational whatever the pact expects", () => {
    const [result] = resultsFromReport(pactExpecting(200), refusal(200, 401), [], answered('AUTH-TIMESTAMP-WINDOW'));
    expect(result?.passed).toBe(true);
  });

  it('an answer that names no rule, or a SEED one, is judged as before', () => {
    const [plain] = resultsFromReport(
      pactExpecting(403),
      refusal(403, 401),
      [],
      [{ outOrderNo: 'A', status: 401, body: '{}' }],
    );
    expect(plain?.passed).toBe(false);
    const [seed] = resultsFromReport(pactExpecting(403), refusal(403, 401), [], answered('AUTH-SIGNATURE'));
    expect(seed?.passed).toBe(false);
  });
  it('reads the rule from a logged body cut short after the message (the log keeps 600 bytes)', () => {
    const body = JSON.stringify({
      code: 'SIGN_ERROR',
      message: "the mchid is not the merchant's (AUTH-MCHID)",
      detail: { value: 'x'.repeat(2000) },
    }).slice(0, 600);
    const [result] = resultsFromReport(
      pactExpecting(403),
      refusal(403, 401),
      [],
      [{ outOrderNo: 'A', status: 401, body }],
    );
    expect(result?.passed).toBe(true);
  });
});
