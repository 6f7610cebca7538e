// Known answers from an independent implementation: the openssl command line signs and verifies
// the APIv3 messages that the test builds by hand, and must agree with our signing core.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateTestKeyPair, tempDir } from './testing';
import { formatAuthorization, signRequest, signResponse, verifyRequestSignature, verifyResponseSignature } from '.';

const dir = tempDir('payscore-openssl-');
const merchant = generateTestKeyPair(dir, 'merchant');
const platform = generateTestKeyPair(dir, 'platform');
let fileNo = 0;

const writeTemp = (data: Buffer): string => {
  const path = join(dir, `f${fileNo++}.bin`);
  writeFileSync(path, data);
  return path;
};

/** `openssl dgst -sha256 -sign key.pem msg` → Base64. */
function opensslSign(keyPath: string, message: Buffer): string {
  return execFileSync('openssl', ['dgst', '-sha256', '-sign', keyPath, writeTemp(message)]).toString('base64');
}

/** `openssl dgst -sha256 -verify pub.pem -signature sig msg`: exit 0 and "Verified OK" only for a good signature. */
function opensslVerifies(pubPath: string, message: Buffer, signatureBase64: string): boolean {
  const sig = writeTemp(Buffer.from(signatureBase64, 'base64'));
  try {
    return execFileSync('openssl', ['dgst', '-sha256', '-verify', pubPath, '-signature', sig, writeTemp(message)], {
      stdio: 'pipe',
    })
      .toString()
      .includes('Verified OK');
  } catch {
    return false;
  }
}

const PATH = '/v3/payscore/acquiringbank/serviceorder';
const TS = 1_700_000_000;
const NONCE = '5K8264ILTKCH16CQ2502SI8ZNMTM67VS';
const BODIES: Array<[string, string]> = [
  ['ASCII JSON', '{"out_order_no":"1234323JKHDFE1243252","service_id":"2002000000000558128851361561536"}'],
  ['Chinese characters', '{"service_introduction":"某某酒店","post_payments":[{"name":"就餐费用","amount":40000}]}'],
  ['an emoji outside the BMP', '{"description":"早餐 😀 🀄"}'],
  ['an empty body', ''],
];
// Built by hand, independently of requestMessage/responseMessage.
const requestText = (body: string, ts = TS): string => `POST\n${PATH}\n${ts}\n${NONCE}\n${body}\n`;
const responseText = (body: string, ts = TS): string => `${ts}\n${NONCE}\n${body}\n`;

describe.each(BODIES)('request message with %s', (_name, body) => {
  const message = Buffer.from(requestText(body), 'utf8');
  const signed = signRequest({
    method: 'POST',
    pathWithQuery: PATH,
    body,
    mchid: '1230000109',
    serialNo: 'ABCDEF0123',
    privateKey: merchant.privateKey,
    timestamp: TS,
    nonce: NONCE,
  });

  test('the signed message is exactly METHOD\\nPATH\\nTIMESTAMP\\nNONCE\\nBODY\\n in UTF-8', () => {
    expect(Buffer.from(signed.message, 'utf8').equals(message)).toBe(true);
  });

  test('our signature equals the one openssl computes (PKCS#1 v1.5 is deterministic)', () => {
    expect(signed.params.signature).toBe(opensslSign(merchant.privatePath, message));
  });

  test('openssl verifies our signature, and rejects it over a body changed by one byte', () => {
    expect(opensslVerifies(merchant.publicPath, message, signed.params.signature)).toBe(true);
    expect(opensslVerifies(merchant.publicPath, Buffer.from(requestText(`${body} `)), signed.params.signature)).toBe(
      false,
    );
  });

  test('we verify an openssl signature, and reject it over another body', () => {
    const authorization = formatAuthorization({
      ...signed.params,
      signature: opensslSign(merchant.privatePath, message),
    });
    const verify = (b: string) =>
      verifyRequestSignature({
        method: 'POST',
        pathWithQuery: PATH,
        body: b,
        authorization,
        merchantKey: () => merchant.publicKey,
        now: TS,
      });
    expect(verify(body)).toEqual({ ok: true, params: { ...signed.params } });
    expect(verify(`${body}x`)).toMatchObject({
      ok: false,
      reason: 'bad-signature',
      expectedMessage: requestText(`${body}x`),
    });
  });
});

describe.each(BODIES)('response message with %s', (_name, body) => {
  const message = Buffer.from(responseText(body), 'utf8');
  const headers = signResponse({
    body: Buffer.from(body, 'utf8'),
    privateKey: platform.privateKey,
    serial: 'PUB_KEY_ID_0112345678901234567890123456789',
    timestamp: TS,
    nonce: NONCE,
  });
  const verify = (h: Record<string, string>, b: string) =>
    verifyResponseSignature({ headers: h, body: b, platformKey: () => platform.publicKey, now: TS });

  test("our signature equals openssl's and openssl verifies it", () => {
    expect(headers['Wechatpay-Signature']).toBe(opensslSign(platform.privatePath, message));
    expect(opensslVerifies(platform.publicPath, message, headers['Wechatpay-Signature'])).toBe(true);
  });

  test('we verify an openssl signature over the raw bytes, and reject it over other bytes', () => {
    const theirs = { ...headers, 'Wechatpay-Signature': opensslSign(platform.privatePath, message) };
    expect(verify(theirs, body)).toEqual({ ok: true });
    expect(verify(theirs, `${body}\n`)).toMatchObject({
      ok: false,
      reason: 'bad-signature',
      expectedMessage: responseText(`${body}\n`),
    });
  });
});

test('the emoji body is signed as its 4-byte UTF-8 form, not as UTF-16 surrogates', () => {
  const body = '😀';
  const signed = signRequest({
    method: 'POST',
    pathWithQuery: PATH,
    body,
    mchid: '1',
    serialNo: 'AB',
    privateKey: merchant.privateKey,
    timestamp: TS,
    nonce: NONCE,
  });
  const utf8 = Buffer.from(requestText(body), 'utf8');
  expect(utf8.includes(Buffer.from([0xf0, 0x9f, 0x98, 0x80]))).toBe(true);
  expect(opensslVerifies(merchant.publicPath, utf8, signed.params.signature)).toBe(true);
  expect(opensslVerifies(merchant.publicPath, Buffer.from(requestText(body), 'utf16le'), signed.params.signature)).toBe(
    false,
  );
});
