import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { loadOrInitDataDir, DATA_FILES } from './keys';
import { startStandaloneMock } from './index';
import {
  expectStatus,
  createMockWithFreshKeys,
  dataDirCaller,
  killNow,
  mockRequest,
  startStandaloneChild,
  tempDirs,
  validBody,
  type MockProfile,
} from './testing';

const dirs = tempDirs('payscore-mock-test-');
const freshDir = dirs.fresh;
afterAll(dirs.removeAll);

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
    const created = await mockRequest(dataDirCaller(dir, first.url), body);
    expectStatus(created, 200);
    await first.stop();
    const second = await startStandaloneMock({ dataDir: dir, port: 0 });
    const replay = await mockRequest(dataDirCaller(dir, second.url), body);
    expect(replay.json['order_id']).toBe(created.json['order_id']);
    await second.stop();
  });
});

describe('durability', () => {
  test('an acknowledged order survives kill -9 (WAL): restart, replay → the same order_id', async () => {
    const dir = freshDir();
    const first = await startStandaloneChild(dir);
    const body = validBody(loadOrInitDataDir(dir, 'public-key').identities);
    const created = await mockRequest(dataDirCaller(dir, first.url), body);
    expectStatus(created, 200);
    await killNow(first.child);
    const second = await startStandaloneChild(dir);
    try {
      const replay = await mockRequest(dataDirCaller(dir, second.url), body);
      expectStatus(replay, 200);
      expect(replay.json['order_id']).toBe(created.json['order_id']);
    } finally {
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
