import { exec } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { runChecks } from '../checks';
import { createClient, loadProfile } from '../client';
import { startStandaloneMock, type StandaloneMock } from '../mock';
import { validBody } from '../mock/testing';
import { replayCase, runOptionsFromEnv, writeCaseFile } from '../suites';
import { replayCommand } from './replayCommand';

const run = promisify(exec);
const TEN_MINUTES = 10 * 60 * 1000;

// A failure recorded now must still reproduce ten minutes later, when the recorded signature (and so
// the curl line) has expired: `replay` re-signs with a fresh timestamp and nonce. The mock speaks HTTPS
// (--tls): the curl line and replay both trust the CA its profile names, with no extra environment.
describe('payscore-conformance replay', () => {
  let dir: string;
  let mock: StandaloneMock;
  let skew = 0;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'payscore-replay-'));
    mock = await startStandaloneMock({
      dataDir: join(dir, 'mock'),
      port: 0,
      faults: ['accept-long-out-order-no'],
      tls: true,
      wallClock: () => Date.now() + skew,
    });
  });
  afterAll(async () => {
    await mock.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('reproduces a failure ten minutes later, when the curl line is refused as stale', async () => {
    const profile = loadProfile(mock.profilePath, {});
    const client = createClient(profile);
    const body = validBody(mock.profile.identities, { out_order_no: 'A'.repeat(33) });
    const exchange = await client.createOrder(body);
    client.close();
    const ctx = {
      expectation: { kind: 'reject', ruleId: 'OON-LENGTH' } as const,
      mchid: profile.mchid,
      targetKind: 'mock' as const,
      now: Date.now(),
      sentBody: body,
    };
    const failure = runChecks(exchange, ctx)
      .flatMap((o) => o.failures)
      .find((f) => f.ruleId === 'OON-LENGTH');
    expect(failure).toBeDefined();
    const options = { ...runOptionsFromEnv({}), reportsDir: join(dir, 'reports') };
    const repro = writeCaseFile(
      { options, profile, kind: 'mock', test: 'OON-LENGTH test', index: 0, request: exchange.request, ctx },
      failure!,
    );

    skew = TEN_MINUTES;
    const { stdout } = await run(repro.curl, { shell: '/bin/bash' });
    expect(repro.curl).toContain(`--cacert '${join(dir, 'mock', 'ca.pem')}'`);
    expect(stdout).toMatch(/^HTTP\/1\.1 401/);

    const replayed = await replayCase(join(options.reportsDir, repro.caseFile), {
      profilePath: mock.profilePath,
      clock: () => Date.now() + skew,
    });
    expect(replayed.exchange.response?.status).toBe(200);
    expect(replayed.reproduced).toBe(true);
    expect(replayed.failures.map((f) => f.verdict)).toContain('failed');
  });

  it('refuses to re-sign a case whose defect is its Authorization header (a fresh signature would repair it)', async () => {
    const profile = loadProfile(mock.profilePath, {});
    const client = createClient(profile);
    const exchange = await client.send({
      body: JSON.stringify(validBody(mock.profile.identities)),
      sign: { signatureOverride: 'AAAA' },
    });
    client.close();
    const ctx = {
      expectation: { kind: 'reject', ruleId: 'AUTH-SIGNATURE' } as const,
      mchid: profile.mchid,
      targetKind: 'mock' as const,
      now: Date.now(),
    };
    const failure = {
      check: 'auth_enforcement' as const,
      ruleId: 'AUTH-SIGNATURE',
      basis: 'SEED' as const,
      seen: 'accepted a bad signature',
    };
    const options = { ...runOptionsFromEnv({}), reportsDir: join(dir, 'reports-auth') };
    const repro = writeCaseFile(
      { options, profile, kind: 'mock', test: 'AUTH-SIGNATURE test', index: 0, request: exchange.request, ctx },
      failure,
    );
    expect(repro.replay).toBeUndefined();
    const errors: string[] = [];
    const spy = jest.spyOn(console, 'error').mockImplementation((line: string) => {
      errors.push(line);
    });
    try {
      expect(
        await replayCommand([join(options.reportsDir, repro.caseFile), '--profile', mock.profilePath], () => undefined),
      ).toBe(2);
    } finally {
      spy.mockRestore();
    }
    expect(errors.join('\n')).toContain('through its Authorization header');
  });

  it('names a missing file, a foreign file and a bad flag, exiting 2', async () => {
    const lines: string[] = [];
    const out = (l: string) => lines.push(l);
    expect(await replayCommand([join(dir, 'nope.json'), '--profile', mock.profilePath], out)).toBe(2);
    writeFileSync(join(dir, 'other.json'), '{"format":"something else"}');
    expect(await replayCommand([join(dir, 'other.json')], out)).toBe(2);
    expect(await replayCommand(['--bogus'], out)).toBe(2);
    expect(await replayCommand([], out)).toBe(2);
    expect(await replayCommand(['--help'], out)).toBe(0);
    expect(lines.join('\n')).toContain('--profile FILE');
  });
});
