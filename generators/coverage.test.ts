import { ruleCatalogue } from '../specification';
import { coverageProblems, currentCoverageInput } from './ruleCoverage';
import { defineRules, type RuleEntry } from './ruleEntry';

// Every schema or business rule of openapi.yaml has one generator entry (generators/rules/), which makes its
// mutations or says why it has none; rules between fields with edges say how combined edges are repaired.
const current = currentCoverageInput();
const without = (id: string) => ({ ...current, entries: current.entries.filter(([key]) => key !== id) });
/** The table with one entry changed. */
const changed = (id: string, change: (e: RuleEntry) => RuleEntry) => ({
  ...current,
  entries: current.entries.map(([key, e]) => [key, key === id ? change(e) : e] as const),
});

describe('generator coverage of the rule catalogue', () => {
  it('finds nothing wrong with the table', () => {
    expect(coverageProblems(current)).toEqual([]);
  });

  // One line per rule in JUnit: which rules the generators cover is part of what an auditor reads.
  const onBody = current.rules.filter((r) => r.enforcement === 'schema' || r.enforcement === 'business');
  it.each(onBody.map((r) => [r.id] as const))('%s has an entry that makes its mutations or says why not', (id) => {
    expect(coverageProblems(current).filter((p) => p.startsWith(`${id}:`))).toEqual([]);
  });

  it('fails a rule with no entry, naming it', () => {
    expect(coverageProblems({ ...without('RISK-CAP'), generated: new Set() })).toContain(
      'RISK-CAP: no entry in generators/rules/ (add one; notGeneratable says why it has no mutation)',
    );
    expect(coverageProblems(without('TYPE-*')).some((p) => p.startsWith('TYPE-ATTACH: no entry'))).toBe(true);
  });

  it('fails an entry with neither a mutation nor a reason, and a reason for a generated rule', () => {
    const { notGeneratable: _reason, ...silent } = current.entries.find(([id]) => id === 'EMPTY-ARRAYS-OK')![1];
    expect(coverageProblems(changed('EMPTY-ARRAYS-OK', () => silent))).toContain(
      'EMPTY-ARRAYS-OK: no mutation, and its entry gives no notGeneratable reason',
    );
    expect(coverageProblems(changed('RISK-CAP', (e) => ({ ...e, notGeneratable: 'x' })))).toContain(
      'RISK-CAP: has mutations, yet its entry says notGeneratable',
    );
  });

  it('fails edges between fields with no repair, and a guarded field sent by a SEED or SIBLING rule', () => {
    const broken = changed('RISK-CAP', ({ repair: _repair, ...e }) => ({ ...e, sends: ['/post_discounts/*/amount'] }));
    expect(coverageProblems(broken)).toEqual([
      'RISK-CAP: ties fields together and has edges, but no repair (or { none: why })',
      'RISK-CAP: sends a guarded field, but is SIBLING; only DECISION rules may',
    ]);
  });

  it('fails an entry for a rule the generators cannot make', () => {
    const extra = [...current.entries, ['AUTH-SIGNATURE', {}] as const];
    expect(coverageProblems({ ...current, entries: extra })).toContain(
      'AUTH-SIGNATURE: an entry for a protocol rule (generators make request bodies only)',
    );
  });

  it('refuses, when an area loads, a key that is no rule of the catalogue', () => {
    expect(() => defineRules('demo', { 'RISK-CAPP': {} })).toThrow(/demo\.ts: RISK-CAPP is no rule/);
    expect(ruleCatalogue().length).toBeGreaterThan(0);
  });
});
