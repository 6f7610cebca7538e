import { newNonce } from '../apiv3';
import { loadOrInitDataDir } from './keys';
import { startStandaloneMock } from './index';
import {
  dataDirCaller,
  killNow,
  mockRequest,
  sqliteOrderStore,
  startStandaloneChild,
  tempDirs,
  validBody,
} from './testing';

// AUTH-NONCE-DURABLE: the nonces of AUTH-NONCE-REPLAY live in SQLite with the orders, so the same
// signed bytes are refused after a restart and after a kill -9.
const dirs = tempDirs('payscore-nonce-test-');
const freshDir = dirs.fresh;
afterAll(dirs.removeAll);

/** One signed request, replayable byte for byte (same body, nonce and timestamp: RSA PKCS#1 v1.5 signs deterministically). */
function replayable(dataDir: string) {
  const body = validBody(loadOrInitDataDir(dataDir, 'public-key').identities);
  const options = { nonce: newNonce(), timestamp: Math.floor(Date.now() / 1000) };
  return (url: string) => mockRequest(dataDirCaller(dataDir, url), body, options);
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
    const first = await startStandaloneChild(dir);
    expect((await send(first.url)).status).toBe(200);
    await killNow(first.child);
    const second = await startStandaloneChild(dir);
    try {
      const replay = await send(second.url);
      expect([replay.status, replay.json['code']]).toEqual([401, 'SIGN_ERROR']);
    } finally {
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
