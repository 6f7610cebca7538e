import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { reportSchemaProblems } from '../judgement';
import { CLIENT_REPORT_FILES, SCENARIOS, scenarioOrder } from '../clientAudit';
import type { BoundIdentities } from '../specification';
import { mockCommand } from './mockCommand';
import { captureIo, tempDirs } from './testing/captureIo';

// `mock --audit DIR`: a merchant's own integration run (here: the reference driver, once as it is and once
// without a User-Agent) becomes a client report, on GET /__control/audit and when the mock stops.
const freshDir = tempDirs('payscore-mock-audit-');
const DRIVER = join(__dirname, '..', 'examples', 'clients', 'reference.js');
const run = promisify(execFile);

interface Report {
  summary: { failed: number };
  rows: Array<{ id: string; verdict: string }>;
}

describe('payscore-conformance mock --audit DIR', () => {
  it('judges every request by the client rules and writes the client report', async () => {
    const dir = freshDir();
    const auditDir = join(dir, 'audit');
    const abort = new AbortController();
    const c = captureIo();
    const argv = ['--port', '0', '--data-dir', join(dir, 'data'), '--quiet', '--helper-nice', '0', '--audit', auditDir];
    const running = mockCommand(argv, { ...c.io, signal: abort.signal });
    for (let i = 0; i < 100 && c.out.length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 100));
    const [, url, profilePath] = /listening on (\S+) — profile (\S+)/.exec(c.out[0] ?? '') ?? [];
    const profile = JSON.parse(readFileSync(profilePath ?? '', 'utf8')) as {
      identities: BoundIdentities;
      notifyUrl: string;
      riskFundCap: number;
    };
    const constraints = { ...profile, now: Date.now() };
    const genuine = SCENARIOS[0];
    if (genuine === undefined) throw new Error('no scenario');
    const orders = [1, 2].map((n) => {
      const file = join(dir, `order-${n}.json`);
      writeFileSync(file, JSON.stringify(scenarioOrder(genuine, constraints, 11 * n, n)));
      return file;
    });
    const env = { ...process.env, PAYSCORE_PROFILE: profilePath, PAYSCORE_BASE_URL: url };
    const lines = [
      await run('node', [DRIVER], { env: { ...env, PAYSCORE_ORDER: orders[0] } }),
      await run('node', [DRIVER, '--defect', 'no-user-agent'], { env: { ...env, PAYSCORE_ORDER: orders[1] } }),
    ].map((r) => JSON.parse(r.stdout) as { outcome: string });
    expect(lines.map((l) => l.outcome)).toEqual(['created', 'created']);

    const snapshot = (await (await fetch(`${url ?? ''}/__control/audit`)).json()) as {
      requests: number;
      summary: { failed: number };
    };
    expect([snapshot.requests, snapshot.summary.failed]).toEqual([2, 1]);

    abort.abort();
    expect(await running).toBe(0);
    const report = JSON.parse(readFileSync(join(auditDir, CLIENT_REPORT_FILES.json), 'utf8')) as Report;
    expect(report.rows.filter((r) => r.verdict === 'failed').map((r) => r.id)).toEqual(['CLIENT-USER-AGENT']);
    expect(report.rows.find((r) => r.id === 'CLIENT-SIGNATURE')?.verdict).toBe('passed');
    expect(reportSchemaProblems(report)).toEqual([]);
    expect(readFileSync(join(auditDir, CLIENT_REPORT_FILES.junit), 'utf8')).toContain('CLIENT-USER-AGENT');
  });

  it('refuses --audit with --workers (each process would see only its own requests), exit 2', async () => {
    const c = captureIo();
    expect(await mockCommand(['--workers', '2', '--audit', freshDir()], c.io)).toBe(2);
    expect(c.err.join('\n')).toContain('--audit');
  });
});
