// The target profile loader: a valid profile in both key modes, the environment overrides, and
// each kind of problem reported with its field and fix — all of them at once.
import { generateKeyPairSync } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ruleCatalogue } from '../../specification';
import { generateTestKeyPair, selfSignedCertificate, tempDir } from '../testing';
import { ProfileError, loadProfile, profileFromObject, type ProfileProblem } from '.';

const dir = tempDir('payscore-profile-');
const merchant = generateTestKeyPair(dir, 'merchant');
const platform = generateTestKeyPair(dir, 'platform');
generateTestKeyPair(dir, 'stranger'); // stranger_pub.pem: a key that matches nothing
generateTestKeyPair(dir, 'small', 1024); // small_key.pem, small_pub.pem: RSA-1024
const CERT_SERIAL = '5157F3AD3B4E7D0F4E1B0C3A2D9E8F7A';
const certificatePath = selfSignedCertificate(dir, platform.privatePath, CERT_SERIAL);
writeFileSync(
  join(dir, 'ec_key.pem'),
  generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'pkcs8', format: 'pem' }),
);
writeFileSync(join(dir, 'not_pem.txt'), 'MIIEvQIBADANBgkqhkiG9w0BAQEFAASC (base64 without PEM armour)');
const PUB_KEY_ID = 'PUB_KEY_ID_01142321349124100000000000000001';

const valid = () => ({
  baseUrl: 'http://127.0.0.1:8080',
  mchid: '1230000109',
  merchant: {
    serialNo: '1DDE55AD98ED71D6EDD4A4A16996DE7B47773A8C',
    privateKeyPath: 'merchant_key.pem',
    publicKeyPath: 'merchant_pub.pem',
  },
  platform: { serial: PUB_KEY_ID, publicKeyPath: 'platform_pub.pem' } as Record<string, string>,
  identities: {
    service_id: '2002000000000558128851361561536',
    appid: 'wxd678efh567hg6787',
    sub_mchid: '1900000109',
    channel_id: '1230000109',
    openid: 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o',
  },
  notifyUrl: 'https://merchant.example/notify',
  riskFundCap: 500000,
});

/** The problems a profile object raises (fails the test when it loads). */
function problemsOf(obj: unknown, env: NodeJS.ProcessEnv = {}): ProfileProblem[] {
  try {
    profileFromObject(obj, dir, env);
  } catch (e) {
    if (e instanceof ProfileError) return e.problems;
    throw e;
  }
  throw new Error('the profile loaded, problems were expected');
}

test('a valid public-key-mode profile loads with parsed keys and its raw fields', () => {
  const loaded = profileFromObject(valid(), dir, {});
  expect(loaded).toMatchObject({
    mode: 'public-key',
    platformSerial: PUB_KEY_ID,
    mchid: '1230000109',
    riskFundCap: 500000,
    downgrade: [],
    baseDir: dir,
  });
  expect(loaded.platformPublicKey.equals(platform.publicKey)).toBe(true);
  expect(loaded.merchantPrivateKey.equals(merchant.privateKey)).toBe(true);
  expect(loaded.merchantPublicKey.equals(merchant.publicKey)).toBe(true);
});

test('certificate mode reads the serial and public key from the X.509 certificate', () => {
  const loaded = profileFromObject({ ...valid(), platform: { certificatePath: 'platform_cert.pem' } }, dir, {});
  expect(loaded).toMatchObject({ mode: 'certificate', platformSerial: CERT_SERIAL });
  expect(loaded.platformPublicKey.equals(platform.publicKey)).toBe(true);
  expect(certificatePath).toBe(join(dir, 'platform_cert.pem'));
});

test('PAYSCORE_PROFILE names the file, paths resolve against its folder, PAYSCORE_TARGET_URL overrides baseUrl', () => {
  const file = join(dir, 'profile.json');
  writeFileSync(file, JSON.stringify({ ...valid(), downgrade: ['RISK-CAP'], timeoutMs: 2500 }));
  const loaded = loadProfile(undefined, { PAYSCORE_PROFILE: file, PAYSCORE_TARGET_URL: 'http://127.0.0.1:9999' });
  expect(loaded).toMatchObject({
    baseUrl: 'http://127.0.0.1:9999',
    downgrade: ['RISK-CAP'],
    timeoutMs: 2500,
    sourcePath: file,
  });
});

const PROBLEMS: Array<[string, (p: ReturnType<typeof valid>) => unknown, ProfileProblem]> = [
  [
    'a key file that is missing',
    (p) => ({ ...p, merchant: { ...p.merchant, privateKeyPath: 'nowhere.pem' } }),
    {
      field: 'merchant.privateKeyPath',
      problem: `file missing: ${join(dir, 'nowhere.pem')}`,
      fix: expect.stringContaining(`relative to the profile folder ${dir}`) as string,
    },
  ],
  [
    'a key file that is not PEM',
    (p) => ({ ...p, merchant: { ...p.merchant, privateKeyPath: 'not_pem.txt' } }),
    {
      field: 'merchant.privateKeyPath',
      problem: expect.stringContaining('is not PEM') as string,
      fix: expect.stringContaining('PEM form') as string,
    },
  ],
  [
    'an RSA-1024 private key',
    (p) => ({ ...p, merchant: { serialNo: p.merchant.serialNo, privateKeyPath: 'small_key.pem' } }),
    {
      field: 'merchant.privateKeyPath',
      problem: 'the private key is RSA-1024, not RSA-2048',
      fix: expect.stringContaining('RSA 2048') as string,
    },
  ],
  [
    'an EC private key',
    (p) => ({ ...p, merchant: { serialNo: p.merchant.serialNo, privateKeyPath: 'ec_key.pem' } }),
    {
      field: 'merchant.privateKeyPath',
      problem: 'the private key is a ec key, not RSA',
      fix: expect.any(String) as string,
    },
  ],
  [
    'an RSA-1024 platform public key',
    (p) => ({ ...p, platform: { ...p.platform, publicKeyPath: 'small_pub.pem' } }),
    {
      field: 'platform.publicKeyPath',
      problem: 'the public key is RSA-1024, not RSA-2048',
      fix: expect.any(String) as string,
    },
  ],
  [
    'a private key where the platform public key belongs',
    (p) => ({ ...p, platform: { ...p.platform, publicKeyPath: 'platform_key.pem' } }),
    {
      field: 'platform.publicKeyPath',
      problem: 'the file holds a private key, not a public key',
      fix: expect.any(String) as string,
    },
  ],
  [
    'a merchant public key that does not match the private key',
    (p) => ({ ...p, merchant: { ...p.merchant, publicKeyPath: 'stranger_pub.pem' } }),
    {
      field: 'merchant.publicKeyPath',
      problem: 'does not match the private key of merchant.privateKeyPath',
      fix: expect.stringContaining('openssl pkey') as string,
    },
  ],
  [
    'a merchant serial that is not hex 8..40',
    (p) => ({ ...p, merchant: { ...p.merchant, serialNo: 'XYZ-123' } }),
    {
      field: 'merchant.serialNo',
      problem: expect.stringContaining('wrong shape') as string,
      fix: expect.stringContaining('hex of 8 to 40 characters') as string,
    },
  ],
  [
    'a platform serial of the wrong shape',
    (p) => ({ ...p, platform: { ...p.platform, serial: 'PUB_KEY_ID_12345' } }),
    {
      field: 'platform.serial',
      problem: expect.stringContaining('wrong shape') as string,
      fix: expect.stringContaining('"PUB_KEY_ID_" + 32 digits') as string,
    },
  ],
  [
    'a platform serial missing in public-key mode',
    (p) => ({ ...p, platform: { publicKeyPath: 'platform_pub.pem' } }),
    { field: 'platform.serial', problem: 'is missing in public-key mode', fix: expect.any(String) as string },
  ],
  [
    'both key modes at once',
    (p) => ({ ...p, platform: { ...p.platform, certificatePath: 'platform_cert.pem' } }),
    { field: 'platform', problem: 'names both publicKeyPath and certificatePath', fix: expect.any(String) as string },
  ],
  [
    "a serial that is not the certificate's",
    (p) => ({ ...p, platform: { serial: 'ABCDEF0123', certificatePath: 'platform_cert.pem' } }),
    {
      field: 'platform.serial',
      problem: `ABCDEF0123 is not the certificate's serial ${CERT_SERIAL}`,
      fix: expect.any(String) as string,
    },
  ],
  [
    'a certificate file that holds a key',
    (p) => ({ ...p, platform: { certificatePath: 'platform_pub.pem' } }),
    {
      field: 'platform.certificatePath',
      problem: expect.stringContaining('not a readable X.509 certificate') as string,
      fix: expect.any(String) as string,
    },
  ],
  [
    'a downgrade of an unknown rule id',
    (p) => ({ ...p, downgrade: ['RISK-CAP', 'NO-SUCH-RULE'] }),
    { field: 'downgrade[1]', problem: 'NO-SUCH-RULE is not a rule id', fix: expect.any(String) as string },
  ],
  [
    'a missing required field',
    (p) => ({ ...p, notifyUrl: undefined }),
    { field: 'notifyUrl', problem: 'is missing', fix: 'add "notifyUrl"' },
  ],
  [
    'a misspelt field',
    (p) => ({ ...p, notifyURL: 'https://x.example/' }),
    { field: 'notifyURL', problem: 'is not a profile field', fix: 'remove it or correct its spelling' },
  ],
  [
    'an identity longer than the request field allows',
    (p) => ({ ...p, identities: { ...p.identities, appid: 'w'.repeat(33) } }),
    { field: 'identities.appid', problem: 'must NOT have more than 32 characters', fix: expect.any(String) as string },
  ],
];

test.each(PROBLEMS)('%s is reported with its field and fix', (_name, change, expected) => {
  expect(problemsOf(change(valid()))).toEqual([expected]);
});

test('a SEED or DECISION rule cannot be downgraded', () => {
  const seedRule = ruleCatalogue().find((r) => r.basis === 'SEED')?.id ?? 'no SEED rule';
  const problems = problemsOf({ ...valid(), downgrade: [seedRule] });
  expect(problems).toHaveLength(1);
  expect(problems[0]?.field).toBe('downgrade[0]');
  expect(problems[0]?.fix).toContain('only SIBLING rules');
});

test('every problem is reported at once, and the message lists them all', () => {
  const p = valid();
  const broken = {
    ...p,
    mchid: 'abc',
    merchant: { serialNo: 'zz', privateKeyPath: 'nowhere.pem' },
    platform: { serial: PUB_KEY_ID, publicKeyPath: 'small_pub.pem' },
    extra: 1,
  };
  let error: unknown;
  try {
    profileFromObject(broken, dir, { PAYSCORE_TARGET_URL: 'not a url' });
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(ProfileError);
  const fields = (error as ProfileError).problems.map((x) => x.field).sort();
  expect(fields).toEqual([
    'baseUrl (from PAYSCORE_TARGET_URL)',
    'extra',
    'mchid',
    'merchant.privateKeyPath',
    'merchant.serialNo',
    'platform.publicKeyPath',
  ]);
  expect((error as ProfileError).message).toContain('has 6 problems');
  for (const field of fields) expect((error as ProfileError).message).toContain(`${field}: `);
});

test('a profile file that is missing or not JSON is a ProfileError, and so is no file at all', () => {
  expect(() => loadProfile(join(dir, 'absent.json'), {})).toThrow(/file missing/);
  writeFileSync(join(dir, 'broken.json'), '{ "baseUrl": ');
  expect(() => loadProfile(join(dir, 'broken.json'), {})).toThrow(/not JSON/);
  expect(() => loadProfile(undefined, {})).toThrow(ProfileError);
});
