import { verdictOf } from '../judgement';
import { runChecks, type CheckFailure } from '.';
import { contextFor, errorExchange, failuresOf, makeExchange, MCHID, okAnswer, validBody } from './testing';

// Against a foreign target a verdict rests only on what the sources require: the refusal at the
// rule's basis, the exact answer at the basis openapi.yaml's `foreign` gives it, and nothing firmer
// than the rule a request was built to probe.

const bound = {
  service_id: String(validBody()['service_id']),
  appid: String(validBody()['appid']),
  sub_mchid: String(validBody()['sub_mchid']),
  sub_appid: 'wxd678efh567hg6999',
  channel_id: String(validBody()['channel_id']),
  openid: 'o',
  sub_openid: 's',
};
const reject = (ruleId: string, target: 'mock' | 'foreign') =>
  contextFor({ kind: 'reject', ruleId }, target, { identities: bound });
const failing = (failures: CheckFailure[], target: 'mock' | 'foreign'): string[] =>
  failures.filter((f) => verdictOf(f, { targetKind: target, downgraded: [] }) === 'failed').map((f) => f.ruleId);

describe('foreign expectations (openapi.yaml `foreign`)', () => {
  it('AUTH-MCHID: any 4xx is a refusal (other answers informational), a 200 fails at SEED', () => {
    const ctx = reject('AUTH-MCHID', 'foreign');
    const forbidden = failuresOf('auth_enforcement', errorExchange(403, 'NO_AUTH'), ctx);
    expect(forbidden).toEqual([]);
    const other = failuresOf('auth_enforcement', errorExchange(400, 'INVALID_REQUEST'), ctx);
    expect(other.map((f) => [f.ruleId, f.basis])).toEqual([['AUTH-MCHID', 'DECISION']]);
    expect(failing(other, 'foreign')).toEqual([]);
    const accepted = failuresOf('auth_enforcement', makeExchange(), ctx);
    expect(failing(accepted, 'foreign')).toEqual(['AUTH-MCHID']);
    // The mock owes its own answer exactly.
    expect(
      failing(failuresOf('auth_enforcement', errorExchange(403, 'NO_AUTH'), reject('AUTH-MCHID', 'mock')), 'mock'),
    ).toEqual(['AUTH-MCHID']);
  });

  it('HDR-ACCEPT: the refusal is SEED, its code SIBLING (a profile may downgrade it)', () => {
    const exchange = errorExchange(400, 'PARAM_ERROR', { requestHeaders: { Accept: undefined } });
    const [f] = failuresOf('header_enforcement', exchange, reject('HDR-ACCEPT', 'foreign'));
    expect(f?.basis).toBe('SIBLING');
    expect(verdictOf(f!, { targetKind: 'foreign', downgraded: ['HDR-ACCEPT'] })).toBe('warning');
  });
});

describe('a request that breaks two rules may be answered for either', () => {
  it('an over-long appid answered 403 NO_AUTH passes REQ-APPID (it is also not bound)', () => {
    const body = { ...validBody(), appid: 'w'.repeat(33) };
    const exchange = errorExchange(403, 'NO_AUTH', { request: body });
    expect(failuresOf('negative_data_rejection', exchange, reject('REQ-APPID', 'foreign'))).toEqual([]);
    expect(failuresOf('negative_data_rejection', exchange, reject('REQ-APPID', 'mock'))).toEqual([]);
  });
  it('but a 403 to an over-long out_order_no, which breaks no binding, still fails', () => {
    const body = { ...validBody(), out_order_no: 'A'.repeat(33) };
    expect(
      failuresOf(
        'negative_data_rejection',
        errorExchange(403, 'NO_AUTH', { request: body }),
        reject('OON-LENGTH', 'foreign'),
      ).map((f) => f.ruleId),
    ).toEqual(['OON-LENGTH']);
  });
});

describe('no verdict firmer than the rule the request probes (foreign targets)', () => {
  const put = (status: number, response: unknown) =>
    makeExchange({ status, response, responseHeaders: { 'wechatpay-signature': undefined } });
  it('a PUT answered 405 INVALID_REQUEST, unsigned, fails nothing on a foreign target', () => {
    const outcomes = runChecks(
      put(405, { code: 'INVALID_REQUEST', message: 'method' }),
      reject('ROUTE-METHOD', 'foreign'),
    );
    const failures = outcomes.flatMap((o) => o.failures);
    expect(failures.length).toBeGreaterThan(0);
    expect(failing(failures, 'foreign')).toEqual([]);
    expect(failures.every((f) => f.ruleId === 'ROUTE-METHOD' || f.evidence?.cappedBy === 'ROUTE-METHOD')).toBe(true);
  });
  it('the same answer fails on the bundled mock, and a 500 stays a server fault anywhere', () => {
    const onMock = runChecks(
      put(405, { code: 'INVALID_REQUEST', message: 'method' }),
      reject('ROUTE-METHOD', 'mock'),
    ).flatMap((o) => o.failures);
    expect(failing(onMock, 'mock')).toEqual(expect.arrayContaining(['ROUTE-METHOD', 'ERR-SCHEMA', 'RESP-SIGNED']));
    const crash = runChecks(errorExchange(500, 'SYSTEM_ERROR'), reject('TYPE-NULL', 'foreign')).flatMap(
      (o) => o.failures,
    );
    expect(failing(crash, 'foreign')).toEqual(['SYSTEM-ERROR']);
  });
  it('a valid request is judged in full: caps apply to probes only', () => {
    const body = validBody();
    const drifted = makeExchange({ request: body, response: { ...okAnswer(body), service_introduction: 'x' } });
    const failures = runChecks(
      drifted,
      contextFor({ kind: 'accept', ruleId: 'ONACCEPT-ANY-MODE' }, 'foreign', { mchid: MCHID }),
    ).flatMap((o) => o.failures);
    expect(failing(failures, 'foreign')).toEqual(['RESP-ECHO']);
  });
});
