// Known answers from a second independent implementation: wechatpay-axios-plugin 0.9.6's own
// Formatter (message layout) and Rsa (sign/verify), in both directions.
import { Formatter, Rsa } from 'wechatpay-axios-plugin';
import { generateTestKeyPair, tempDir } from './testing';
import {
  requestMessage,
  responseMessage,
  signRequest,
  signResponse,
  verifyRequestSignature,
  verifyResponseSignature,
} from '.';

const dir = tempDir('payscore-plugin-');
const merchant = generateTestKeyPair(dir, 'merchant');
const platform = generateTestKeyPair(dir, 'platform');

const PATH = '/v3/payscore/acquiringbank/serviceorder?x=1';
const TS = 1_700_000_000;
const NONCE = 'Q9Zf2cLmv0aR8bTn';
const MCHID = '1230000109';
const SERIAL = '1DDE55AD98ED71D6EDD4A4A16996DE7B47773A8C';
const PLATFORM_SERIAL = 'PUB_KEY_ID_0114232019122600000000000000000000';
const BODIES: Array<[string, string]> = [
  ['ASCII JSON', '{"out_order_no":"A1","risk_fund":{"name":"DEPOSIT","amount":10000}}'],
  ['Chinese characters', '{"service_introduction":"某某酒店"}'],
  ['an emoji outside the BMP', '{"description":"🚲 单车"}'],
  ['an empty body', ''],
];

describe.each(BODIES)('with %s', (_name, body) => {
  test('the plugin lays out the request and response messages byte for byte like we do', () => {
    expect(Formatter.request('POST', PATH, TS, NONCE, body)).toBe(
      requestMessage('POST', PATH, String(TS), NONCE, body).toString('utf8'),
    );
    expect(Formatter.response(TS, NONCE, body)).toBe(responseMessage(String(TS), NONCE, body).toString('utf8'));
  });

  test('the plugin signs a request (its own Authorization, its parameter order) → we verify it', () => {
    const signature = Rsa.sign(Formatter.request('POST', PATH, TS, NONCE, body), merchant.privatePem);
    const authorization = Formatter.authorization(MCHID, NONCE, signature, TS, SERIAL);
    const verdict = verifyRequestSignature({
      method: 'POST',
      pathWithQuery: PATH,
      body,
      authorization,
      now: TS,
      merchantKey: (mchid, serial) =>
        mchid !== MCHID ? 'unknown-mchid' : serial !== SERIAL ? 'unknown-serial' : merchant.publicKey,
    });
    expect(verdict).toEqual({
      ok: true,
      params: { mchid: MCHID, nonce_str: NONCE, timestamp: String(TS), serial_no: SERIAL, signature },
    });
  });

  test('we sign a request → the plugin verifies it (and not over another path)', () => {
    const signed = signRequest({
      method: 'POST',
      pathWithQuery: PATH,
      body,
      mchid: MCHID,
      serialNo: SERIAL,
      privateKey: merchant.privateKey,
      timestamp: TS,
      nonce: NONCE,
    });
    expect(
      Rsa.verify(Formatter.request('POST', PATH, TS, NONCE, body), signed.params.signature, merchant.publicPem),
    ).toBe(true);
    expect(
      Rsa.verify(Formatter.request('POST', `${PATH}2`, TS, NONCE, body), signed.params.signature, merchant.publicPem),
    ).toBe(false);
  });

  test('the plugin signs a response → we verify it; we sign one → the plugin verifies it', () => {
    const theirs = Rsa.sign(Formatter.response(TS, NONCE, body), platform.privatePem);
    const headers = {
      'wechatpay-timestamp': String(TS),
      'wechatpay-nonce': NONCE,
      'wechatpay-signature': theirs,
      'wechatpay-serial': PLATFORM_SERIAL,
    };
    expect(
      verifyResponseSignature({ headers, body: Buffer.from(body), platformKey: () => platform.publicKey, now: TS }),
    ).toEqual({ ok: true });
    const ours = signResponse({
      body,
      privateKey: platform.privateKey,
      serial: PLATFORM_SERIAL,
      timestamp: TS,
      nonce: NONCE,
    });
    expect(ours['Wechatpay-Signature']).toBe(theirs);
    expect(Rsa.verify(Formatter.response(TS, NONCE, body), ours['Wechatpay-Signature'], platform.publicPem)).toBe(true);
    expect(Rsa.verify(Formatter.response(TS + 1, NONCE, body), ours['Wechatpay-Signature'], platform.publicPem)).toBe(
      false,
    );
  });
});
