import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isRuleId, ruleCatalogue, ruleReferences, specDocument } from '.';

const FACTS = join(__dirname, 'facts', 'create-order.md');
const SHARED_FACTS = join(__dirname, '..', '..', 'shared', 'spec', 'create-order.md');

/** Rule IDs as create-order.md writes them: hyphenated capitals (TYPE-* included), or a word before its basis. */
export function ruleIdsInFacts(text: string): string[] {
  const hyphenated = [...text.matchAll(/(?<![A-Za-z0-9_-])[A-Z]{2,}(?:(?:-[A-Z]+)+(?:-\*)?|-\*)(?![A-Za-z0-9_])/g)].map(
    (m) => m[0],
  );
  const beforeBasis = [...text.matchAll(/(?<![A-Za-z0-9_-])([A-Z][A-Z-]+)\s+\((?:SEED|SIBLING|DECISION)/g)].map(
    (m) => m[1] ?? '',
  );
  return [...new Set([...hyphenated, ...beforeBasis])].sort();
}

describe('the rule catalogue', () => {
  const catalogue = ruleCatalogue();
  const ids = new Set(catalogue.map((r) => r.id));
  const families = new Set(specDocument()['x-rule-families'].map((f) => f.id));

  it('contains every rule ID of create-order.md', () => {
    const inFacts = ruleIdsInFacts(readFileSync(FACTS, 'utf8'));
    expect(inFacts.length).toBeGreaterThan(40);
    expect(inFacts.filter((id) => !ids.has(id) && !families.has(id))).toEqual([]);
  });

  it('expands the TYPE-* family to one rule per request field', () => {
    const typeRules = catalogue.filter((r) => r.family === 'TYPE-*');
    expect(typeRules.map((r) => r.id)).toEqual(
      expect.arrayContaining(['TYPE-OUT-ORDER-NO', 'TYPE-RISK-FUND-AMOUNT', 'TYPE-POST-PAYMENTS-COUNT']),
    );
    expect(typeRules.every((r) => r.basis === 'SEED' && r.field !== undefined)).toBe(true);
  });

  it('has unique IDs, each with a basis, an enforcement and a text', () => {
    expect(ids.size).toBe(catalogue.length);
    for (const r of catalogue) {
      expect(['SEED', 'SIBLING', 'DECISION']).toContain(r.basis);
      expect(r.text.length).toBeGreaterThan(10);
    }
  });

  it('names only catalogued rules in the schema annotations', () => {
    expect(ruleReferences().filter((ref) => !isRuleId(ref.ruleId))).toEqual([]);
  });

  it('states the expected answer of every rule a request can break, with a catalogued code', () => {
    const codes = new Set(specDocument()['x-error-codes'].map((e) => e.code));
    for (const r of catalogue.filter((x) => x.expect !== undefined)) {
      for (const code of [...(r.expect?.codes ?? []), ...(r.foreign?.codes ?? [])]) expect(codes).toContain(code);
    }
  });

  it('gives every receiver rule (and only those) the answer expected from a notify_url, and no request expectation', () => {
    const receiver = catalogue.filter((r) => r.enforcement === 'receiver');
    expect(receiver.length).toBeGreaterThan(10);
    for (const r of receiver) {
      expect([r.id, r.receiverAnswer]).toEqual([r.id, expect.stringMatching(/^(accept|reject|in-time|fail-body)$/)]);
      expect(r.expect).toBeUndefined();
    }
    expect(catalogue.filter((r) => r.enforcement !== 'receiver' && r.receiverAnswer !== undefined)).toEqual([]);
  });

  it('keeps its copy of the facts identical to shared/ when shared/ is beside the checkout', () => {
    // A fresh clone outside the workplace has no shared/; the copy in specification/facts is then the reference.
    if (!existsSync(SHARED_FACTS)) return;
    expect(readFileSync(FACTS, 'utf8')).toBe(readFileSync(SHARED_FACTS, 'utf8'));
  });
});
