import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { configFromMaterial, loadOrInitDataDir, DATA_FILES } from './keys';
import { startStandaloneMock, createMockWithFreshKeys, type MockProfile } from './index';
import type { FreshMock } from './freshMock';
import { mockRequest, validBody } from './testing';

const dirs: string[] = [];
const freshDir = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'payscore-mock-test-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A FreshMock-shaped caller view of a data directory, for mockRequest. */
function callerOf(dataDir: string, baseUrl: string): FreshMock {
  const material = loadOrInitDataDir(dataDir, 'public-key');
  const config = { riskFundCap: 500_000, ...configFromMaterial(material, 'public-key') };
  return {
    config, material, profile: { baseUrl } as MockProfile,
    keys: { merchantSerialNo: material.merchant.serialNo, merchantPrivateKey: material.merchant.privateKeyPem } as FreshMock['keys'],
  } as FreshMock;
}

describe('the data directory (keys and profile)', () => {
  test('first start writes keys (private ones 0600) and a profile pointing at the server; later starts reuse them', async () => {
    const dir = freshDir();
    const first = await startStandaloneMock({ dataDir: dir, port: 0 });
    const profile = JSON.parse(readFileSync(first.profilePath, 'utf8')) as MockProfile;
    expect(profile.baseUrl).toBe(first.url);
    expect(profile.merchant.privateKeyPath).toBe(DATA_FILES.merchantKey);
    expect(profile.platform.serial).toMatch(/^PUB_KEY_ID_\d{32}$/);
    expect(statSync(join(dir, DATA_FILES.merchantKey)).mode & 0o777).toBe(0o600);
    expect(statSync(join(dir, DATA_FILES.platformKey)).mode & 0o777).toBe(0o600);
    expect(statSync(join(dir, DATA_FILES.apiV3Key)).mode & 0o777).toBe(0o600);
    await first.stop();
    const second = await startStandaloneMock({ dataDir: dir, port: 0 });
    expect(second.profile.merchant.serialNo).toBe(profile.merchant.serialNo);
    expect(second.profile.platform.serial).toBe(profile.platform.serial);
    expect(second.profile.identities).toEqual(profile.identities);
    await second.stop();
  });

  test('restart: create, close, reopen the same data dir, replay → the same order_id', async () => {
    const dir = freshDir();
    const first = await startStandaloneMock({ dataDir: dir, port: 0 });
    const body = validBody(first.profile.identities);
    const created = await mockRequest(callerOf(dir, first.url), body);
    expect(created.status).toBe(200);
    await first.stop();
    const second = await startStandaloneMock({ dataDir: dir, port: 0 });
    const replay = await mockRequest(callerOf(dir, second.url), body);
    expect(replay.json['order_id']).toBe(created.json['order_id']);
    await second.stop();
  });
});

function startChild(dir: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', join(__dirname, 'standaloneMain.ts'), dir], { cwd: join(__dirname, '..'), stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the mock exited early with ${code}`)));
    createInterface({ input: child.stdout! }).once('line', (line) => resolve({ child, url: (JSON.parse(line) as { url: string }).url }));
  });
}

describe('durability', () => {
  test('an acknowledged order survives kill -9 (WAL): restart, replay → the same order_id', async () => {
    const dir = freshDir();
    const first = await startChild(dir);
    const body = validBody(loadOrInitDataDir(dir, 'public-key').identities);
    const created = await mockRequest(callerOf(dir, first.url), body);
    expect(created.status).toBe(200);
    first.child.removeAllListeners('exit');
    const exited = new Promise((resolve) => first.child.once('exit', resolve));
    process.kill(first.child.pid!, 'SIGKILL');
    await exited;
    const second = await startChild(dir);
    try {
      const replay = await mockRequest(callerOf(dir, second.url), body);
      expect(replay.status).toBe(200);
      expect(replay.json['order_id']).toBe(created.json['order_id']);
    } finally {
      second.child.removeAllListeners('exit');
      second.child.kill('SIGTERM');
    }
  }, 30_000);

  test('50 parallel identical creates yield one order and identical answers', async () => {
    const mock = createMockWithFreshKeys();
    await mock.listen();
    try {
      const body = validBody(mock.config.identities, { need_user_confirm: true });
      const answers = await Promise.all(Array.from({ length: 50 }, () => mockRequest(mock, body)));
      expect(answers.every((a) => a.status === 200)).toBe(true);
      expect(new Set(answers.map((a) => a.raw.toString('utf8'))).size).toBe(1);
      expect(mock.server.store.count()).toBe(1);
    } finally {
      await mock.server.stop();
    }
  });
});
