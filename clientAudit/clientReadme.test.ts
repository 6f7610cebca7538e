import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { clientRules, SCENARIOS } from '.';

// fastify's habit: the catalogues (client rules, scenarios, faulty drivers) and docs/callers.md agree, row for row.
const readme = readFileSync(join(__dirname, '..', 'docs', 'callers.md'), 'utf8');
const rows = (pattern: RegExp): string[][] => [...readme.matchAll(pattern)].map((m) => m.slice(1));
const { DEFECTS } = createRequire(__filename)(join(__dirname, '..', 'examples', 'clients', 'defects.js')) as {
  DEFECTS: Record<string, { rule: string; description: string }>;
};

describe('the caller audit and docs/callers.md agree', () => {
  it('lists every client rule with its basis and text, and no other', () => {
    const listed = rows(/^\| (CLIENT-[A-Z0-9-]+) \| (SEED|SIBLING|DECISION) \| (.+) \|$/gm);
    expect(listed.length).toBeGreaterThan(15);
    expect(listed).toEqual(clientRules().map((r) => [r.id, r.basis, r.text]));
  });

  it('lists every scenario with what the mock does and its rule', () => {
    expect(rows(/^\| `([a-z0-9-]+)` \| (.+) \| (CLIENT-[A-Z0-9-]+) \|$/gm)).toEqual(
      SCENARIOS.map((s) => [s.name, s.description, s.ruleId]),
    );
  });

  it('lists every faulty driver with its defect and the rule it fails under', () => {
    expect(rows(/^\| `--defect ([a-z0-9-]+)` \| (.+) \| (CLIENT-[A-Z0-9-]+) \|$/gm)).toEqual(
      Object.entries(DEFECTS).map(([name, d]) => [name, d.description, d.rule]),
    );
  });

  it('names a client rule in every scenario and defect', () => {
    const ids = new Set(clientRules().map((r) => r.id));
    expect(
      [...SCENARIOS.map((s) => s.ruleId), ...Object.values(DEFECTS).map((d) => d.rule)].filter((id) => !ids.has(id)),
    ).toEqual([]);
  });
});
