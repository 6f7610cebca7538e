// Signature diagnosis: every known mistake, made by hand (testing/mistakenSigners.ts), is named; a correctly
// signed request is never diagnosed; an answer's signature is diagnosed the same way over its own lines.
import { sign } from 'node:crypto';
import fc from 'fast-check';
import { diagnoseRequestSignature, diagnoseSignature, SIGNATURE_MISTAKES, type MerchantIdentity } from '.';
import { generateTestKeyPair, MISTAKEN_SIGNERS, signCorrectly, tempDir, type SigningInput } from './testing';

const dir = tempDir('payscore-diagnosis-');
const merchantKeys = generateTestKeyPair(dir, 'merchant');
const otherKeys = generateTestKeyPair(dir, 'other');
const PATH = '/v3/payscore/acquiringbank/serviceorder';
const merchant: MerchantIdentity = {
  mchid: '1230000109',
  serialNo: '5157F09EFDC096DE15EBE81A47057A72',
  publicKey: merchantKeys.publicPem,
};

const input = (
  body: Record<string, unknown> = { out_order_no: 'A1', service_introduction: '就餐/费用', amount: 1 },
): SigningInput => ({
  method: 'POST',
  path: PATH,
  body,
  timestamp: Math.floor(Date.now() / 1000),
  nonce: 'C9A2B8F6E1D04F3A9B7C5D3E1F2A4B6C',
  mchid: merchant.mchid,
  serialNo: merchant.serialNo,
  privateKey: merchantKeys.privatePem,
  other: { serialNo: '0123456789ABCDEF0123456789ABCDEF', privateKey: otherKeys.privatePem },
});

const seen = (signed: { pathWithQuery: string; body: Buffer; authorization: string }) => ({
  method: 'POST',
  pathWithQuery: signed.pathWithQuery,
  host: '127.0.0.1:8080',
  body: signed.body,
  authorization: signed.authorization,
});

describe('diagnoseRequestSignature', () => {
  test.each(Object.keys(MISTAKEN_SIGNERS))('a request signed with the mistake %s is diagnosed as it', (id) => {
    const signer = MISTAKEN_SIGNERS[id] as (typeof MISTAKEN_SIGNERS)[string];
    const diagnosis = diagnoseRequestSignature(seen(signer(input())), merchant);
    expect(diagnosis?.mistake).toBe(id);
    expect(diagnosis?.says.length).toBeGreaterThan(20);
  });

  test('json-escaped-unicode the other way round: sent escaped (PHP json_encode), signed unescaped', () => {
    const i = input();
    const signed = MISTAKEN_SIGNERS['json-escaped-unicode']?.(i);
    const unescaped = JSON.stringify(i.body);
    const message = `POST\n${PATH}\n${i.timestamp}\n${i.nonce}\n${unescaped}\n`;
    const signature = sign('sha256', Buffer.from(message), merchantKeys.privatePem).toString('base64');
    const escaped = JSON.stringify(i.body).replace('就餐/费用', '\\u5c31\\u9910\\/\\u8d39\\u7528');
    expect(escaped).not.toBe(unescaped);
    const authorization = (signed?.authorization ?? '').replace(/signature="[^"]*"/, `signature="${signature}"`);
    const diagnosis = diagnoseRequestSignature(
      { ...seen({ pathWithQuery: PATH, body: Buffer.from(escaped), authorization }) },
      merchant,
    );
    expect(diagnosis?.mistake).toBe('json-escaped-unicode');
  });

  test('every entry of the table has a signer here, so each is proven by a request made that way', () => {
    const proven = Object.keys(MISTAKEN_SIGNERS);
    for (const m of SIGNATURE_MISTAKES) expect(proven).toContain(m.id);
    expect(new Set(SIGNATURE_MISTAKES.map((m) => m.id)).size).toBe(SIGNATURE_MISTAKES.length);
  });

  test('a correctly signed request is never diagnosed, whatever its body', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string({ maxLength: 8 }), fc.oneof(fc.string(), fc.integer())), (body) => {
        expect(diagnoseRequestSignature(seen(signCorrectly(input(body))), merchant)).toBeUndefined();
      }),
      { numRuns: 30, seed: 20261207 },
    );
  });

  test('a signature by another key under the right mchid and serial is not explained away', () => {
    const i = input();
    const wrongKey = signCorrectly({ ...i, privateKey: otherKeys.privatePem });
    expect(diagnoseRequestSignature(seen(wrongKey), merchant)).toEqual({
      mistake: null,
      says: expect.stringContaining('another merchant'),
    });
  });

  test('a header that is not a signature at all, or a probe, gets no diagnosis', () => {
    expect(
      diagnoseRequestSignature({ ...seen(signCorrectly(input())), authorization: 'Basic x' }, merchant),
    ).toBeUndefined();
    const probe = signCorrectly(input()).authorization.replace(
      /signature="[^"]*"/,
      'signature="WECHATPAY/SIGNTEST/abc"',
    );
    expect(
      diagnoseRequestSignature({ ...seen(signCorrectly(input())), authorization: probe }, merchant),
    ).toBeUndefined();
  });
});

describe('diagnoseSignature over an answer (timestamp, nonce, body)', () => {
  const body = Buffer.from('{"state":"DOING","order_id":"1"}', 'utf8');
  const answer = { timestamp: '1796660000', nonce: 'N1', body };
  const signAnswer = (message: string) =>
    sign('sha256', Buffer.from(message), merchantKeys.privatePem).toString('base64');

  test('an answer signed over its body re-serialised with indentation is diagnosed so', () => {
    const signature = signAnswer(`1796660000\nN1\n${JSON.stringify(JSON.parse(body.toString()), null, 2)}\n`);
    expect(diagnoseSignature(answer, signature, merchantKeys.publicPem).mistake).toBe('body-reserialised');
  });

  test('request-only mistakes are not tried on an answer', () => {
    const signature = signAnswer(`1796660000\nN1\n\n`);
    expect(diagnoseSignature(answer, signature, merchantKeys.publicPem).mistake).toBeNull();
  });
});
