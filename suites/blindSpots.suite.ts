import { TIMESTAMP_WINDOW_SECONDS } from '../apiv3';
import type { Exchange } from '../client';
import type { CreateOrderRequest } from '../specification';
import { ruleTest, SAMPLE, sampleValid, type JudgedExchange, type TargetHandle } from './harness';

// Where realistic implementations go wrong unseen (issue 20): what lenient binders do to a body,
// values that must differ on every answer, the other side of a window, out_order_no and letter case.

const nowSeconds = (): number => Math.floor(Date.now() / 1000);
const reject = (t: TargetHandle, ruleId: string, sent: unknown) => t.context({ kind: 'reject', ruleId }, sent);

/** Two orders in each mode, each judged against the answers before it (fresh_values). */
let fresh: Promise<JudgedExchange[]> | undefined;
function freshAnswers(t: TargetHandle): Promise<JudgedExchange[]> {
  fresh ??= (async () => {
    const judged: JudgedExchange[] = [];
    for (const i of [0, 1, 2, 3]) {
      const sample = sampleValid(t, SAMPLE.blindSpots.freshAnswers.at(i));
      const { openid: _o, sub_openid: _s, ...confirm } = { ...sample, need_user_confirm: true };
      const body: CreateOrderRequest = i < 2 ? sample : confirm;
      const exchange = await t.client.createOrder(body);
      const earlier = judged.map((j) => j.exchange);
      judged.push({ exchange, ctx: { ...t.context({ kind: 'accept' }, body), earlier }, caseName: `order ${i + 1}` });
    }
    return judged;
  })();
  return fresh;
}

describe('values that differ on every answer', () => {
  const header = (name: string) => (e: Exchange) => e.response?.headers[name];
  const field = (name: string) => (e: Exchange) => (e.response?.json as Record<string, unknown> | undefined)?.[name];
  for (const [ruleId, statement, valueOf, what] of [
    ['RESP-REQUEST-ID-UNIQUE', 'four answers carry four Request-IDs', header('request-id'), 'a Request-ID'],
    [
      'RESP-NONCE-FRESH',
      'four answers are signed with four Wechatpay-Nonces',
      header('wechatpay-nonce'),
      'a Wechatpay-Nonce',
    ],
    ['RESP-ORDER-ID', 'four orders answer four order_ids', field('order_id'), 'an order_id'],
    ['STATE-CONFIRM-MODE', 'two confirm-mode orders answer two packages', field('package'), 'a package'],
  ] as const) {
    // Uniqueness needs two values to compare: answers without them prove nothing (never "passed").
    const evidence = (items: JudgedExchange[]): string | undefined =>
      items.filter((i) => {
        const value = valueOf(i.exchange);
        return typeof value === 'string' && value !== '';
      }).length >= 2
        ? undefined
        : `fewer than two of the ${items.length} answers carry ${what} to compare`;
    ruleTest(__filename, ruleId, statement, freshAnswers, { inScope: (r) => r === ruleId, evidence });
  }
});

describe('what lenient binders do to a body', () => {
  ruleTest(__filename, 'TYPE-RISK-FUND-AMOUNT', 'a fractional risk_fund.amount (100.5) is no integer', async (t) => {
    const body = {
      ...sampleValid(t, SAMPLE.blindSpots.fractionalAmount),
      risk_fund: { name: 'DEPOSIT', amount: 100.5 },
    };
    const exchange = await t.client.send({ body: JSON.stringify(body) });
    return [{ exchange, ctx: reject(t, 'TYPE-RISK-FUND-AMOUNT', body), caseName: 'risk_fund.amount 100.5' }];
  });

  ruleTest(
    __filename,
    'NOTIFY-LENGTH',
    'notify_url sent only under another letter case (NOTIFY_URL) is missing',
    async (t) => {
      const { notify_url: url, ...rest } = sampleValid(t, SAMPLE.blindSpots.upperCaseKey);
      const body = { ...rest, NOTIFY_URL: url };
      const exchange = await t.client.send({ body: JSON.stringify(body) });
      return [{ exchange, ctx: reject(t, 'NOTIFY-LENGTH', body), caseName: 'NOTIFY_URL instead of notify_url' }];
    },
  );

  ruleTest(__filename, 'BODY-NOT-JSON', 'a trailing comma or a comment is not JSON', async (t) => {
    const judged: JudgedExchange[] = [];
    for (const [i, [name, write]] of [
      ['a trailing comma', (json: string) => json.replace(/}$/, ',}')],
      ['a comment', (json: string) => json.replace(/^{/, '{ // a comment\n')],
    ].entries() as IterableIterator<[number, [string, (json: string) => string]]>) {
      const body = sampleValid(t, SAMPLE.blindSpots.lenientSyntax.at(i));
      const exchange = await t.client.send({ body: write(JSON.stringify(body)) });
      judged.push({ exchange, ctx: reject(t, 'BODY-NOT-JSON', undefined), caseName: name });
    }
    return judged;
  });

  ruleTest(__filename, 'RESP-ECHO', 'strings with leading and trailing spaces are echoed as sent', async (t) => {
    const body = sampleValid(t, SAMPLE.blindSpots.spacedStrings, {
      service_introduction: ' 共享 充电宝 ',
      attach: '  a=1&b=2  ',
    });
    const exchange = await t.client.createOrder(body);
    return [{ exchange, ctx: t.context({ kind: 'accept' }, body), caseName: 'spaces at both ends' }];
  });
});

describe('the other side of a window', () => {
  ruleTest(
    __filename,
    'AUTH-TIMESTAMP-WINDOW',
    'a timestamp a minute beyond the window ahead is 401 SIGN_ERROR',
    async (t) => {
      const body = sampleValid(t, SAMPLE.blindSpots.futureTimestamp);
      const sign = { timestamp: nowSeconds() + TIMESTAMP_WINDOW_SECONDS + 60 };
      const exchange = await t.client.send({ body: JSON.stringify(body), sign });
      return [{ exchange, ctx: reject(t, 'AUTH-TIMESTAMP-WINDOW', body), caseName: 'timestamp ahead of the window' }];
    },
  );
});

describe('out_order_no and letter case', () => {
  ruleTest(__filename, 'IDEMP-CASE', 'two out_order_nos that differ only by case are two orders', async (t) => {
    const sample = sampleValid(t, SAMPLE.blindSpots.caseVariant);
    // The first alphanumeric position is outside the unique counter (the rightmost ones): a letter there.
    const chars = [...sample.out_order_no];
    chars[chars.findIndex((c) => /[0-9A-Za-z]/.test(c))] = 'q';
    const lower = { ...sample, out_order_no: chars.join('') };
    const upper = { ...lower, out_order_no: swapCase(lower.out_order_no) };
    const first = await t.client.createOrder(lower);
    const second = await t.client.createOrder(upper);
    const expectation = { kind: 'accept', ruleId: 'IDEMP-CASE', capped: true } as const;
    return [
      { exchange: first, ctx: t.context({ kind: 'accept' }, lower), caseName: 'out_order_no with a lower-case q' },
      {
        exchange: second,
        ctx: { ...t.context(expectation, upper), earlier: [first] },
        caseName: 'the same, case swapped',
      },
    ];
  });
});

function swapCase(s: string): string {
  return [...s].map((c) => (c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase())).join('');
}
