import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// docs/callers.md "Real clients under the audit" states each real client's audit-client result as it is, failures
// included. This keeps that table true: the same command a merchant runs, the same failed rules.
jest.setTimeout(180_000);

const ROOT = join(__dirname, '..', '..');

/** What docs/callers.md says each driver fails in public-key mode (the default), and why. */
const EXPECTED: Record<string, { exit: number; failed: string[] }> = {
  // Our client/ plus the caller logic facts §10 asks of its user: every rule passes.
  'payscore-client.js': { exit: 0, failed: [] },
  // Verifies answers, but sends no Wechatpay-Serial, hands back any verified 200 whatever its state, and lets
  // a Wechatpay-Timestamp that is no number through (|now - NaN| > 300 is false).
  'wechatpay-axios-plugin.js': {
    exit: 1,
    failed: ['CLIENT-NO-CONFIRM-CREATED', 'CLIENT-VERIFY-TIMESTAMP', 'CLIENT-WECHATPAY-SERIAL'],
  },
  // Never verifies an answer: forged, probe, stale and unknown-serial 200s are all trusted.
  'wechatpay-node-v3.js': {
    exit: 1,
    failed: [
      'CLIENT-NO-CONFIRM-CREATED',
      'CLIENT-VERIFY-PROBE',
      'CLIENT-VERIFY-SERIAL',
      'CLIENT-VERIFY-SIGNATURE',
      'CLIENT-VERIFY-TIMESTAMP',
      'CLIENT-WECHATPAY-SERIAL',
    ],
  },
};

/** The CLI as a merchant runs it, in a child process (asynchronous: the three drivers run side by side). */
const exitOf = (args: string[]): Promise<number | null> =>
  new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: 'ignore', timeout: 170_000 });
    child.once('close', (code) => resolve(code));
  });

describe('docs/callers.md: the real clients under audit-client, as they are', () => {
  it.concurrent.each(Object.entries(EXPECTED))(
    '%s: exit %j, failing exactly the rules docs/callers.md names',
    async (driver, expected) => {
      const reports = mkdtempSync(join(tmpdir(), 'sdk-audit-'));
      try {
        const status = await exitOf([
          join(ROOT, 'bin', 'payscore-conformance.js'),
          'audit-client',
          '--quiet',
          '--reports',
          reports,
          '--',
          process.execPath,
          join(__dirname, driver),
        ]);
        const report = JSON.parse(readFileSync(join(reports, 'client-report.json'), 'utf8')) as {
          rows: { id: string; verdict: string }[];
        };
        const failed = report.rows.filter((r) => r.verdict === 'failed').map((r) => r.id);
        expect({ exit: status, failed: failed.sort() }).toEqual(expected);
        // docs/callers.md's row for this driver says the same: its exit code and every rule it fails.
        const row = readFileSync(join(ROOT, 'docs', 'callers.md'), 'utf8')
          .split('\n')
          .find((line) => line.startsWith(`| \`${driver}\``));
        expect(row).toContain(`exit ${expected.exit}`);
        for (const ruleId of expected.failed) expect(row).toContain(ruleId);
      } finally {
        rmSync(reports, { recursive: true, force: true });
      }
    },
  );
});
