// The notify profile: the target profile's format with a `receiver` section; every problem reported
// with its field and fix, the create-only fields optional.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateTestKeyPair, tempDir } from '../testing';
import { ProfileError, notifyProfileFromObject, profileFromObject, RECEIVER_URL_VAR, type ProfileProblem } from '.';

const dir = tempDir('payscore-notify-profile-');
generateTestKeyPair(dir, 'platform');
generateTestKeyPair(dir, 'cert');
writeFileSync(join(dir, 'apiv3_key.txt'), 'A'.repeat(32) + '\n');
writeFileSync(join(dir, 'short_key.txt'), 'A'.repeat(31));
const PUB_KEY_ID = 'PUB_KEY_ID_01142321349124100000000000000001';

const valid = () => ({
  mchid: '1230000109',
  identities: {
    service_id: '2002000000000558128851361561536',
    appid: 'wxd678efh567hg6787',
    sub_mchid: '1900000109',
    channel_id: '1230000109',
  },
  receiver: {
    url: 'http://127.0.0.1:9090/notify',
    apiV3KeyPath: 'apiv3_key.txt',
    platform: { privateKeyPath: 'platform_key.pem', serial: PUB_KEY_ID },
    migrationPlatform: { privateKeyPath: 'cert_key.pem', serial: '5157F3AD3B4E7D0F4E1B0C3A2D9E8F7A' },
  } as Record<string, unknown>,
});

function problemsOf(obj: unknown): ProfileProblem[] {
  try {
    notifyProfileFromObject(obj, { baseDir: dir, env: {} });
  } catch (e) {
    if (e instanceof ProfileError) return e.problems;
    throw e;
  }
  throw new Error('the profile loaded, problems were expected');
}

describe('the notify profile', () => {
  it('loads the receiver URL, the 32-byte APIv3 key and both signing keys; baseUrl and merchant keys are not needed', () => {
    const p = notifyProfileFromObject(valid(), { baseDir: dir, env: {} });
    expect(p).toMatchObject({
      receiverUrl: 'http://127.0.0.1:9090/notify',
      referenceReceiver: false,
      platform: { serial: PUB_KEY_ID },
    });
    expect(p.apiV3Key.toString('utf8')).toBe('A'.repeat(32));
    expect(p.migrationPlatform?.privateKey.asymmetricKeyType).toBe('rsa');
  });

  it(`lets ${RECEIVER_URL_VAR} override receiver.url`, () => {
    expect(
      notifyProfileFromObject(valid(), { baseDir: dir, env: { [RECEIVER_URL_VAR]: 'http://127.0.0.1:1/n' } })
        .receiverUrl,
    ).toBe('http://127.0.0.1:1/n');
  });

  it('names every problem at once: missing receiver fields, a bad serial, a short APIv3 key, a missing key file', () => {
    const bad = valid();
    bad.receiver = {
      url: 'ftp://x',
      apiV3KeyPath: 'short_key.txt',
      platform: { privateKeyPath: 'nope.pem', serial: 'bad serial' },
    };
    const fields = problemsOf(bad).map((p) => p.field);
    expect(fields).toEqual(
      expect.arrayContaining([
        'receiver.url',
        'receiver.platform.serial',
        'receiver.apiV3KeyPath',
        'receiver.platform.privateKeyPath',
      ]),
    );
    expect(problemsOf({ mchid: '1', identities: valid().identities }).map((p) => p.field)).toEqual(['receiver']);
  });

  it('is accepted, additively, inside a target profile read by `run`', () => {
    expect(() => profileFromObject({ ...valid(), receiver: { ...valid().receiver, extra: 1 } }, dir, {})).toThrow(
      /receiver\.extra: is not a profile field/,
    );
  });
});
