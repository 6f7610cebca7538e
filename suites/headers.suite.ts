import type { RawRequest } from '../client';
import { BODY_LIMITS } from '../mock';
import { ruleTest, SAMPLE, sampleValid, type Judged, type TargetHandle } from './harness';

// APIv3 HTTP rules: Accept, Content-Type, Wechatpay-Serial, the body being JSON, routes.

async function exchangeOf(
  target: TargetHandle,
  ruleId: string,
  caseName: string,
  index: number,
  raw: Omit<RawRequest, 'body'> & { body?: string },
  accept: boolean,
): Promise<Judged> {
  const body = sampleValid(target, index);
  const exchange = await target.client.send({ body: JSON.stringify(body), ...raw });
  const sent = raw.body === undefined ? body : undefined;
  return {
    exchange,
    ctx: target.context(accept ? { kind: 'accept', ruleId } : { kind: 'reject', ruleId }, sent),
    caseName,
  };
}

describe('request headers and body framing', () => {
  ruleTest(
    __filename,
    'HDR-ACCEPT',
    'a missing Accept, or one that excludes JSON, is 400 INVALID_REQUEST',
    async (t) => [
      await exchangeOf(t, 'HDR-ACCEPT', 'no Accept', SAMPLE.headers.noAccept, { headers: { Accept: null } }, false),
      await exchangeOf(
        t,
        'HDR-ACCEPT',
        'Accept: text/html',
        SAMPLE.headers.acceptTextHtml,
        { headers: { Accept: 'text/html' } },
        false,
      ),
    ],
  );

  ruleTest(__filename, 'HDR-CONTENT-TYPE', 'a missing or non-JSON Content-Type is 400 INVALID_REQUEST', async (t) => [
    await exchangeOf(
      t,
      'HDR-CONTENT-TYPE',
      'no Content-Type',
      SAMPLE.headers.noContentType,
      { headers: { 'Content-Type': null } },
      false,
    ),
    await exchangeOf(
      t,
      'HDR-CONTENT-TYPE',
      'Content-Type: text/plain',
      SAMPLE.headers.contentTypeTextPlain,
      { headers: { 'Content-Type': 'text/plain' } },
      false,
    ),
  ]);

  ruleTest(
    __filename,
    'HDR-MEDIA-TYPE-PARAMS',
    'media types with parameters, other case, or wildcards that admit JSON are accepted',
    async (t) => [
      await exchangeOf(
        t,
        'HDR-MEDIA-TYPE-PARAMS',
        'Content-Type with charset',
        SAMPLE.headers.contentTypeCharset,
        { headers: { 'Content-Type': 'application/json; charset=utf-8' } },
        true,
      ),
      await exchangeOf(
        t,
        'HDR-MEDIA-TYPE-PARAMS',
        'upper-case media types',
        SAMPLE.headers.upperCaseMediaTypes,
        { headers: { 'Content-Type': 'APPLICATION/JSON', Accept: 'Application/Json' } },
        true,
      ),
      await exchangeOf(
        t,
        'HDR-MEDIA-TYPE-PARAMS',
        'Accept: */*',
        SAMPLE.headers.acceptAny,
        { headers: { Accept: '*/*' } },
        true,
      ),
      await exchangeOf(
        t,
        'HDR-MEDIA-TYPE-PARAMS',
        'Accept list with application/*',
        SAMPLE.headers.acceptListWildcard,
        { headers: { Accept: 'text/html, application/*;q=0.8' } },
        true,
      ),
    ],
  );

  ruleTest(
    __filename,
    'HDR-WECHATPAY-SERIAL',
    'a Wechatpay-Serial the server does not have is 400 INVALID_REQUEST',
    async (t) => [
      await exchangeOf(
        t,
        'HDR-WECHATPAY-SERIAL',
        'unknown platform key id',
        SAMPLE.headers.unknownPlatformSerial,
        { headers: { 'Wechatpay-Serial': 'PUB_KEY_ID_0000000000000000000000000000000000' } },
        false,
      ),
    ],
  );

  ruleTest(__filename, 'BODY-NOT-JSON', 'a body that is not JSON is 400 INVALID_REQUEST', async (t) => [
    await exchangeOf(
      t,
      'BODY-NOT-JSON',
      'truncated JSON',
      SAMPLE.headers.truncatedJson,
      { body: '{"service_id": "x",' },
      false,
    ),
  ]);

  ruleTest(__filename, 'BODY-NOT-OBJECT', 'a JSON body that is not an object is 400 PARAM_ERROR', async (t) => [
    await exchangeOf(t, 'BODY-NOT-OBJECT', 'a JSON array', SAMPLE.headers.jsonArray, { body: '[]' }, false),
  ]);

  ruleTest(__filename, 'BODY-LIMITS', 'a body over 1 MiB is 400 INVALID_REQUEST, not a crash', async (t) => [
    await exchangeOf(
      t,
      'BODY-LIMITS',
      'a body half again over the limit',
      SAMPLE.headers.bodyOverLimit,
      { body: JSON.stringify({ attach: 'a'.repeat(BODY_LIMITS.maxBytes * 1.5) }) },
      false,
    ),
  ]);

  ruleTest(__filename, 'ROUTE-UNKNOWN', 'an unknown path is 404 NOT_FOUND', async (t) => [
    await exchangeOf(
      t,
      'ROUTE-UNKNOWN',
      'unknown path',
      SAMPLE.headers.unknownPath,
      { path: '/v3/payscore/acquiringbank/serviceorders' },
      false,
    ),
  ]);

  ruleTest(__filename, 'ROUTE-METHOD', 'PUT on the endpoint is 405 METHOD_NOT_ALLOWED', async (t) => [
    await exchangeOf(t, 'ROUTE-METHOD', 'PUT', SAMPLE.headers.putMethod, { method: 'PUT' }, false),
  ]);
});
