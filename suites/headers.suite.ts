import type { RawRequest } from '../client';
import { BODY_LIMITS } from '../mock';
import { ruleTest, SAMPLE, sampleValid, type JudgedExchange, type TargetHandle } from './harness';

// APIv3 HTTP rules: Accept, Content-Type, Wechatpay-Serial, the body being JSON, routes.

/** What one request changes from a valid, signed create; a `body` here replaces the sample's. */
type Framing = Omit<RawRequest, 'body'> & { body?: string };

/** One request of a test: its case name, its sample, what it changes. */
type FramingCase = [caseName: string, index: number, raw: Framing];

/** One test: every case is a request the rule accepts (`accept`) or refuses. */
interface FramingTest {
  ruleId: string;
  statement: string;
  accept: boolean;
  cases: readonly FramingCase[];
}

const framingTest =
  (accept: boolean) =>
  (ruleId: string, statement: string, cases: readonly FramingCase[]): FramingTest => ({
    ruleId,
    statement,
    accept,
    cases,
  });
const accepted = framingTest(true);
const refused = framingTest(false);

const H = SAMPLE.headers;
const UNKNOWN_PLATFORM_SERIAL = 'PUB_KEY_ID_0000000000000000000000000000000000';
/** Half again as long as the mock takes a whole body. */
const OVER_LIMIT_ATTACH = 'a'.repeat(BODY_LIMITS.maxBytes * 1.5);

// The tests differ only in these data; the order here is the order they are declared and run in.
const FRAMING_TESTS: readonly FramingTest[] = [
  refused('HDR-ACCEPT', 'a missing Accept, or one that excludes JSON, is 400 INVALID_REQUEST', [
    ['no Accept', H.noAccept, { headers: { Accept: null } }],
    ['Accept: text/html', H.acceptTextHtml, { headers: { Accept: 'text/html' } }],
  ]),
  refused('HDR-CONTENT-TYPE', 'a missing or non-JSON Content-Type is 400 INVALID_REQUEST', [
    ['no Content-Type', H.noContentType, { headers: { 'Content-Type': null } }],
    ['Content-Type: text/plain', H.contentTypeTextPlain, { headers: { 'Content-Type': 'text/plain' } }],
  ]),
  accepted(
    'HDR-MEDIA-TYPE-PARAMS',
    'media types with parameters, other case, or wildcards that admit JSON are accepted',
    [
      [
        'Content-Type with charset',
        H.contentTypeCharset,
        { headers: { 'Content-Type': 'application/json; charset=utf-8' } },
      ],
      [
        'upper-case media types',
        H.upperCaseMediaTypes,
        { headers: { 'Content-Type': 'APPLICATION/JSON', Accept: 'Application/Json' } },
      ],
      ['Accept: */*', H.acceptAny, { headers: { Accept: '*/*' } }],
      [
        'Accept list with application/*',
        H.acceptListWildcard,
        { headers: { Accept: 'text/html, application/*;q=0.8' } },
      ],
    ],
  ),
  refused('HDR-WECHATPAY-SERIAL', 'a Wechatpay-Serial the server does not have is 400 INVALID_REQUEST', [
    ['unknown platform key id', H.unknownPlatformSerial, { headers: { 'Wechatpay-Serial': UNKNOWN_PLATFORM_SERIAL } }],
  ]),
  refused('BODY-NOT-JSON', 'a body that is not JSON is 400 INVALID_REQUEST', [
    ['truncated JSON', H.truncatedJson, { body: '{"service_id": "x",' }],
  ]),
  refused('BODY-NOT-OBJECT', 'a JSON body that is not an object is 400 PARAM_ERROR', [
    ['a JSON array', H.jsonArray, { body: '[]' }],
  ]),
  refused('BODY-LIMITS', 'a body over 1 MiB is 400 INVALID_REQUEST, not a crash', [
    ['a body half again over the limit', H.bodyOverLimit, { body: JSON.stringify({ attach: OVER_LIMIT_ATTACH }) }],
  ]),
  refused('ROUTE-UNKNOWN', 'an unknown path is 404 NOT_FOUND', [
    ['unknown path', H.unknownPath, { path: '/v3/payscore/acquiringbank/serviceorders' }],
  ]),
  refused('ROUTE-METHOD', 'PUT on the endpoint is 405 METHOD_NOT_ALLOWED', [['PUT', H.putMethod, { method: 'PUT' }]]),
];

async function exchangeOf(
  target: TargetHandle,
  { ruleId, accept }: FramingTest,
  [caseName, index, raw]: FramingCase,
): Promise<JudgedExchange> {
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
  for (const test of FRAMING_TESTS) {
    // Each case's request is judged on its own answer: they go out together.
    ruleTest(__filename, test.ruleId, test.statement, (t) =>
      Promise.all(test.cases.map((c) => exchangeOf(t, test, c))),
    );
  }
});
