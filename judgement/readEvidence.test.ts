import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readEvidence } from './auditModel';

// Shards written before the one Verdict union recorded fail / warn / info; `report merge` must rank them the same.
describe('readEvidence', () => {
  const dir = mkdtempSync(join(tmpdir(), 'payscore-evidence-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads the earlier verdict words as the current ones, and the current ones unchanged', () => {
    const record = (verdict: string) =>
      JSON.stringify({ testRuleId: 'R', testTitle: 't', suite: 's', ruleId: 'R', verdict, exchanges: 1 });
    writeFileSync(join(dir, 'a.jsonl'), ['fail', 'warn', 'info', 'passed', 'failed'].map(record).join('\n'));
    expect(readEvidence(dir).map((r) => r.verdict)).toEqual(['failed', 'warning', 'informational', 'passed', 'failed']);
  });
});
