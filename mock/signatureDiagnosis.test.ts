// The mock's side of signature diagnosis: a request signed with a known mistake is refused exactly as WeChat
// refuses it (the body keeps WeChat's shape), and the mock's log line names the mistake; a correctly signed
// request's line carries no diagnosis. The diagnosis itself is proven in apiv3/signatureDiagnosis.test.ts.
import { generateTestKeyPair, MISTAKEN_SIGNERS, signCorrectly, tempDir, type SigningInput } from '../apiv3/testing';
import { ENDPOINT_PATH } from '../specification';
import type { FreshMock } from './index';
import { createMockWithFreshKeys, validBody } from './testing';

const lines: string[] = [];
let mock: FreshMock;
const other = generateTestKeyPair(tempDir('payscore-diagnosis-'), 'other');

beforeAll(async () => {
  mock = createMockWithFreshKeys({ logger: (line) => lines.push(line) });
  await mock.listen();
});
afterAll(() => mock.server.stop());

const input = (): SigningInput => ({
  method: 'POST',
  path: ENDPOINT_PATH,
  body: validBody(mock.config.identities),
  timestamp: Math.floor(Date.now() / 1000),
  nonce: Math.random().toString(36).slice(2).padEnd(16, 'x'),
  mchid: mock.config.mchid,
  serialNo: mock.keys.merchantSerialNo,
  privateKey: mock.keys.merchantPrivateKey,
  other: { serialNo: '0123456789ABCDEF0123456789ABCDEF', privateKey: other.privatePem },
});

/** Sends a signed request; its status, body and the mock's log line for it. */
async function send(signed: { pathWithQuery: string; body: Buffer; authorization: string }) {
  const res = await fetch(`${mock.profile.baseUrl}${signed.pathWithQuery}`, {
    method: 'POST',
    headers: {
      Accept: 'application/json',
      'Content-Type': 'application/json',
      'User-Agent': 'diagnosis-test',
      Authorization: signed.authorization,
    },
    body: signed.body,
  });
  const json = (await res.json()) as Record<string, unknown>;
  const requestId = res.headers.get('request-id');
  const line = lines.map((l) => JSON.parse(l) as Record<string, unknown>).find((l) => l['request_id'] === requestId);
  return { status: res.status, json, line };
}

test.each(Object.keys(MISTAKEN_SIGNERS))('%s: refused in WeChat’s shape, the log line names it', async (id) => {
  const { status, json, line } = await send((MISTAKEN_SIGNERS[id] as (i: SigningInput) => never)(input()));
  expect(status).toBe(401);
  expect(json['code']).toBe('SIGN_ERROR');
  expect(Object.keys(json).filter((k) => !['code', 'message', 'detail'].includes(k))).toEqual([]);
  expect(JSON.stringify(json)).not.toContain(id);
  expect(line?.['diagnosis']).toEqual({ mistake: id, says: expect.any(String) });
});

test('a correctly signed request is created and its log line carries no diagnosis', async () => {
  const { status, line } = await send(signCorrectly(input()));
  expect(status).toBe(200);
  expect(line).toBeDefined();
  expect(line).not.toHaveProperty('diagnosis');
});
