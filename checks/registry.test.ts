import { isRuleId } from '../specification';
import { CHECKS, CHECK_NAMES, runChecks } from '.';
import { contextFor, errorExchange, makeExchange, validBody } from './testing';

describe('the registry', () => {
  it('names each check once, by its key: Schemathesis-style snake_case, and every failure it returns carries it', () => {
    expect(CHECK_NAMES).toHaveLength(16);
    expect(Object.keys(CHECKS)).toEqual([...CHECK_NAMES]);
    for (const [name, check] of Object.entries(CHECKS)) {
      expect(name).toMatch(/^[a-z]+(_[a-z]+)+$/);
      expect(check.name).toBe(name);
    }
    const broken = { ...validBody(), out_order_no: 'A'.repeat(33) };
    const failed = runChecks(makeExchange({ request: broken }), contextFor({ kind: 'reject', ruleId: 'OON-LENGTH' }));
    const found = failed.filter((o) => o.failures.length > 0);
    expect(found.length).toBeGreaterThan(0);
    for (const o of found) expect(o.failures.map((f) => f.check)).toEqual(o.failures.map(() => o.check));
  });

  it('names the check a harness problem arose in, as before the name was written only once', () => {
    expect(() =>
      CHECKS.negative_data_rejection.run(makeExchange(), contextFor({ kind: 'reject', ruleId: 'OON-LENGTH' })),
    ).toThrow(/^\[negative_data_rejection OON-LENGTH\] harness problem: /);
  });

  it('names only rule ids that exist in the rule catalogue of openapi.yaml', () => {
    const unknown = Object.values(CHECKS).flatMap((c) =>
      c.rules.filter((id) => !isRuleId(id)).map((id) => `${c.name}: ${id}`),
    );
    expect(unknown).toEqual([]);
    for (const check of Object.values(CHECKS)) expect(check.rules.length).toBeGreaterThan(0);
  });

  it('passes every applicable check on a conforming 200 in both modes and reports no failure', () => {
    for (const mode of ['noConfirmMode', 'confirmMode'] as const) {
      const outcomes = runChecks(
        makeExchange({ request: validBody(undefined, {}, mode) }),
        contextFor({ kind: 'accept' }),
      );
      expect(outcomes.filter((o) => o.status === 'failed')).toEqual([]);
      expect(outcomes.filter((o) => o.status === 'passed').map((o) => o.check)).toEqual(
        expect.arrayContaining([
          'echo_conformance',
          'state_conformance',
          'positive_data_acceptance',
          'response_signature_conformance',
        ]),
      );
    }
  });

  it('passes a conforming 400 PARAM_ERROR to a body that breaks OON-LENGTH', () => {
    const body = { ...validBody(), out_order_no: 'A'.repeat(33) };
    const outcomes = runChecks(
      errorExchange(400, 'PARAM_ERROR', { request: body }),
      contextFor({ kind: 'reject', ruleId: 'OON-LENGTH' }),
    );
    expect(outcomes.filter((o) => o.status === 'failed')).toEqual([]);
    expect(outcomes.find((o) => o.check === 'negative_data_rejection')?.status).toBe('passed');
  });

  it('runs only the named checks when asked', () => {
    const outcomes = runChecks(makeExchange(), contextFor({ kind: 'accept' }), [
      'mchid_conformance',
      'not_a_server_error',
    ]);
    expect(outcomes.map((o) => o.check)).toEqual(['mchid_conformance', 'not_a_server_error']);
  });
});
