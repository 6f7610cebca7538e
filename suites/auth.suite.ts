import { createPrivateKey } from 'node:crypto';
import type { RawRequest } from '../client';
import { PROBE_SIGNATURE_PREFIX, TIMESTAMP_WINDOW_SECONDS } from '../apiv3';
import { strangerRsaPair } from '../mock';
import { acceptedCreate, judgedAs } from './judgedAs';
import { ruleTest, SAMPLE, sampleValid, type JudgedExchange, type TargetHandle } from './harness';

// Request signatures (WECHATPAY2-SHA256-RSA2048): each test breaks one thing in Authorization of an
// otherwise valid request and expects 401 SIGN_ERROR.

const nowSeconds = (): number => Math.floor(Date.now() / 1000);
/** AUTH-TIMESTAMP probes a foreign target with one hour of skew (its rule text): stale by any window. */
const ONE_HOUR = 3600;

async function broken(
  target: TargetHandle,
  ruleId: string,
  caseName: string,
  index: number,
  raw: Omit<RawRequest, 'body'>,
  mchid?: string,
): Promise<JudgedExchange> {
  const body = sampleValid(target, index);
  const exchange = await target.client.send({ ...raw, body: JSON.stringify(body) });
  return { exchange, ctx: target.context({ kind: 'reject', ruleId }, body, mchid), caseName };
}

/**
 * A first use that was throttled went out again with the same nonce (it is the point of the test): a
 * target may have recorded the nonce on the throttled attempt, so its answer proves nothing either way.
 */
const NONCE_SENT_ONCE = {
  inconclusive: (items: JudgedExchange[]): string | undefined =>
    (items[0]?.exchange.attempts ?? 1) > 1
      ? 'the first use of the nonce was answered 429 and sent again with the same nonce, which the target may have recorded then'
      : undefined,
};

describe('request signatures', () => {
  ruleTest(__filename, 'AUTH-REQUIRED', 'a request without Authorization is 401 SIGN_ERROR', async (t) => [
    await broken(t, 'AUTH-REQUIRED', 'no Authorization header', SAMPLE.auth.noAuthorization, { sign: false }),
  ]);

  ruleTest(__filename, 'AUTH-SCHEME', 'another scheme or a malformed Authorization is 401 SIGN_ERROR', (t) =>
    Promise.all([
      broken(t, 'AUTH-SCHEME', 'Bearer scheme', SAMPLE.auth.bearerScheme, {
        sign: false,
        headers: { Authorization: 'Bearer 0123456789abcdef' },
      }),
      broken(t, 'AUTH-SCHEME', 'parameters missing', SAMPLE.auth.parametersMissing, {
        sign: false,
        headers: { Authorization: 'WECHATPAY2-SHA256-RSA2048 mchid="1230000109"' },
      }),
      broken(t, 'AUTH-SCHEME', 'unquoted garbage', SAMPLE.auth.unquotedGarbage, {
        sign: false,
        headers: { Authorization: 'WECHATPAY2-SHA256-RSA2048 ,,,=="' },
      }),
    ]),
  );

  ruleTest(__filename, 'AUTH-SIGNATURE', 'a signature that does not verify is 401 SIGN_ERROR', async (t) => {
    // Fresh each run; a self-test's kept one (no merchant's key) saves its generation.
    const stranger = createPrivateKey(strangerRsaPair().privateKeyPem);
    const tampered = JSON.stringify(sampleValid(t, SAMPLE.auth.tamperedBody));
    return Promise.all([
      broken(t, 'AUTH-SIGNATURE', 'body changed after signing', SAMPLE.auth.bodyChangedAfterSigning, {
        sign: { tamperBodyAfterSigning: tampered },
      }),
      broken(t, 'AUTH-SIGNATURE', 'signed with a key that is not the merchant key', SAMPLE.auth.strangerKey, {
        sign: { privateKey: stranger },
      }),
      broken(t, 'AUTH-SIGNATURE', 'a WECHATPAY/SIGNTEST/ probe signature', SAMPLE.auth.probeSignature, {
        sign: { signatureOverride: `${PROBE_SIGNATURE_PREFIX}${'A'.repeat(40)}` },
      }),
    ]);
  });

  ruleTest(
    __filename,
    'AUTH-SIGNATURE',
    'a body changed under an Authorization header that verified once is 401 SIGN_ERROR',
    async (t) => {
      const valid = await acceptedCreate(t, sampleValid(t, SAMPLE.auth.reusedHeaderFirstBody), 'a valid create');
      const header = valid.first.request.headers['Authorization'] ?? '';
      const otherBody = sampleValid(t, SAMPLE.auth.reusedHeaderOtherBody);
      const exchange = await t.client.send({
        body: JSON.stringify(otherBody),
        sign: false,
        headers: { Authorization: header },
      });
      const caseName = 'another body under the same, once valid, Authorization';
      return [valid.judged, judgedAs(t, exchange, { kind: 'reject', ruleId: 'AUTH-SIGNATURE' }, otherBody, caseName)];
    },
  );

  ruleTest(__filename, 'AUTH-SCHEME', 'the Authorization parameters in any order are accepted', async (t) => {
    const orders = [
      ['signature', 'serial_no', 'timestamp', 'nonce_str', 'mchid'],
      ['serial_no', 'mchid', 'signature', 'nonce_str', 'timestamp'],
      ['timestamp', 'signature', 'mchid', 'serial_no', 'nonce_str'],
    ] as const;
    return Promise.all(
      orders.map(async (order, i): Promise<JudgedExchange> => {
        const body = sampleValid(t, SAMPLE.auth.parameterOrders.at(i));
        const exchange = await t.client.send({ body: JSON.stringify(body), sign: { authorizationForm: { order } } });
        return {
          exchange,
          ctx: t.context({ kind: 'accept', ruleId: 'AUTH-SCHEME' }, body),
          caseName: `parameters in the order ${order.join(', ')}`,
        };
      }),
    );
  });

  ruleTest(__filename, 'AUTH-PARAM-SPACING', 'white space after the commas of Authorization is accepted', async (t) => {
    const body = sampleValid(t, SAMPLE.auth.spaceAfterCommas);
    const exchange = await t.client.send({
      body: JSON.stringify(body),
      sign: { authorizationForm: { separator: ', ' } },
    });
    return [
      {
        exchange,
        ctx: t.context({ kind: 'accept', ruleId: 'AUTH-PARAM-SPACING' }, body),
        caseName: 'a space after each comma',
      },
    ];
  });

  ruleTest(__filename, 'AUTH-TIMESTAMP', 'a timestamp one hour old is 401 SIGN_ERROR', async (t) => [
    await broken(t, 'AUTH-TIMESTAMP', 'timestamp one hour in the past', SAMPLE.auth.timestampOneHourOld, {
      sign: { timestamp: nowSeconds() - ONE_HOUR },
    }),
  ]);

  ruleTest(__filename, 'AUTH-SERIAL', 'an unknown serial_no is 401 SIGN_ERROR', async (t) => [
    await broken(t, 'AUTH-SERIAL', 'unknown merchant serial', SAMPLE.auth.unknownSerial, {
      sign: { serialNo: '0123456789ABCDEF0123456789ABCDEF01234567' },
    }),
  ]);

  ruleTest(
    __filename,
    'AUTH-MCHID',
    'an unknown mchid is 401 SIGN_ERROR (401 or 403 from a foreign target)',
    async (t) => [
      await broken(
        t,
        'AUTH-MCHID',
        'unknown mchid',
        SAMPLE.auth.unknownMchid,
        { sign: { mchid: '1999999999' } },
        '1999999999',
      ),
    ],
  );

  ruleTest(
    __filename,
    'AUTH-TIMESTAMP-WINDOW',
    'a timestamp a minute outside the 5-minute window is 401 SIGN_ERROR',
    async (t) => [
      await broken(
        t,
        'AUTH-TIMESTAMP-WINDOW',
        'timestamp a minute outside the window',
        SAMPLE.auth.timestampOutsideWindow,
        { sign: { timestamp: nowSeconds() - TIMESTAMP_WINDOW_SECONDS - 60 } },
      ),
    ],
  );

  ruleTest(
    __filename,
    'AUTH-NONCE-REPLAY',
    'a nonce_str used again within the window is 401 SIGN_ERROR',
    async (t) => {
      const nonce = `REPLAY${Date.now()}${process.pid}`;
      const firstBody = sampleValid(t, SAMPLE.auth.nonceFirstUse);
      const first = await t.client.send({ body: JSON.stringify(firstBody), sign: { nonce } });
      const second = await broken(
        t,
        'AUTH-NONCE-REPLAY',
        "second request with the first one's nonce",
        SAMPLE.auth.nonceReplay,
        { sign: { nonce } },
      );
      return [
        { exchange: first, ctx: t.context({ kind: 'accept' }, firstBody), caseName: 'first use of the nonce' },
        second,
      ];
    },
    NONCE_SENT_ONCE,
  );
});
