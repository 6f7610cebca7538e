import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { newNonce } from '../client/signing';
import { configFromMaterial, loadOrInitDataDir } from './keys';
import { sqliteOrderStore, startStandaloneMock, type FreshMock, type MockProfile } from './index';
import { mockRequest, validBody } from './testing';

// AUTH-NONCE-DURABLE: the nonces of AUTH-NONCE-REPLAY live in SQLite with the orders, so the same
// signed bytes are refused after a restart and after a kill -9.
const dirs: string[] = [];
const freshDir = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'payscore-nonce-test-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function callerOf(dataDir: string, baseUrl: string): FreshMock {
  const material = loadOrInitDataDir(dataDir, 'public-key');
  return {
    config: { riskFundCap: 500_000, ...configFromMaterial(material, 'public-key') }, material, profile: { baseUrl } as MockProfile,
    keys: { merchantSerialNo: material.merchant.serialNo, merchantPrivateKey: material.merchant.privateKeyPem } as FreshMock['keys'],
  } as FreshMock;
}

/** One signed request, replayable byte for byte (same body, nonce and timestamp: RSA PKCS#1 v1.5 signs deterministically). */
function replayable(dataDir: string) {
  const body = validBody(loadOrInitDataDir(dataDir, 'public-key').identities);
  const options = { nonce: newNonce(), timestamp: Math.floor(Date.now() / 1000) };
  return (url: string) => mockRequest(callerOf(dataDir, url), body, options);
}

function startChild(dir: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', join(__dirname, 'standaloneMain.ts'), dir], { cwd: join(__dirname, '..'), stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the mock exited early with ${code}`)));
    createInterface({ input: child.stdout! }).once('line', (line) => resolve({ child, url: (JSON.parse(line) as { url: string }).url }));
  });
}

describe('nonce replay is refused across restarts (AUTH-NONCE-DURABLE)', () => {
  test('stop, start on the same data dir, send the same bytes → 401 SIGN_ERROR', async () => {
    const dir = freshDir();
    const send = replayable(dir);
    const first = await startStandaloneMock({ dataDir: dir, port: 0 });
    expect((await send(first.url)).status).toBe(200);
    await first.stop();
    const second = await startStandaloneMock({ dataDir: dir, port: 0 });
    try {
      const replay = await send(second.url);
      expect([replay.status, replay.json['code']]).toEqual([401, 'SIGN_ERROR']);
      expect(String(replay.json['message'])).toContain('AUTH-NONCE-REPLAY');
    } finally {
      await second.stop();
    }
  });

  test('kill -9 right after the 200, restart, send the same bytes → 401 SIGN_ERROR', async () => {
    const dir = freshDir();
    const send = replayable(dir);
    const first = await startChild(dir);
    expect((await send(first.url)).status).toBe(200);
    first.child.removeAllListeners('exit');
    const exited = new Promise((resolve) => first.child.once('exit', resolve));
    process.kill(first.child.pid!, 'SIGKILL');
    await exited;
    const second = await startChild(dir);
    try {
      const replay = await send(second.url);
      expect([replay.status, replay.json['code']]).toEqual([401, 'SIGN_ERROR']);
    } finally {
      second.child.removeAllListeners('exit');
      second.child.kill('SIGTERM');
    }
  }, 30_000);
});

describe('the store keeps a nonce for the retention time', () => {
  test('seen within it is a replay, after it new again; reset forgets', () => {
    const store = sqliteOrderStore();
    const retention = 600_000;
    expect(store.rememberNonce('m', 'n', 1_000, retention)).toBe(false);
    expect(store.rememberNonce('m', 'n', 1_000 + retention, retention)).toBe(true);
    expect(store.rememberNonce('other', 'n', 2_000, retention)).toBe(false);
    expect(store.rememberNonce('m', 'n', 1_001 + retention, retention)).toBe(false);
    expect(store.rememberNonce('m', 'n', 1_002 + retention, retention)).toBe(true);
    expect(store.forgetNoncesBefore(3_000)).toBe(1);
    store.reset();
    expect(store.rememberNonce('m', 'n', 1_002 + retention, retention)).toBe(false);
    store.close();
  });
});
