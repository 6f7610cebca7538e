import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AUDIT_REPORT_FILES, readThrottling, reportSchemaProblems, writeAuditReport, type AuditModel } from '.';
import { FOREIGN_RUN, RUN_PROVENANCE } from './testing';

// Throttling (issue #20) is counted, never judged: the suite files' ledgers are summed into the
// report, which says how many answers were throttled and which tests were left not exercised.
const run = FOREIGN_RUN;
const provenance = RUN_PROVENANCE;

describe('throttling in the reports', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'payscore-throttled-'));
    mkdirSync(join(dir, 'evidence'));
    writeFileSync(join(dir, 'evidence', 'run.json'), JSON.stringify(run));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const ledger = (id: string, t: object) =>
    writeFileSync(join(dir, 'evidence', `throttling-${id}.json`), JSON.stringify(t));

  test('the ledgers of every suite file are summed, and the JSON report still matches its schema', () => {
    ledger('a', { answers: 3, waitedMs: 1200, notExercised: [] });
    ledger('b', { answers: 2, waitedMs: 300, notExercised: ['OON-LENGTH a test'] });
    expect(readThrottling([join(dir, 'evidence')])).toEqual({
      answers: 5,
      waitedMs: 1500,
      notExercised: ['OON-LENGTH a test'],
    });
    const model = writeAuditReport(dir, provenance);
    const json = JSON.parse(readFileSync(join(dir, AUDIT_REPORT_FILES.json), 'utf8')) as AuditModel;
    expect(reportSchemaProblems(json)).toEqual([]);
    expect(model.throttling?.answers).toBe(5);
    const md = readFileSync(join(dir, AUDIT_REPORT_FILES.markdown), 'utf8');
    expect(md).toContain('5 answer(s) throttled');
    expect(md).toContain('not exercised (throttled): OON-LENGTH a test');
    expect(readFileSync(join(dir, AUDIT_REPORT_FILES.html), 'utf8')).toContain(
      'not exercised (throttled): OON-LENGTH a test',
    );
  });

  test('a run nothing throttled has no throttling entry', () => {
    expect(writeAuditReport(dir, provenance).throttling).toBeUndefined();
  });
});
