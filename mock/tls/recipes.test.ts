// docs/sandbox.md's proxy recipes, run as written where this machine has the toolchain: Java 17 (java.net.http.HttpClient
// and HttpURLConnection, system proxy properties and a keytool trust store) and Python requests (HTTPS_PROXY,
// REQUESTS_CA_BUNDLE). Each reaches https://api.mch.weixin.qq.com through `mock --proxy` and creates an order.
// The request is signed here (the recipes are about reaching the sandbox, not about signing).
import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { newNonce, signRequest } from '../../apiv3';
import { ENDPOINT_PATH } from '../../specification';
import { startStandaloneMock, type StandaloneMock } from '../standalone';
import { tempDirs, validBody } from '../testing';

const run = promisify(execFile);
const dirs = tempDirs('payscore-recipes-');
const WECHAT_URL = `https://api.mch.weixin.qq.com${ENDPOINT_PATH}`;
const CLEAN_ENV = Object.fromEntries(
  Object.entries(process.env).filter(([k]) => !/proxy|NODE_EXTRA_CA_CERTS|NODE_OPTIONS|CA_BUNDLE|SSL_CERT/i.test(k)),
);
let mock: StandaloneMock;
let dataDir: string;
let proxyPort: string;

beforeAll(async () => {
  dataDir = dirs.fresh();
  mock = await startStandaloneMock({ dataDir, port: 0, proxyPort: 0 });
  proxyPort = new URL(mock.proxyUrl ?? '').port;
});
afterAll(async () => {
  await mock.stop();
  dirs.removeAll();
});

/** A fresh order and its Authorization, signed with the data directory's merchant key. */
function signedOrder(): { body: string; authorization: string; outOrderNo: unknown } {
  const order = validBody(mock.profile.identities);
  const body = JSON.stringify(order);
  const { authorization } = signRequest({
    method: 'POST',
    pathWithQuery: ENDPOINT_PATH,
    timestamp: Math.floor(Date.now() / 1000),
    nonce: newNonce(),
    body,
    mchid: mock.profile.mchid,
    serialNo: mock.profile.merchant.serialNo,
    privateKey: readFileSync(join(dataDir, 'merchant_key.pem'), 'utf8'),
  });
  return { body, authorization, outOrderNo: order['out_order_no'] };
}

const JAVA = `import java.net.*; import java.net.http.*; import java.io.*; import java.nio.charset.StandardCharsets;
public class Sandbox {
  public static void main(String[] a) throws Exception {
    // java.net.http: the default client uses the system proxy properties (JDK 11+).
    HttpRequest req = HttpRequest.newBuilder(URI.create(a[0])).header("Content-Type", "application/json")
      .header("Accept", "application/json").header("User-Agent", "recipe-java").header("Authorization", a[2])
      .POST(HttpRequest.BodyPublishers.ofString(a[1])).build();
    HttpResponse<String> res = HttpClient.newHttpClient().send(req, HttpResponse.BodyHandlers.ofString());
    System.out.println(res.statusCode() + " " + res.body());
    HttpURLConnection c = (HttpURLConnection) new URL(a[0]).openConnection();
    c.setRequestMethod("POST"); c.setDoOutput(true);
    c.setRequestProperty("Content-Type", "application/json"); c.setRequestProperty("Accept", "application/json");
    c.setRequestProperty("User-Agent", "recipe-java"); c.setRequestProperty("Authorization", a[4]);
    try (OutputStream o = c.getOutputStream()) { o.write(a[3].getBytes(StandardCharsets.UTF_8)); }
    System.out.println(c.getResponseCode() + " " + new String(c.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
  }
}`;

test('Java 17: keytool trust store and -Dhttps.proxyHost reach the sandbox with HttpClient and HttpURLConnection', async () => {
  const dir = dirs.fresh();
  const store = join(dir, 'sandbox.jks');
  await run('keytool', [
    ...['-importcert', '-noprompt', '-alias', 'payscore-sandbox', '-file', mock.caPath ?? ''],
    ...['-keystore', store, '-storepass', 'changeit'],
  ]);
  writeFileSync(join(dir, 'Sandbox.java'), JAVA);
  const [first, second] = [signedOrder(), signedOrder()];
  const { stdout } = await run(
    'java',
    [
      ...['-Dhttps.proxyHost=127.0.0.1', `-Dhttps.proxyPort=${proxyPort}`],
      ...[`-Djavax.net.ssl.trustStore=${store}`, '-Djavax.net.ssl.trustStorePassword=changeit'],
      join(dir, 'Sandbox.java'),
      ...[WECHAT_URL, first.body, first.authorization, second.body, second.authorization],
    ],
    { env: CLEAN_ENV, timeout: 60_000 },
  );
  const [viaHttpClient, viaUrlConnection] = stdout.trim().split('\n');
  expect(viaHttpClient).toMatch(new RegExp(`^200 .*"out_order_no":"${String(first.outOrderNo)}"`));
  expect(viaUrlConnection).toMatch(new RegExp(`^200 .*"out_order_no":"${String(second.outOrderNo)}"`));
}, 90_000);

const PYTHON = `import os, sys, requests
r = requests.post(sys.argv[1], data=sys.argv[2].encode('utf-8'), headers={'Content-Type': 'application/json',
    'Accept': 'application/json', 'User-Agent': 'recipe-python', 'Authorization': sys.argv[3]}, timeout=30)
print(r.status_code, r.text)`;

test('Python requests: HTTPS_PROXY and REQUESTS_CA_BUNDLE reach the sandbox', async () => {
  const order = signedOrder();
  const { stdout } = await run('python3', ['-c', PYTHON, WECHAT_URL, order.body, order.authorization], {
    env: { ...CLEAN_ENV, HTTPS_PROXY: mock.proxyUrl ?? '', REQUESTS_CA_BUNDLE: mock.caPath ?? '' },
    timeout: 60_000,
  });
  expect(stdout).toMatch(new RegExp(`^200 .*"out_order_no":"${String(order.outOrderNo)}"`));
}, 90_000);
