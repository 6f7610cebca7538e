import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACT_REPORT_FILES } from '../pact';
import { pactCommand } from './pactCommand';
import { captureIo, tempDirs } from './testing/captureIo';

// `pact verify` on the committed pacts: ours and the example merchant's pass; the two broken example
// pacts fail naming the interaction and the field; bad input is exit 2 naming the file or flag.

jest.setTimeout(60_000);

const ROOT = join(__dirname, '..');
const OUR_PACT = join(ROOT, 'contracts', 'pacts', 'payscore-merchant-client-payscore-acquiringbank-serviceorder.json');
const EXAMPLES = join(ROOT, 'examples', 'pacts');
const SHOP = join(EXAMPLES, 'example-merchant-shop-payscore-acquiringbank-serviceorder.json');
const NUMERIC = join(EXAMPLES, 'broken', 'example-merchant-numeric-order-id-payscore-acquiringbank-serviceorder.json');
const BROKEN = join(EXAMPLES, 'broken', 'example-merchant-broken-payscore-acquiringbank-serviceorder.json');
const tempDir = tempDirs('payscore-pact-verify-');

async function verify(...args: string[]) {
  const reports = tempDir();
  const { out, err, io } = captureIo();
  const code = await pactCommand(['verify', ...args, '--reports', reports], io);
  const junit = existsSync(join(reports, PACT_REPORT_FILES.junit))
    ? readFileSync(join(reports, PACT_REPORT_FILES.junit), 'utf8')
    : '';
  return { code, out: out.join('\n'), err: err.join('\n'), junit, reports };
}

const count = (text: string, tag: string): number => text.split(`<${tag}`).length - 1;

describe('pact verify passes', () => {
  test('our own pact (contracts/pacts): every interaction in both stages, reports in --reports only', async () => {
    const { code, out, junit, reports } = await verify(OUR_PACT);
    expect({ code, out }).toEqual({ code: 0, out: '' });
    const interactions = (JSON.parse(readFileSync(OUR_PACT, 'utf8')) as { interactions: unknown[] }).interactions;
    expect(count(junit, 'testcase ')).toBe(2 * interactions.length);
    expect(count(junit, 'failure ')).toBe(0);
    expect(readdirSync(reports).sort()).toEqual(Object.values(PACT_REPORT_FILES).sort());
  });

  test('the example merchant pact (its own ids, placeholder signatures, states without injected values)', async () => {
    const { code, out, err, junit } = await verify(SHOP);
    expect({ code, out }).toEqual({ code: 0, out: '' });
    expect(err).not.toContain('not one the sandbox knows');
    expect(count(junit, 'testcase ')).toBe(8);
  });

  test('interactions on other paths and unknown states are reported, not crashed on', async () => {
    const pact = JSON.parse(readFileSync(SHOP, 'utf8')) as { interactions: Array<Record<string, unknown>> };
    const [first] = pact.interactions;
    pact.interactions.push({
      ...first,
      description: 'the shop queries an order',
      request: { method: 'GET', path: '/v3/payscore/serviceorder' },
    });
    pact.interactions[0] = { ...first, providerStates: [{ name: 'a state the sandbox does not know' }] };
    const file = join(tempDir(), 'mixed.json');
    writeFileSync(file, JSON.stringify(pact));
    const { code, err } = await verify(file);
    expect(code).toBe(0);
    expect(err).toContain('not verified: "the shop queries an order": GET /v3/payscore/serviceorder is not POST');
    expect(err).toContain('provider state "a state the sandbox does not know" is not one the sandbox knows');
  });
});

/** The example pact rewritten as Pact V3 writes it: bodies and headers bare, no V4 keys. */
function asV3(file: string): string {
  const pact = JSON.parse(readFileSync(file, 'utf8')) as { interactions: Array<Record<string, unknown>> };
  const bare = (part: Record<string, unknown>) => {
    const body = part['body'] as { content?: unknown } | undefined;
    const headers = (part['headers'] ?? {}) as Record<string, string[]>;
    return {
      ...part,
      ...(body === undefined ? {} : { body: body.content }),
      headers: Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, v.join(', ')])),
    };
  };
  const interactions = pact.interactions.map(({ type: _t, pending: _p, key: _k, request, response, ...rest }) => ({
    ...rest,
    request: bare(request as Record<string, unknown>),
    response: bare(response as Record<string, unknown>),
  }));
  const v3 = join(tempDir(), 'v3.json');
  writeFileSync(v3, JSON.stringify({ ...pact, interactions, metadata: { pactSpecification: { version: '3.0.0' } } }));
  return v3;
}

test('pact verify passes the example pact written as Pact V3', async () => {
  const { code, out, junit } = await verify(asV3(SHOP));
  expect({ code, out }).toEqual({ code: 0, out: '' });
  expect(count(junit, 'testcase ')).toBe(8);
});

describe('pact verify fails (exit 1), naming the interaction and the field', () => {
  test('a pact that expects a numeric order_id: both stages', async () => {
    const { code, out, junit } = await verify(NUMERIC);
    expect(code).toBe(1);
    const name =
      '"the shop creates an order and keeps order_id as a number" (given "no order exists with the out_order_no")';
    expect(out).toContain(`${name} [openapi] response $.order_id: Response body is incompatible`);
    expect(out).toMatch(/\[mock\] response \$\.order_id: .*the pact expects 1020991231121314, the mock answered "\d+"/);
    expect(count(junit, 'failure ')).toBe(2);
  });

  test('a pact that expects DOING in confirm mode: the mock stage, at $.state', async () => {
    const { code, out } = await verify(BROKEN);
    expect(code).toBe(1);
    expect(out).toContain(
      '"the shop creates a confirm-mode order and expects it running" (given "no order exists with the out_order_no") [mock] response $.state:',
    );
    expect(out).toContain('the pact expects "DOING", the mock answered "CREATED"');
  });
});

test("pact verify fails an order whose start_time has passed, quoting the mock's answer", async () => {
  const pact = JSON.parse(readFileSync(SHOP, 'utf8')) as {
    interactions: Array<{ description: string; request: { body: { content: { time_range: object } } } }>;
  };
  const stale = pact.interactions.filter((i) => i.description === 'the shop creates a no-confirm order');
  for (const i of stale) i.request.body.content.time_range = { start_time: '20200101000000' };
  const { code, out } = await verify(written(JSON.stringify({ ...pact, interactions: stale })));
  expect(code).toBe(1);
  expect(out).toContain('[mock] response status: expected 200, the mock answered 400: {"code":"INVALID_REQUEST"');
  expect(out).toContain('(TIME-START-FUTURE)');
});

describe('pact verify: bad input is exit 2, named', () => {
  test.each([
    ['a missing file', () => join(tempDir(), 'missing.json'), 'no such file'],
    ['a folder', () => tempDir(), 'a directory, not a file'],
    ['not JSON', () => written('{ nope'), 'not JSON'],
    ['JSON that is no pact', () => written('{"consumer":{}}'), 'not a pact (no "interactions" array)'],
    [
      'a pact of another endpoint',
      () =>
        written(
          JSON.stringify({ interactions: [{ description: 'x', request: { method: 'GET', path: '/v3/other' } }] }),
        ),
      'not a pact of this endpoint',
    ],
  ])('%s', async (_what, make, reason) => {
    const file = make();
    const { code, err } = await verify(file);
    expect(code).toBe(2);
    expect(err).toContain(`payscore-conformance pact: ${file}: ${reason}`);
  });

  test('a bad flag, a missing FILE, an unknown subcommand; --help is 0', async () => {
    const run = async (...argv: string[]) => {
      const { err, io } = captureIo();
      return { code: await pactCommand(argv, io), err: err.join('\n') };
    };
    expect(await run('verify', SHOP, '--nope')).toMatchObject({ code: 2, err: expect.stringContaining("'--nope'") });
    expect(await run('verify')).toMatchObject({ code: 2, err: expect.stringContaining('at least one pact FILE') });
    expect(await run('check', SHOP)).toMatchObject({ code: 2, err: expect.stringContaining('"check"') });
    expect((await run('--help')).code).toBe(0);
  });
});

function written(text: string): string {
  const file = join(tempDir(), 'pact.json');
  writeFileSync(file, text);
  return file;
}
