import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startStandaloneMock } from '../../mock';
import { runCliAgainstMock } from './runAgainstMock';

// A server that answers everything with 404 speaks no part of this API: the run must say it does
// not conform (exit 1) and must not report any rule as passed for want of evidence.

jest.setTimeout(240_000);

describe('self-test: nothing passes against a server that is not the API', () => {
  let server: Server;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'payscore-not-api-'));
    // Real keys and identities from a mock's data directory; only the URL points elsewhere.
    const mock = await startStandaloneMock({ dataDir: dir, port: 0 });
    await mock.stop();
    server = createServer((_req, res) =>
      res.writeHead(404, { 'Content-Type': 'application/json' }).end('{"error":"nope"}'),
    );
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const profile = JSON.parse(readFileSync(mock.profilePath, 'utf8')) as Record<string, unknown>;
    delete profile['referenceMock'];
    profile['baseUrl'] = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    writeFileSync(join(dir, 'not-api.json'), JSON.stringify(profile));
  });
  afterAll(() => {
    server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('exits 1 and reports no rule as passed but SYSTEM-ERROR', async () => {
    const run = await runCliAgainstMock(['--profile', join(dir, 'not-api.json')]);
    expect(run.exitCode).toBe(1);
    // The one rule such a server does keep: it never answers a server error.
    expect(run.model.rows.filter((r) => r.verdict === 'passed').map((r) => r.id)).toEqual(['SYSTEM-ERROR']);
    expect(run.model.summary.failed).toBeGreaterThan(50);
  });
});
