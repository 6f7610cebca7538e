import type { FaultName } from '../faults';
import type { FreshMock } from '../freshMock';
import { validBody } from '../../specification/testing';
import { mockRequest } from './mockRequest';

// The probes of the blind-spot faults (issue 20) for mock/faults.test.ts: each is true when the mock
// shows the defect and false on the reference mock, so every fault has a test that can fail.

type Probe = (m: FreshMock) => Promise<boolean>;
type Json = Record<string, unknown>;

const body = (m: FreshMock, o: Json = {}) => validBody(m.config.identities, o);
const status = async (m: FreshMock, b: Json | string) => (await mockRequest(m, b)).status;
const risk = (m: FreshMock, amount: unknown) => body(m, { risk_fund: { name: 'DEPOSIT', amount } });
const confirm = (m: FreshMock) => {
  const { openid: _o, sub_openid: _s, ...rest } = body(m, { need_user_confirm: true });
  return rest;
};
/** The same header on two answers in a row. */
const repeated = async (m: FreshMock, header: string) => {
  const [a, b] = [await mockRequest(m, body(m)), await mockRequest(m, body(m))];
  return a.headers[header] !== undefined && a.headers[header] === b.headers[header];
};
export const swapCase = (s: string): string =>
  [...s].map((c) => (c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase())).join('');

export const BLIND_SPOT_PROBES = {
  'coerce-numeric-strings': async (m) => (await status(m, risk(m, '100'))) === 200,
  'truncate-fractional-amounts': async (m) => (await status(m, risk(m, 100.5))) === 200,
  'booleans-from-scalars': async (m) => (await status(m, body(m, { need_user_confirm: 'false' }))) === 200,
  'case-insensitive-field-names': async (m) => {
    const { notify_url: url, ...rest } = body(m);
    return (await status(m, { ...rest, NOTIFY_URL: url })) === 200;
  },
  'lenient-json-syntax': async (m) => (await status(m, JSON.stringify(body(m)).replace(/}$/, ', // note\n}'))) === 200,
  'trim-strings': async (m) =>
    (await mockRequest(m, body(m, { service_introduction: ' 共享 ' }))).json['service_introduction'] !== ' 共享 ',
  'empty-strings-null': async (m) => (await status(m, body(m, { attach: '' }))) !== 200,
  'length-in-utf16-units': async (m) => (await status(m, body(m, { service_introduction: '😀'.repeat(20) }))) !== 200,
  'length-in-bytes': async (m) => (await status(m, body(m, { service_introduction: '共'.repeat(20) }))) !== 200,
  'repeated-request-id': (m) => repeated(m, 'request-id'),
  'repeated-response-nonce': (m) => repeated(m, 'wechatpay-nonce'),
  'order-id-per-second': async (m) => {
    const ids = [];
    for (let i = 0; i < 3; i++) ids.push((await mockRequest(m, body(m))).json['order_id']);
    return new Set(ids).size < ids.length;
  },
  'shared-package': async (m) =>
    (await mockRequest(m, confirm(m))).json['package'] === (await mockRequest(m, confirm(m))).json['package'],
  'count-max-exclusive': async (m) =>
    (await status(m, body(m, { post_payments: [{ name: 'x', amount: 1, count: 100 }] }))) !== 200,
  'payments-max-off-by-one': async (m) =>
    (await status(
      m,
      body(m, { post_payments: Array.from({ length: 101 }, (_, i) => ({ name: `p${i}`, amount: 0 })) }),
    )) === 200,
  'risk-cap-off-by-one': async (m) => (await status(m, risk(m, m.config.riskFundCap + 1))) === 200,
  'future-timestamps-accepted': async (m) =>
    (await mockRequest(m, body(m), { timestamp: Math.floor(Date.now() / 1000) + 3600 })).status === 200,
  'early-expiry': async (m) => {
    const view = m.server.control.putOrder({ body: confirm(m), state: 'CREATED' });
    m.server.clock.advance(31 * 60 * 1000);
    return m.server.control.getOrder({ orderId: String(view['order_id']) })?.['state'] === 'EXPIRED';
  },
  'case-insensitive-out-order-no': async (m) => {
    const b = body(m);
    await mockRequest(m, b);
    return (await status(m, { ...b, out_order_no: swapCase(String(b['out_order_no'])) })) === 400;
  },
} satisfies Partial<Record<FaultName, Probe>>;
