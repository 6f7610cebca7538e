// The sandbox proxy as users reach it: curl and an unmodified wechatpay-node-v3 2.2.1 under global-agent
// 3.0.0 create an order at https://api.mch.weixin.qq.com through it; every other host is refused and nothing
// is forwarded (a reachable local server behind a refused CONNECT sees no connection).
import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer, connect, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { newNonce, signRequest, verifyResponseSignature } from '../../apiv3';
import { ENDPOINT_PATH } from '../../specification';
import { startStandaloneMock, type StandaloneMock } from '../standalone';
import { tempDirs, validBody } from '../testing';

const run = promisify(execFile);
const dirs = tempDirs('payscore-proxy-');
const WECHAT_URL = `https://api.mch.weixin.qq.com${ENDPOINT_PATH}`;
// The children see no proxy or CA of the machine: only what each test gives them.
const CLEAN_ENV = Object.fromEntries(
  Object.entries(process.env).filter(([k]) => !/proxy|NODE_EXTRA_CA_CERTS|NODE_OPTIONS/i.test(k)),
);
let mock: StandaloneMock;
let dataDir: string;
let proxy: string;
let ca: string;
const logged: string[] = [];

beforeAll(async () => {
  dataDir = dirs.fresh();
  mock = await startStandaloneMock({ dataDir, port: 0, proxyPort: 0, logger: (line) => logged.push(line) });
  proxy = mock.proxyUrl ?? '';
  ca = mock.caPath ?? '';
});
afterAll(async () => {
  await mock.stop();
  dirs.removeAll();
});

const key = (file: string): string => readFileSync(join(dataDir, file), 'utf8');

/** curl -i through the proxy; status, headers (lower case) and body of the last answer. */
async function curl(args: string[]): Promise<{ status: number; headers: Record<string, string>; body: string }> {
  const { stdout } = await run('curl', ['-sS', '-i', '--proxy', proxy, '--cacert', ca, ...args], { env: CLEAN_ENV });
  const parts = stdout.split('\r\n\r\n');
  const head = parts.slice(0, -1).pop() ?? '';
  const headers = Object.fromEntries(
    head
      .split('\r\n')
      .slice(1)
      .map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]),
  );
  return { status: Number(/^HTTP\/[\d.]+ (\d+)/.exec(head)?.[1]), headers, body: parts.at(-1) ?? '' };
}

const signedByMock = (answer: { headers: Record<string, string>; body: string }) =>
  verifyResponseSignature({
    headers: answer.headers,
    body: answer.body,
    platformKey: (serial) => (serial === mock.profile.platform.serial ? key('platform_pub.pem') : undefined),
    now: Math.floor(Date.now() / 1000),
  });

describe('curl --proxy … --cacert ca.pem https://api.mch.weixin.qq.com', () => {
  test('a signed request creates an order, and the answer is signed by the mock', async () => {
    const body = JSON.stringify(validBody(mock.profile.identities));
    const signed = signRequest({
      method: 'POST',
      pathWithQuery: ENDPOINT_PATH,
      body,
      mchid: mock.profile.mchid,
      serialNo: mock.profile.merchant.serialNo,
      privateKey: key('merchant_key.pem'),
      timestamp: Math.floor(Date.now() / 1000),
      nonce: newNonce(),
    });
    const headers = [
      'Accept: application/json',
      'Content-Type: application/json',
      `Authorization: ${signed.authorization}`,
    ];
    const answer = await curl(['-X', 'POST', WECHAT_URL, ...headers.flatMap((h) => ['-H', h]), '--data-binary', body]);
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toMatchObject({ state: 'DOING', mchid: mock.profile.mchid });
    expect(signedByMock(answer)).toEqual({ ok: true });
  });

  test('an unsigned request gets the mock’s signed 401', async () => {
    const answer = await curl(['-X', 'POST', WECHAT_URL, '-H', 'Content-Type: application/json', '--data', '{}']);
    expect(answer.status).toBe(401);
    expect(JSON.parse(answer.body)).toMatchObject({ code: 'SIGN_ERROR' });
    expect(signedByMock(answer)).toEqual({ ok: true });
  });

  test('another host is refused: curl reports the 403 of its CONNECT', async () => {
    const refused = await run('curl', ['-sS', '--proxy', proxy, 'https://example.com/'], { env: CLEAN_ENV }).then(
      () => 'passed',
      (e: { code: number; stderr: string }) => `${e.code} ${e.stderr}`,
    );
    expect(refused).toMatch(/^56 .*CONNECT tunnel failed, response 403/);
  });
});

/** The proxy's refusal lines in the mock's log, parsed. */
const refusals = (): unknown[] =>
  logged.filter((l) => l.includes('"proxy":"refused"')).map((l) => JSON.parse(l) as unknown);

/** One raw exchange with the proxy: what it answers to `request`. */
function ask(request: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(Number(new URL(proxy).port), '127.0.0.1', () => socket.write(request));
    const chunks: Buffer[] = [];
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    socket.on('error', reject);
  });
}

describe('the proxy forwards nothing', () => {
  test('a CONNECT to a listening local server is refused, and that server sees no connection', async () => {
    let connections = 0;
    const bystander = createServer(() => (connections += 1));
    await new Promise<void>((r) => bystander.listen(0, '127.0.0.1', r));
    const port = (bystander.address() as AddressInfo).port;
    try {
      const answer = await ask(`CONNECT 127.0.0.1:${port} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n\r\n`);
      expect(answer).toMatch(/^HTTP\/1\.1 403 /);
      expect(answer).toContain('forwards nothing');
      expect(connections).toBe(0);
      expect(refusals()).toContainEqual(
        expect.objectContaining({ method: 'CONNECT', host: '127.0.0.1', port: String(port) }),
      );
    } finally {
      bystander.close();
    }
  });

  test.each([
    ['api.mch.weixin.qq.com:80', 'port 80 is not 443'],
    ['api.mch.weixin.qq.com.evil.example:443', 'not a WeChat Pay API host'],
  ])('CONNECT %s is refused: %s', async (authority, why) => {
    const answer = await ask(`CONNECT ${authority} HTTP/1.1\r\nHost: ${authority}\r\n\r\n`);
    expect(answer).toMatch(/^HTTP\/1\.1 403 /);
    expect(answer).toContain(why);
    const [host, port] = authority.split(':');
    expect(refusals()).toContainEqual({ level: 'warn', proxy: 'refused', method: 'CONNECT', host, port, why });
  });

  test('plain HTTP to WeChat’s host is refused: APIv3 is HTTPS only', async () => {
    const answer = await ask(
      `GET http://api.mch.weixin.qq.com${ENDPOINT_PATH} HTTP/1.1\r\nHost: api.mch.weixin.qq.com\r\n\r\n`,
    );
    expect(answer).toMatch(/^HTTP\/1\.1 403 /);
    expect(answer).toContain('HTTPS only');
    expect(refusals()).toContainEqual(
      expect.objectContaining({
        method: 'GET',
        host: 'api.mch.weixin.qq.com',
        port: '80',
        why: expect.stringMatching(/HTTPS only/),
      }),
    );
  });
});

// Unmodified SDK code: it hard-codes https://api.mch.weixin.qq.com and signs the path only for that host.
const SDK_SCRIPT = `const { readFileSync } = require('node:fs');
const WxPay = require('wechatpay-node-v3');
const [keyPath, pubPath, serial, mchid, bodyJson] = process.argv.slice(2);
const pay = new WxPay({ appid: 'wx0', mchid, serial_no: serial, publicKey: readFileSync(pubPath), privateKey: readFileSync(keyPath) });
const url = '${WECHAT_URL}';
const body = JSON.parse(bodyJson);
const headers = { Accept: 'application/json', 'Content-Type': 'application/json', 'User-Agent': 'wechatpay-node-v3', Authorization: pay.buildAuthorization('POST', url, body) };
pay.httpService.post(url, body, headers).then((res) => console.log(JSON.stringify({ status: res.status, data: res.data })));`;

test('wechatpay-node-v3 2.2.1, unmodified, creates an order under node -r global-agent/bootstrap', async () => {
  const script = join(dirs.fresh(), 'createOrder.js');
  writeFileSync(script, SDK_SCRIPT);
  const body = validBody(mock.profile.identities);
  const { stdout } = await run(
    process.execPath,
    [
      '-r',
      'global-agent/bootstrap',
      script,
      join(dataDir, 'merchant_key.pem'),
      join(dataDir, 'merchant_pub.pem'),
      mock.profile.merchant.serialNo,
      mock.profile.mchid,
      JSON.stringify(body),
    ],
    {
      env: {
        ...CLEAN_ENV,
        GLOBAL_AGENT_HTTP_PROXY: proxy,
        NODE_EXTRA_CA_CERTS: ca,
        NODE_PATH: join(__dirname, '..', '..', 'node_modules'),
      },
    },
  );
  const answer = JSON.parse(stdout) as { status: number; data: Record<string, unknown> };
  expect(answer.status).toBe(200);
  expect(answer.data).toMatchObject({ out_order_no: body['out_order_no'], state: 'DOING' });
});
