// The curl command of an exchange reproduces the request exactly: run it with bash against the same
// local server and compare what arrives with what the client sent (bytes, headers, method, path).
import { exec } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startLocalServer, testProfile, type LocalServer, type SeenRequest, type TestProfile } from './testing';
import { createClient, CURL_INLINE_BODY_LIMIT, renderCurl, type RawRequest } from '.';

const run = promisify(exec);
let server: LocalServer;
let target: TestProfile;

beforeAll(async () => {
  server = await startLocalServer((_req, res) => {
    res.writeHead(204).end();
  });
  target = testProfile(server.baseUrl);
});
afterAll(() => server.close());
beforeEach(() => {
  server.seen.length = 0;
});

// Connection is transport bookkeeping (node keeps alive, curl does not); everything else must match.
const comparable = (s: SeenRequest | undefined) => {
  const { connection: _c, ...headers } = s?.headers ?? {};
  return { method: s?.method, url: s?.url, headers, body: s?.body.toString('hex') };
};

const CASES: Array<[string, RawRequest]> = [
  ['a JSON body with Chinese and an emoji outside the BMP', { body: '{"service_introduction":"某某酒店","d":"😀🚲"}' }],
  ['single quotes, backslashes, $ and newlines', { body: `{"a":"it's \\"q\\" $HOME \`x\`"}\n{"b":"%s %d"}\n` }],
  ['carriage returns, tabs and control bytes', { body: '{"a":"x\r\n\t\u0001\u001b[0m"}' }],
  ['bytes that are not UTF-8', { body: Buffer.from([0x7b, 0xff, 0xfe, 0xc3, 0x28, 0x27, 0x5c, 0x7d]) }],
  ['a NUL byte (needs a printf pipe)', { body: Buffer.from('{"a":"\u0000\'%\\中"}', 'utf8') }],
  ['an empty POST body', { body: '' }],
  [
    'a GET with a query and no body',
    { method: 'GET', path: '/v3/payscore/acquiringbank/serviceorder?out_order_no=A%201&x=[1]', sign: false },
  ],
  [
    'a GET that carries Content-Length: 0 on purpose',
    { method: 'GET', headers: { 'Content-Length': '0' }, sign: false },
  ],
  [
    'removed defaults, an empty header value and an unusual path',
    {
      body: '{}',
      path: '/v3/../v3/payscore/acquiringbank/serviceorder',
      headers: { Accept: null, 'User-Agent': null, 'Content-Type': null, 'X-Empty': '' },
    },
  ],
  [
    'a body over 1 KiB (no Expect: 100-continue)',
    { body: JSON.stringify({ service_introduction: '长'.repeat(1000) }) },
  ],
];

test.each(CASES)('curl reproduces %s byte for byte', async (_name, raw) => {
  const client = createClient(target.profile);
  const exchange = await client.send(raw);
  client.close();
  expect(exchange.response?.status).toBe(204);
  await run(exchange.curl, { shell: '/bin/bash' });
  expect(server.seen).toHaveLength(2);
  expect(comparable(server.seen[1])).toEqual(comparable(server.seen[0]));
});

test('the command is single-quoted and carries the body via --data-binary', () => {
  const curl = renderCurl({
    method: 'POST',
    url: 'http://127.0.0.1:1/p',
    pathWithQuery: '/p',
    headers: { 'X-Q': "it's" },
    body: Buffer.from('{"a":"中😀"}'),
  });
  expect(curl).toBe(
    `curl -sS -i -g --path-as-is -X 'POST' 'http://127.0.0.1:1/p' -H 'X-Q: it'\\''s' -H 'accept:' -H 'user-agent:' -H 'Content-Type:' --data-binary '{"a":"中😀"}'`,
  );
});

test("control bytes use $'…' escapes and a NUL byte a printf pipe", () => {
  const base = {
    method: 'POST',
    url: 'http://127.0.0.1:1/p',
    pathWithQuery: '/p',
    headers: { 'Content-Type': 'application/json', Accept: '*/*', 'User-Agent': 'u' },
  };
  expect(renderCurl({ ...base, body: Buffer.from("a\rb'c") })).toContain(`--data-binary $'a\\x0db\\'c'`);
  expect(renderCurl({ ...base, body: Buffer.from('a\u0000%') })).toMatch(
    /^printf 'a\\x00%%' \| curl .* --data-binary @-$/,
  );
});

test('a body over 4 KiB is sent from a file, and the line stays short', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'curl-body-'));
  try {
    const client = createClient(target.profile);
    const exchange = await client.send({ body: JSON.stringify({ service_introduction: '长'.repeat(200_000) }) });
    client.close();
    const file = join(dir, "it's body.bin");
    writeFileSync(file, exchange.request.body);
    const curl = renderCurl(exchange.request, { bodyFile: file });
    expect(curl.length).toBeLessThan(CURL_INLINE_BODY_LIMIT);
    expect(exchange.curl.length).toBeLessThan(CURL_INLINE_BODY_LIMIT);
    expect(curl).toContain(`--data-binary @'${dir}/it'\\''s body.bin'`);
    await run(curl, { shell: '/bin/bash' });
    expect(comparable(server.seen[1])).toEqual(comparable(server.seen[0]));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
