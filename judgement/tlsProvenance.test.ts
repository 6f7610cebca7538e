import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AUDIT_REPORT_FILES, reportSchemaProblems, writeAuditReport } from '.';

// How TLS was verified is part of where a report came from: every rendering names it, and the
// published schema holds it as plain words.
const TLS = 'TLS NOT verified (tls.insecure: true)';
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function reportWith(tls: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'payscore-tls-report-'));
  dirs.push(dir);
  mkdirSync(join(dir, 'evidence'));
  const run = {
    seed: 1,
    runs: 1,
    target: { url: 'https://staging.example', kind: 'foreign', description: 'https://staging.example' },
    keyIds: { mchid: '1230000109', merchantSerialNo: 'ABCDEF0123456789', platformSerial: 'PUB_KEY_ID_0123' },
    tls,
  };
  writeFileSync(join(dir, 'evidence', 'run.json'), JSON.stringify(run));
  writeFileSync(
    join(dir, 'evidence', 'x.jsonl'),
    JSON.stringify({
      testRuleId: 'OON-LENGTH',
      testTitle: 't',
      suite: 's',
      ruleId: 'OON-LENGTH',
      verdict: 'passed',
      exchanges: 1,
    }),
  );
  writeAuditReport(dir, {
    startedAt: '2026-12-01T09:00:00.000Z',
    finishedAt: '2026-12-01T09:00:01.000Z',
    commandLine: ['x'],
  });
  return dir;
}

test('the JSON, Markdown and HTML reports name how TLS was verified', () => {
  const dir = reportWith(TLS);
  const json = JSON.parse(readFileSync(join(dir, AUDIT_REPORT_FILES.json), 'utf8')) as { provenance: { tls?: string } };
  expect(json.provenance.tls).toBe(TLS);
  expect(reportSchemaProblems(json)).toEqual([]);
  expect(readFileSync(join(dir, AUDIT_REPORT_FILES.markdown), 'utf8')).toContain(`- **TLS:** \`${TLS}\``);
  expect(readFileSync(join(dir, AUDIT_REPORT_FILES.html), 'utf8')).toContain(`<dt>TLS</dt><dd><code>${TLS}</code>`);
});

test('the schema refuses an empty TLS statement', () => {
  const dir = reportWith('');
  const json = JSON.parse(readFileSync(join(dir, AUDIT_REPORT_FILES.json), 'utf8')) as unknown;
  expect(reportSchemaProblems(json).join('\n')).toContain('tls');
});
