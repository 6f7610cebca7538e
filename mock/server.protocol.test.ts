import { newNonce, signRequest } from '../apiv3';
import { ENDPOINT_PATH } from '../specification';
import type { FreshMock } from './index';
import { createMockWithFreshKeys, rawExchange, validBody, type RawAnswer } from './testing';

// Every answer is a signed JSON answer (HTTP-MALFORMED, AUTH-SINGLE): what node:http cannot parse
// is answered 400 INVALID_REQUEST as signed JSON with a Request-ID, then the connection closes.
let mock: FreshMock;
beforeAll(async () => {
  mock = createMockWithFreshKeys({ headersTimeoutMs: 400, requestTimeoutMs: 800 });
  await mock.listen();
});
afterAll(() => mock.server.stop());

const send = (bytes: string | Buffer, options = {}): Promise<RawAnswer> =>
  rawExchange(mock.profile.baseUrl, bytes, mock.config.platformKeys, options);

const expectSignedJson = (answer: RawAnswer, status: number, code: string): void => {
  expect([answer.status, answer.json?.['code']]).toEqual([status, code]);
  expect(answer.signature).toEqual({ ok: true });
  expect(answer.headers['request-id']).toMatch(/^[0-9a-f-]{36}$/);
  expect(answer.headers['content-type']).toBe('application/json');
};

function signedHead(body: string, authorizations = 1): string {
  const { authorization } = signRequest({
    method: 'POST',
    pathWithQuery: ENDPOINT_PATH,
    body: Buffer.from(body),
    mchid: mock.config.mchid,
    serialNo: mock.keys.merchantSerialNo,
    privateKey: mock.keys.merchantPrivateKey,
    timestamp: Math.floor(Date.now() / 1000),
    nonce: newNonce(),
  });
  const auth = Array.from({ length: authorizations }, () => `Authorization: ${authorization}\r\n`).join('');
  return `POST ${ENDPOINT_PATH} HTTP/1.1\r\nHost: x\r\n${auth}Accept: application/json\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n`;
}

describe('requests node:http cannot take are signed JSON 400 INVALID_REQUEST, then close (HTTP-MALFORMED)', () => {
  test.each([
    ['a bad Content-Length', `POST ${ENDPOINT_PATH} HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n`],
    [
      'a duplicate Content-Length',
      `POST ${ENDPOINT_PATH} HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab`,
    ],
    [
      'Content-Length with chunked',
      `POST ${ENDPOINT_PATH} HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n`,
    ],
    ['a 64 KB header', `GET / HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(64 * 1024)}\r\n\r\n`],
    ['bare LF line ends', `GET / HTTP/1.1\nHost: x\n\n`],
    ['no Host', `POST ${ENDPOINT_PATH} HTTP/1.1\r\nContent-Length: 0\r\n\r\n`],
    ['an HTTP/2 preface', 'PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n'],
    ['an unknown method', `FOO ${ENDPOINT_PATH} HTTP/1.1\r\nHost: x\r\n\r\n`],
    ['Expect: chaos', `POST ${ENDPOINT_PATH} HTTP/1.1\r\nHost: x\r\nExpect: chaos\r\nContent-Length: 2\r\n\r\n{}`],
    ['binary garbage', '\u0000\u0001\u0002\u00ff\r\n\r\n'],
  ])('%s', async (_name, bytes) => {
    const answer = await send(bytes);
    expectSignedJson(answer, 400, 'INVALID_REQUEST');
    expect(answer.headers['connection']).toBe('close');
    expect(String(answer.json?.['message'])).toContain('HTTP-MALFORMED');
  });

  test('headers sent a byte at a time are cut off after the headers timeout, with a signed answer', async () => {
    const started = Date.now();
    const answer = await send(`GET / HTTP/1.1\r\nHost: x\r\nX-Slow: ${'a'.repeat(200)}\r\n\r\n`, {
      chunkBytes: 1,
      delayMs: 20,
    });
    expectSignedJson(answer, 400, 'INVALID_REQUEST');
    expect(String(answer.json?.['message'])).toContain('timeouts');
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  test('twenty slow connections are all closed within a few timeouts', async () => {
    const started = Date.now();
    const answers = await Promise.all(
      Array.from({ length: 20 }, () =>
        send('GET / HTTP/1.1\r\nHost: x\r\nX-Slow: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', {
          chunkBytes: 1,
          delayMs: 50,
        }),
      ),
    );
    for (const answer of answers) expectSignedJson(answer, 400, 'INVALID_REQUEST');
    expect(Date.now() - started).toBeLessThan(4_000);
  });
});

test('a body slower than the request timeout is answered on its own response, signed', async () => {
  const answer = await send(`POST ${ENDPOINT_PATH} HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{"a":`);
  expectSignedJson(answer, 400, 'INVALID_REQUEST');
  expect(String(answer.json?.['message'])).toContain('timeouts');
});

describe('Authorization is one header (AUTH-SINGLE)', () => {
  const body = (): string => JSON.stringify(validBody(mock.config.identities));
  test('two Authorization headers are 401 SIGN_ERROR, signed', async () => {
    const text = body();
    const answer = await send(Buffer.from(`${signedHead(text, 2)}${text}`));
    expectSignedJson(answer, 401, 'SIGN_ERROR');
    expect(String(answer.json?.['message'])).toContain('AUTH-SINGLE');
  });
  test('the same request with one Authorization header is 200', async () => {
    const text = body();
    const answer = await send(Buffer.from(`${signedHead(text, 1)}${text}`));
    expect([answer.status, answer.signature]).toEqual([200, { ok: true }]);
  });
});
