import { generateKeyPairSync } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import fc from 'fast-check';
import { signRequest } from '../apiv3';
import { defaultRequestConstraints, validRequest } from '../generators';
import { ENDPOINT_PATH } from '../specification';
import { createClientSession } from './clientSession';
import { judgeRequest, type CallerProfile } from './judgeRequest';

const NOW = Date.now();
const constraints = defaultRequestConstraints(NOW);
const merchant = generateKeyPairSync('rsa', { modulusLength: 2048 });
const caller: CallerProfile = {
  mchid: '1230000109',
  merchantSerial: '5157F09EFDC096DE15EBE81A47057A7232F1B8E1',
  merchantPublicKey: merchant.publicKey,
  keyMode: 'public-key',
  platformSerials: ['PUB_KEY_ID_01234567890123456789012345678901'],
  identities: constraints.identities,
  riskFundCap: constraints.riskFundCap,
};
const [order] = fc.sample(validRequest(constraints), { seed: 7, numRuns: 1 });

interface Shape {
  body?: string;
  signed?: string;
  headers?: IncomingHttpHeaders;
  timestamp?: number;
  nonce?: string;
  mchid?: string;
}

/** A request as a caller sends it: signed over `signed` (default: the body sent). */
function request({ body = JSON.stringify(order), signed = body, headers, timestamp, nonce, mchid }: Shape = {}) {
  const { authorization } = signRequest({
    method: 'POST',
    pathWithQuery: ENDPOINT_PATH,
    body: signed,
    mchid: mchid ?? caller.mchid,
    serialNo: caller.merchantSerial,
    privateKey: merchant.privateKey,
    timestamp: timestamp ?? Math.floor(NOW / 1000),
    nonce: nonce ?? `N${Math.random().toString(16).slice(2)}`,
  });
  return {
    method: 'POST',
    url: ENDPOINT_PATH,
    headers: headers ?? {
      accept: 'application/json',
      'content-type': 'application/json',
      'user-agent': 'merchant/1.0',
      'wechatpay-serial': caller.platformSerials[0] ?? '',
      authorization,
    },
    body: Buffer.from(body, 'utf8'),
    receivedAt: NOW,
  };
}
const withHeaders = (extra: IncomingHttpHeaders, drop: string[] = []) => {
  const base = request();
  const headers = { ...base.headers, ...extra };
  for (const name of drop) delete headers[name];
  return { ...base, headers };
};
const broken = (req: ReturnType<typeof request>, c: CallerProfile = caller): string[] =>
  judgeRequest(req, c)
    .findings.filter((f) => f.seen !== undefined)
    .map((f) => f.ruleId);

describe('judgeRequest: the request-side client rules', () => {
  it('passes a correct request, whatever the header spelling: lists, wildcards, a charset', () => {
    expect(broken(request())).toEqual([]);
    for (const accept of ['application/json, text/plain, */*', '*/*', 'application/*', 'Application/JSON; q=0.9'])
      expect(broken(withHeaders({ accept }))).toEqual([]);
    expect(broken(withHeaders({ 'content-type': 'application/json; charset=utf-8' }))).toEqual([]);
  });

  it('passes a certificate-mode caller that sends no Wechatpay-Serial', () => {
    expect(broken(withHeaders({}, ['wechatpay-serial']), { ...caller, keyMode: 'certificate' })).toEqual([]);
  });

  it.each([
    ['no Accept', withHeaders({}, ['accept']), 'CLIENT-ACCEPT'],
    ['Accept text/html', withHeaders({ accept: 'text/html' }), 'CLIENT-ACCEPT'],
    ['Content-Type text/plain', withHeaders({ 'content-type': 'text/plain' }), 'CLIENT-CONTENT-TYPE'],
    ['no User-Agent', withHeaders({}, ['user-agent']), 'CLIENT-USER-AGENT'],
    ['no Wechatpay-Serial in public-key mode', withHeaders({}, ['wechatpay-serial']), 'CLIENT-WECHATPAY-SERIAL'],
    ['an unknown Wechatpay-Serial', withHeaders({ 'wechatpay-serial': 'PUB_KEY_ID_9' }), 'CLIENT-WECHATPAY-SERIAL'],
    [
      'a signature over another serialization',
      request({ body: JSON.stringify(order, null, 2), signed: JSON.stringify(order) }),
      'CLIENT-SIGNATURE',
    ],
    ['another mchid', request({ mchid: '1900000001' }), 'CLIENT-MCHID'],
    ['a timestamp in milliseconds', request({ timestamp: NOW }), 'CLIENT-TIMESTAMP'],
    ['a clock 10 minutes off', request({ timestamp: Math.floor(NOW / 1000) - 600 }), 'CLIENT-TIMESTAMP'],
    [
      'a body that breaks a field rule',
      request({ body: JSON.stringify({ ...order, out_order_no: '' }) }),
      'CLIENT-BODY-VALID',
    ],
    [
      'a body of another service_id',
      request({ body: JSON.stringify({ ...order, service_id: '9'.repeat(20) }) }),
      'CLIENT-BODY-VALID',
    ],
    ['a body that is not JSON', request({ body: '{"out_order_no":' }), 'CLIENT-BODY-VALID'],
  ])('%s breaks exactly its rule', (_what, req, ruleId) => {
    expect(broken(req)).toEqual([ruleId]);
  });
});

describe('judgeRequest: a signature that does not verify names the signing mistake', () => {
  it('a body signed compact and sent indented is diagnosed as re-serialised, in the CLIENT-SIGNATURE finding', () => {
    const req = request({ body: JSON.stringify(order, null, 2), signed: JSON.stringify(order) });
    const finding = judgeRequest(req, caller).findings.find((f) => f.ruleId === 'CLIENT-SIGNATURE');
    expect(finding?.seen).toMatch(/diagnosis: body-reserialised — the body was serialised again after signing/);
  });

  it('a correct request carries no diagnosis', () => {
    expect(JSON.stringify(judgeRequest(request(), caller).findings)).not.toContain('diagnosis');
  });
});

describe('a client session: nonce and out_order_no across every request', () => {
  it('passes a retry with a fresh nonce and the same parameters, in another key order', () => {
    const session = createClientSession(caller);
    session.judge(request());
    const reordered = JSON.stringify(Object.fromEntries(Object.entries(order ?? {}).reverse()));
    const retry = session.judge(request({ body: reordered }));
    expect(retry.findings.filter((f) => f.seen !== undefined)).toEqual([]);
  });

  it('fails a nonce used twice and an out_order_no sent again with other parameters', () => {
    const session = createClientSession(caller);
    session.judge(request({ nonce: 'SAME' }));
    const again = session.judge(request({ nonce: 'SAME', body: JSON.stringify({ ...order, attach: 'changed' }) }));
    expect(again.findings.filter((f) => f.seen !== undefined).map((f) => f.ruleId)).toEqual([
      'CLIENT-NONCE',
      'CLIENT-OON-UNIQUE',
    ]);
  });
});
