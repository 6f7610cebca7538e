import { type FaultName, type FreshMock } from '../mock';
import { createMockWithFreshKeys } from '../mock/testing';
import { providerFromMock } from '../pact';
import { verifyContract } from './verify';

// The verification can fail: a mock with one named fault (mock/faults.ts) breaks a rule the
// contract pins, and the verification promise rejects naming the interaction that caught it.

jest.setTimeout(60_000);

const CAUGHT_BY: Array<{ fault: FaultName; interaction: string }> = [
  { fault: 'confirm-mode-doing', interaction: 'a create-order request in confirm mode' },
  { fault: 'unsigned-answers', interaction: 'a create-order request in no-confirm mode' },
  { fault: 'skip-signature-check', interaction: 'a create-order request whose signature does not verify' },
  { fault: 'conflict-accepted', interaction: 'a create-order request reusing an out_order_no with other parameters' },
  { fault: 'new-order-id-on-replay', interaction: 'a create-order request replayed with the same parameters' },
];

describe.each(CAUGHT_BY)('a provider with the fault $fault fails verification', ({ fault, interaction }) => {
  let fresh: FreshMock;
  beforeAll(async () => {
    fresh = createMockWithFreshKeys({ control: true, faults: [fault] });
    await fresh.listen(0);
  });
  afterAll(() => fresh.server.stop());

  test(`the verification rejects, naming "${interaction}"`, async () => {
    const failure = await verifyContract(providerFromMock(fresh)).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(failure).toBeInstanceOf(Error);
    expect(String((failure as Error).message)).toContain(interaction);
  });
});
