import { contextFor, makeExchange, okAnswer, rulesOf, validBody } from './testing';

// fresh_values: what must differ on every answer. Each value repeated from an earlier answer to
// another order fails its rule; fresh values, and a check with nothing earlier, fail nothing.

const confirm = { ...validBody(), need_user_confirm: true };
const answer = (orderId: string, pkg: string, headers: Record<string, string>) =>
  makeExchange({
    request: confirm,
    response: { ...okAnswer(confirm), order_id: orderId, package: pkg },
    responseHeaders: headers,
  });
const first = answer('1001', 'pkg-a', { 'request-id': 'req-a', 'wechatpay-nonce': 'nonce-a' });
const after = (earlier = [first]) => contextFor({ kind: 'accept' }, 'foreign', { earlier });

describe('fresh_values (RESP-REQUEST-ID-UNIQUE, RESP-NONCE-FRESH, RESP-ORDER-ID, STATE-CONFIRM-MODE)', () => {
  it('passes fresh values', () => {
    expect(
      rulesOf(
        'fresh_values',
        answer('1002', 'pkg-b', { 'request-id': 'req-b', 'wechatpay-nonce': 'nonce-b' }),
        after(),
      ),
    ).toEqual([]);
  });
  it('fails each value an earlier answer to another order carried', () => {
    const same = answer('1001', 'pkg-a', { 'request-id': 'req-a', 'wechatpay-nonce': 'nonce-a' });
    expect(rulesOf('fresh_values', same, after())).toEqual([
      'RESP-REQUEST-ID-UNIQUE',
      'RESP-NONCE-FRESH',
      'RESP-ORDER-ID',
      'STATE-CONFIRM-MODE',
    ]);
  });
  it('reads a package written "" as none (RESP-ABSENT-FORM), so two of them repeat nothing', () => {
    const empty = (h: string) => answer(`id-${h}`, '', { 'request-id': h, 'wechatpay-nonce': h });
    expect(rulesOf('fresh_values', empty('b'), after([empty('a')]))).toEqual([]);
  });
  it('is not applicable without earlier answers', () => {
    const ctx = contextFor({ kind: 'accept' }, 'foreign');
    expect(() => rulesOf('fresh_values', first, ctx)).toThrow(/not applicable/);
    expect(() => rulesOf('fresh_values', first, after([]))).toThrow(/not applicable/);
  });
});
