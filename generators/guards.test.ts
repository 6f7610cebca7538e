import fc from 'fast-check';
import { rule } from '../specification';
import { boundaryCases } from './boundaryCases';
import { invalidCases } from './invalidCases';
import { LAW_SEED, lawRuns } from './laws.testkit';
import { defaultRequestConstraints } from './requestConstraints';
import { entryOf, RULE_ENTRIES } from './rules';
import { validRequest } from './validRequest';

// A guarded field (DISC-AMOUNT guards a discount's amount: sources disagree whether create takes one) may be
// refused by a correct target as an unknown field. So only cases judged under the guarding rule, under a
// DECISION rule whose entry says it sends the field, or breaking that very field may carry it: no SEED or
// SIBLING verdict rests on it.
const constraints = defaultRequestConstraints();
const guards = RULE_ENTRIES.flatMap(([id, e]) => (e.guards ?? []).map((path) => ({ id, path })));

/** Whether the value has anything at a field path ('*' for every item of an array). */
function carries(value: unknown, path: string): boolean {
  const [head, ...rest] = path.split('/').slice(1);
  if (head === undefined) return value !== undefined;
  if (head === '*') return Array.isArray(value) && value.some((item) => carries(item, `/${rest.join('/')}`));
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const child = (value as Record<string, unknown>)[head];
  return child !== undefined && carries(child, rest.length === 0 ? '' : `/${rest.join('/')}`);
}

const allowed = (ruleId: string, guard: { id: string; path: string }): boolean =>
  ruleId === guard.id || (entryOf(ruleId)?.sends?.includes(guard.path) ?? false);

describe('guarded fields', () => {
  it('DISC-AMOUNT guards the discount amount', () => {
    expect(guards).toContainEqual({ id: 'DISC-AMOUNT', path: '/post_discounts/*/amount' });
  });

  it.each(guards.map((g) => [g.path, g] as const))('no valid request sends %s', (_path, guard) => {
    const samples = fc.sample(validRequest(constraints), { seed: LAW_SEED, numRuns: lawRuns() });
    expect(samples.filter((r) => carries(r, guard.path))).toEqual([]);
    expect(samples.some((r) => carries(r, guard.path.split('/*')[0]!))).toBe(true);
  });

  it.each(guards.map((g) => [g.path, g] as const))('only permitted boundary cases send %s', (_path, guard) => {
    const cases = boundaryCases(constraints).filter((c) => carries(c.request, guard.path));
    expect(cases.filter((c) => !allowed(c.ruleId, guard)).map((c) => c.name)).toEqual([]);
    expect(cases.some((c) => c.ruleId === guard.id)).toBe(true);
  });

  it.each(guards.map((g) => [g.path, g] as const))(
    'only permitted or field-breaking invalid cases send %s',
    (_path, guard) => {
      const field = new RegExp(`^${guard.path.replace(/\*/g, '\\d+')}$`);
      const cases = invalidCases(constraints).filter((c) => carries(c.request, guard.path));
      const others = cases.filter((c) => !field.test(c.violation.pointer) && !allowed(c.violation.ruleId, guard));
      expect(others.map((c) => c.name)).toEqual([]);
      expect(cases.some((c) => c.violation.ruleId === guard.id)).toBe(true);
    },
  );

  it('lets only DECISION rules send a guarded field, and only a field some rule guards', () => {
    const senders = RULE_ENTRIES.filter(([, e]) => (e.sends?.length ?? 0) > 0);
    for (const [id, e] of senders) {
      expect(rule(id).basis).toBe('DECISION');
      for (const path of e.sends ?? []) expect(guards.map((g) => g.path)).toContain(path);
    }
  });

  it('catches a case that sends a guarded field without permission', () => {
    const request = { post_discounts: [{ name: 'a', description: 'b', amount: 1 }] };
    expect(carries(request, '/post_discounts/*/amount')).toBe(true);
    expect(carries({ post_discounts: [{ name: 'a' }] }, '/post_discounts/*/amount')).toBe(false);
    expect(allowed('RISK-CAP', { id: 'DISC-AMOUNT', path: '/post_discounts/*/amount' })).toBe(false);
  });
});
