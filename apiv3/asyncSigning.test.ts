// The thread-pool signing path must produce exactly the bytes of the synchronous one: RSASSA-PKCS1-v1_5
// is deterministic, so equal input means an equal signature (a known answer from the sync path).
import { generateKeyPairSync } from 'node:crypto';
import {
  signMessage,
  signMessageAsync,
  signRequest,
  signResponse,
  signResponseAsync,
  verifyRequestSignature,
  verifyRequestSignatureAsync,
  verifyResponseSignature,
} from '.';

const platform = generateKeyPairSync('rsa', { modulusLength: 2048 });
const other = generateKeyPairSync('rsa', { modulusLength: 2048 });
const TS = 1_700_000_000;
const BODY = '{"order_id":"1000000000202311140000","state":"CREATED","note":"某某酒店 😀"}';

test('signMessageAsync equals signMessage for the same key and bytes', async () => {
  const message = Buffer.from(`${TS}\nN0NCE\n${BODY}\n`, 'utf8');
  await expect(signMessageAsync(message, platform.privateKey)).resolves.toBe(signMessage(message, platform.privateKey));
});

test('signMessageAsync accepts a PEM string like signMessage', async () => {
  const pem = platform.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const message = Buffer.from('x\n');
  await expect(signMessageAsync(message, pem)).resolves.toBe(signMessage(message, platform.privateKey));
});

test('a different key gives a different signature (the comparison above can fail)', async () => {
  const message = Buffer.from('x\n');
  await expect(signMessageAsync(message, other.privateKey)).resolves.not.toBe(
    signMessage(message, platform.privateKey),
  );
});

test('signMessageAsync rejects (does not throw synchronously) for a public key', async () => {
  await expect(signMessageAsync(Buffer.from('x'), platform.publicKey)).rejects.toThrow();
});

test('signResponseAsync gives the headers of signResponse, and they verify', async () => {
  const input = { body: BODY, privateKey: platform.privateKey, serial: 'PUB_KEY_ID_1', timestamp: TS, nonce: 'N0NCE' };
  const headers = await signResponseAsync(input);
  expect(headers).toEqual(signResponse(input));
  const verdict = verifyResponseSignature({
    headers: { ...headers },
    body: BODY,
    now: TS,
    platformKey: () => platform.publicKey,
  });
  expect(verdict).toEqual({ ok: true });
});

test('signResponseAsync draws a fresh nonce when none is given', async () => {
  const input = { body: BODY, privateKey: platform.privateKey, serial: 'PUB_KEY_ID_1', timestamp: TS };
  const [a, b] = await Promise.all([signResponseAsync(input), signResponseAsync(input)]);
  expect(a['Wechatpay-Nonce']).toMatch(/^[0-9A-F]{32}$/);
  expect(a['Wechatpay-Nonce']).not.toBe(b['Wechatpay-Nonce']);
});

describe('verifyRequestSignatureAsync gives the verdict of verifyRequestSignature', () => {
  const input = (authorization: string | undefined, body = BODY) => ({
    method: 'POST',
    pathWithQuery: '/v3/payscore/acquiringbank/serviceorder',
    body,
    authorization,
    merchantKey: (mchid: string) => (mchid === '1230000109' ? platform.publicKey : ('unknown-mchid' as const)),
    now: TS,
  });
  const signed = signRequest({
    method: 'POST',
    pathWithQuery: '/v3/payscore/acquiringbank/serviceorder',
    body: BODY,
    mchid: '1230000109',
    serialNo: 'ABCDEF0123456789',
    privateKey: platform.privateKey,
    timestamp: TS,
    nonce: 'N0NCE',
  });
  const cases: Array<[string, ReturnType<typeof input>]> = [
    ['a good signature', input(signed.authorization)],
    ['a tampered body', input(signed.authorization, `${BODY} `)],
    ['an unknown mchid', input(signed.authorization.replace('1230000109', '1999999999'))],
    ['no header', input(undefined)],
    ['a garbled signature', input(signed.authorization.replace(/signature="[^"]*"/, 'signature="!!"'))],
  ];
  it.each(cases)('%s', async (_name, i) => {
    const sync = verifyRequestSignature(i);
    await expect(verifyRequestSignatureAsync(i)).resolves.toEqual(sync);
  });
  it('accepts the good one and rejects the tampered one (the equality above is not vacuous)', async () => {
    expect((await verifyRequestSignatureAsync(cases[0]![1])).ok).toBe(true);
    expect((await verifyRequestSignatureAsync(cases[1]![1])).reason).toBe('bad-signature');
  });
});
