// The live console (mock/console) in a real headless Chromium, against the mock started as users start it:
// `mock --audit DIR` in-process, its console on by default. A request with defects appears with its client-rule
// finding and its signature diagnosis; a fault switched in the page changes the next answer; the report downloads.
import { join } from 'node:path';
import { generateTestKeyPair, MISTAKEN_SIGNERS, tempDir } from '../apiv3/testing';
import { dataDirCaller, mockRequest, validBody } from '../mock/testing';
import type { FreshMock } from '../mock';
import { ENDPOINT_PATH } from '../specification';
import { parseMockArgs } from './mockArgs';
import { mockCommand } from './mockCommand';
import { browserDriver, type BrowserDriver } from './testing/browserDriver';
import { captureIo, tempDirs } from './testing/captureIo';

/** Set to a path (docs/console.png) to refresh docs/sandbox.md's screenshot; otherwise it goes to a temp dir. */
const SCREENSHOT_ENV = 'PAYSCORE_CONSOLE_SCREENSHOT';

jest.setTimeout(60_000);
const freshDir = tempDirs('payscore-console-');
const abort = new AbortController();
let running: Promise<number>;
let caller: FreshMock;
let browser: BrowserDriver;

beforeAll(async () => {
  const dir = freshDir();
  const c = captureIo();
  const argv = ['--port', '0', '--data-dir', join(dir, 'data'), '--quiet', '--helper-nice', '0'];
  running = mockCommand([...argv, '--audit', join(dir, 'audit')], { ...c.io, signal: abort.signal });
  for (let i = 0; i < 100 && !c.out.some((l) => l.includes('console on')); i++)
    await new Promise((resolve) => setTimeout(resolve, 100));
  const url = /console on (\S+)\/__console/.exec(c.out.join('\n'))?.[1];
  if (url === undefined) throw new Error(`the mock did not announce its console: ${[...c.out, ...c.err].join('\n')}`);
  caller = dataDirCaller(join(dir, 'data'), url);
  browser = browserDriver();
  await browser.call('open', `${url}/__console`);
});

afterAll(async () => {
  await browser?.stop();
  abort.abort();
  expect(await running).toBe(0);
});

/** The request rows on the page, newest first, once `done` holds for them (the page polls every second). */
async function rowsWhen(done: (rows: string[]) => boolean): Promise<string[]> {
  let rows: string[] = [];
  for (let i = 0; i < 50; i++) {
    rows = await browser.call<string[]>('rows', '#requests');
    if (done(rows)) return rows;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`the console never showed the expected requests; it shows:\n${rows.join('\n')}`);
}

/** A create as a careful client sends it: it breaks no client rule. */
const create = () =>
  mockRequest(caller, validBody(caller.config.identities), {
    headers: { 'User-Agent': 'console-test', 'Wechatpay-Serial': caller.config.platformKeys[0]?.serial },
  });

test('a request without User-Agent shows its finding; a bad signature shows its diagnosis', async () => {
  const noAgent = await mockRequest(caller, validBody(caller.config.identities));
  expect(noAgent.status).toBe(200);
  const other = generateTestKeyPair(tempDir('payscore-console-other-'), 'other');
  const signer = MISTAKEN_SIGNERS['final-newline-missing'];
  if (signer === undefined) throw new Error('no final-newline-missing signer');
  const signed = signer({
    method: 'POST',
    path: ENDPOINT_PATH,
    body: validBody(caller.config.identities),
    timestamp: Math.floor(Date.now() / 1000),
    nonce: 'console0test0nonce0final0newline',
    mchid: caller.config.mchid,
    serialNo: caller.keys.merchantSerialNo,
    privateKey: caller.keys.merchantPrivateKey,
    other: { serialNo: '0123456789ABCDEF0123456789ABCDEF', privateKey: other.privatePem },
  });
  const refused = await mockRequest(caller, signed.body, {
    authorization: signed.authorization,
    headers: { 'User-Agent': 'console-test' },
  });
  expect([refused.status, refused.json['code']]).toEqual([401, 'SIGN_ERROR']);

  const rows = await rowsWhen((r) => r.length >= 2);
  expect(rows[1]).toMatch(/POST\s+\/v3\/payscore\/acquiringbank\/serviceorder\s+200/);
  expect(rows[1]).toContain('CLIENT-USER-AGENT');
  expect(rows[0]).toMatch(/401\s+SIGN_ERROR/);
  expect(rows[0]).toContain('final-newline-missing');
  expect(rows[0]).not.toContain('CLIENT-USER-AGENT');
  expect(await browser.call<string[]>('rows', '#orders')).toHaveLength(1);
});

test('a fault switched on in the page changes the next answer; switched off, the mock answers as before', async () => {
  expect((await create()).status).toBe(200);
  expect((await rowsWhen((r) => r.length >= 3))[0]).toMatch(/200\s.*\d+ rules passed/);
  expect(await browser.call('toggle', '#fault-system-error')).toBe(200);
  const failed = await create();
  expect([failed.status, failed.json['code']]).toEqual([500, 'SYSTEM_ERROR']);
  await rowsWhen((r) => /500\s+SYSTEM_ERROR/.test(r[0] ?? ''));

  expect(await browser.call('toggle', '#fault-system-error')).toBe(200);
  expect((await create()).status).toBe(200);
});

test('a fault read at start cannot be switched: the page says so', async () => {
  const box = await browser.call<{ disabled: boolean; text: string }>('box', '#fault-never-expire');
  expect(box.disabled).toBe(true);
  expect(box.text).toContain('restart needed');
});

test('the client report downloads as an HTML attachment naming the broken rule', async () => {
  const report = await browser.call<{ status: number; type: string; disposition: string; text: string }>(
    'follow',
    '#report',
  );
  expect(report.status).toBe(200);
  expect(report.type).toMatch(/^text\/html/);
  expect(report.disposition).toBe('attachment; filename="client-report.html"');
  expect(report.text).toMatch(/^<!doctype html>/i);
  expect(report.text).toContain('CLIENT-USER-AGENT');

  await rowsWhen((r) => r.length >= 5);
  const shot = await browser.call<{ bytes: number; magic: string }>(
    'screenshot',
    process.env[SCREENSHOT_ENV] ?? join(freshDir(), 'console.png'),
  );
  expect(shot.magic).toBe('PNG');
});

test('the console is on by default, off with --no-console, and off with --workers N (each process would show its own)', () => {
  const consoleOf = (argv: string[]) => {
    const args = parseMockArgs(argv);
    return args.help ? undefined : args.options.console;
  };
  expect([consoleOf([]), consoleOf(['--no-console']), consoleOf(['--workers', '2'])]).toEqual([true, false, false]);
});
