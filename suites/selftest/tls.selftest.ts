import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startStandaloneMock, type StandaloneMock } from '../../mock';
import { runConformanceIn } from './runAgainstMock';

// `mock --tls` judged over HTTPS by `run --profile <data-dir>/profile.json` and nothing else: no
// NODE_EXTRA_CA_CERTS, no flag. The profile's tls.caPath is the whole trust, and every report says so.

jest.setTimeout(240_000);

describe('self-test: the suites against the mock over HTTPS', () => {
  let dir: string;
  let mock: StandaloneMock;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'payscore-tls-run-'));
    mock = await startStandaloneMock({ dataDir: join(dir, 'mock'), port: 0, tls: true });
  });
  afterAll(async () => {
    await mock.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('exits 0, and the JSON, Markdown and HTML reports name the CA file it was verified with', async () => {
    const reports = join(dir, 'reports');
    const run = await runConformanceIn(reports, ['--profile', mock.profilePath], { NODE_EXTRA_CA_CERTS: '' });
    expect(run.model.provenance.target.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    expect({ exitCode: run.exitCode, failed: run.model.summary.failed }).toEqual({ exitCode: 0, failed: 0 });
    const tls = `CA file ${join(dir, 'mock', 'ca.pem')} (sha256 `;
    expect(run.model.provenance.tls).toMatch(new RegExp(`^${tls.replace(/[()]/g, '\\$&')}[0-9a-f]{64}\\)$`));
    expect(readFileSync(join(reports, 'conformance-report.md'), 'utf8')).toContain(`- **TLS:** \`${tls}`);
    expect(readFileSync(join(reports, 'conformance-report.html'), 'utf8')).toContain(`<dt>TLS</dt><dd><code>${tls}`);
  });
});
