import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { VERDICTS } from './verdict';
import {
  AUDIT_REPORT_FILES,
  MANIFEST_FILE,
  REPORT_SCHEMA_PATH,
  reportSchemaProblems,
  sha256,
  writeAuditReport,
  type Manifest,
} from '.';
import { FOREIGN_RUN, RUN_PROVENANCE } from './testing';

// The JSON report is an interface for auditors' tooling: it must match the schema the package
// publishes, for a passing run and for a failing one alike (the suites' self-test validates real runs).
const run = FOREIGN_RUN;
const provenance = RUN_PROVENANCE;
const record = (ruleId: string, verdict: string, extra: object = {}) => ({
  testRuleId: ruleId,
  testTitle: `${ruleId} test`,
  suite: 'x.suite.ts',
  ruleId,
  verdict,
  exchanges: 3,
  ...extra,
});

function reportOf(records: object[]): { dir: string; json: unknown } {
  const dir = mkdtempSync(join(tmpdir(), 'payscore-report-'));
  mkdirSync(join(dir, 'evidence'));
  writeFileSync(join(dir, 'evidence', 'run.json'), JSON.stringify(run));
  writeFileSync(join(dir, 'evidence', 'x.jsonl'), records.map((r) => JSON.stringify(r)).join('\n'));
  writeAuditReport(dir, provenance);
  return { dir, json: JSON.parse(readFileSync(join(dir, AUDIT_REPORT_FILES.json), 'utf8')) };
}

describe('conformance-report.json and its published JSON Schema', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('a passing and a failing report both conform', () => {
    const passing = reportOf([record('OON-LENGTH', 'passed')]);
    const failing = reportOf([
      record('OON-LENGTH', 'failed', {
        detail: 'OON-LENGTH [SEED] failed',
        caseFile: 'cases/OON-LENGTH-0123456789ab.json',
        failedExchanges: 2,
      }),
      record('RESP-ECHO', 'informational', { detail: 'x' }),
    ]);
    dirs.push(passing.dir, failing.dir);
    expect(reportSchemaProblems(passing.json)).toEqual([]);
    expect(reportSchemaProblems(failing.json)).toEqual([]);
    const row = (failing.json as { rows: Array<{ id: string; verdict: string; exchanges: object }> }).rows.find(
      (r) => r.id === 'OON-LENGTH',
    );
    expect(row).toMatchObject({ verdict: 'failed', exchanges: { judged: 3, failed: 2 } });
  });

  it('rejects a report with key material in place of a key id, or an unknown verdict', () => {
    const { dir, json } = reportOf([record('OON-LENGTH', 'passed')]);
    dirs.push(dir);
    const report = json as { provenance: { keyIds: { platformSerial: string } }; rows: Array<{ verdict: string }> };
    report.provenance.keyIds.platformSerial = '-----BEGIN PUBLIC KEY-----';
    report.rows[0]!.verdict = 'probably fine';
    expect(reportSchemaProblems(report).length).toBeGreaterThanOrEqual(2);
  });

  it('manifest.json holds the SHA-256 of every report file', () => {
    const { dir } = reportOf([record('OON-LENGTH', 'passed')]);
    dirs.push(dir);
    const manifest = JSON.parse(readFileSync(join(dir, MANIFEST_FILE), 'utf8')) as Manifest;
    expect(Object.keys(manifest.files)).toEqual(
      expect.arrayContaining([AUDIT_REPORT_FILES.html, AUDIT_REPORT_FILES.json, 'evidence/run.json']),
    );
    for (const [file, digest] of Object.entries(manifest.files))
      expect(sha256(readFileSync(join(dir, file)))).toBe(digest);
  });
});

test('the schema publishes exactly the values of the one Verdict union, so no seam translates them', () => {
  const schema = JSON.parse(readFileSync(REPORT_SCHEMA_PATH, 'utf8')) as { $defs: { verdict: { enum: string[] } } };
  expect([...schema.$defs.verdict.enum].sort()).toEqual([...VERDICTS].sort());
});
