import { CHECKS, HarnessError } from '.';
import { contextFor, errorExchange, makeExchange, okAnswer, rulesOf, validBody } from './testing';

const reject = (ruleId: string, target: 'mock' | 'foreign' = 'mock') => contextFor({ kind: 'reject', ruleId }, target);
const tooLong = { ...validBody(), out_order_no: 'A'.repeat(33) };

describe('positive_data_acceptance: a valid request gets 200', () => {
  it('passes a 200 and fails a 400, naming the rule a boundary case exercises', () => {
    expect(rulesOf('positive_data_acceptance', makeExchange(), contextFor({ kind: 'accept' }))).toEqual([]);
    expect(
      rulesOf(
        'positive_data_acceptance',
        errorExchange(400, 'PARAM_ERROR'),
        contextFor({ kind: 'accept', ruleId: 'OON-LENGTH' }),
      ),
    ).toEqual(['OON-LENGTH']);
    expect(
      rulesOf('positive_data_acceptance', errorExchange(400, 'PARAM_ERROR'), contextFor({ kind: 'accept' })),
    ).toEqual(['VALID-ACCEPTED']);
  });
  it('blames the harness, not the target, when the "valid" body was invalid', () => {
    expect(() =>
      CHECKS.positive_data_acceptance.run(
        errorExchange(400, 'PARAM_ERROR', { request: tooLong }),
        contextFor({ kind: 'accept' }),
      ),
    ).toThrow(HarnessError);
  });
});

describe('negative_data_rejection: a request breaking rule R gets rule(R).expect', () => {
  it('passes 400 PARAM_ERROR to a 33-character out_order_no (OON-LENGTH)', () => {
    expect(
      rulesOf('negative_data_rejection', errorExchange(400, 'PARAM_ERROR', { request: tooLong }), reject('OON-LENGTH')),
    ).toEqual([]);
  });
  it('fails the wrong code, naming the rule', () => {
    expect(
      rulesOf(
        'negative_data_rejection',
        errorExchange(400, 'INVALID_REQUEST', { request: tooLong }),
        reject('OON-LENGTH'),
      ),
    ).toEqual(['OON-LENGTH']);
  });
  it('accepts foreignCodes only against a foreign target (OPENID-EXCLUSIVE answered INVALID_REQUEST)', () => {
    const both = { ...validBody(), sub_openid: 'o2', sub_appid: 'wx2' };
    const exchange = errorExchange(400, 'INVALID_REQUEST', { request: both });
    expect(rulesOf('negative_data_rejection', exchange, reject('OPENID-EXCLUSIVE', 'foreign'))).toEqual([]);
    expect(rulesOf('negative_data_rejection', exchange, reject('OPENID-EXCLUSIVE', 'mock'))).toEqual([
      'OPENID-EXCLUSIVE',
    ]);
  });
  it('fails a 200 to a body the specification module confirms invalid', () => {
    const exchange = makeExchange({ request: tooLong, response: okAnswer(tooLong) });
    expect(rulesOf('negative_data_rejection', exchange, reject('OON-LENGTH'))).toEqual(['OON-LENGTH']);
  });
  it('names the rule the body really breaks when the case was mislabelled', () => {
    const exchange = makeExchange({ request: tooLong, response: okAnswer(tooLong) });
    expect(rulesOf('negative_data_rejection', exchange, reject('INTRO-LENGTH'))).toEqual(['OON-LENGTH']);
  });
  it('throws HarnessError instead of failing the target when the "invalid" body is valid (the false positive)', () => {
    expect(() => CHECKS.negative_data_rejection.run(makeExchange(), reject('OON-LENGTH'))).toThrow(HarnessError);
  });
  it('re-checks the bytes sent: a field serialised away makes the case valid', () => {
    // JSON.stringify drops undefined, so this "missing attach" body still reaches the target valid.
    const sentBody = { ...validBody(), attach: undefined };
    expect(() =>
      CHECKS.negative_data_rejection.run(
        makeExchange({ request: sentBody }),
        contextFor({ kind: 'reject', ruleId: 'ATTACH-LENGTH' }, 'mock', { sentBody }),
      ),
    ).toThrow(HarnessError);
  });
  it('re-checks RISK-CAP with the profile cap, and says so when there is none', () => {
    const body = validBody();
    const exchange = makeExchange({ request: body });
    expect(() =>
      CHECKS.negative_data_rejection.run(
        exchange,
        contextFor({ kind: 'reject', ruleId: 'RISK-CAP' }, 'mock', { riskFundCap: 1_000_000 }),
      ),
    ).toThrow(HarnessError);
    expect(
      rulesOf(
        'negative_data_rejection',
        exchange,
        contextFor({ kind: 'reject', ruleId: 'RISK-CAP' }, 'mock', { riskFundCap: 100 }),
      ),
    ).toEqual(['RISK-CAP']);
    const [failure] = CHECKS.negative_data_rejection.run(exchange, reject('RISK-CAP')) as Array<{ seen: string }>;
    expect(failure?.seen).toMatch(/re-check not possible/);
  });
  it('judges a body that is not JSON (BODY-NOT-JSON)', () => {
    expect(
      rulesOf(
        'negative_data_rejection',
        errorExchange(400, 'INVALID_REQUEST', { request: '{"a":' }),
        reject('BODY-NOT-JSON'),
      ),
    ).toEqual([]);
    expect(
      rulesOf(
        'negative_data_rejection',
        makeExchange({ request: '{"a":', response: okAnswer(validBody()) }),
        reject('BODY-NOT-JSON'),
      ),
    ).toEqual(['BODY-NOT-JSON']);
  });
  it('leaves AUTH-*, HDR-* and IDEMP-CONFLICT to their own checks', () => {
    for (const ruleId of ['AUTH-REQUIRED', 'HDR-ACCEPT', 'IDEMP-CONFLICT']) {
      expect(CHECKS.negative_data_rejection.run(errorExchange(400, 'PARAM_ERROR'), reject(ruleId))).toBe(
        'not-applicable',
      );
    }
  });
});

describe('auth_enforcement (AUTH-*): broken credentials get 401 SIGN_ERROR', () => {
  const noAuth = { requestHeaders: { Authorization: undefined } };
  it('passes 401 SIGN_ERROR and fails a 400 to a request without Authorization (AUTH-REQUIRED)', () => {
    expect(rulesOf('auth_enforcement', errorExchange(401, 'SIGN_ERROR', noAuth), reject('AUTH-REQUIRED'))).toEqual([]);
    expect(rulesOf('auth_enforcement', errorExchange(400, 'PARAM_ERROR', noAuth), reject('AUTH-REQUIRED'))).toEqual([
      'AUTH-REQUIRED',
    ]);
    expect(rulesOf('auth_enforcement', makeExchange(noAuth), reject('AUTH-REQUIRED'))).toEqual(['AUTH-REQUIRED']);
  });
  it('throws HarnessError when the "unsigned" request carried a good Authorization', () => {
    expect(() => CHECKS.auth_enforcement.run(makeExchange(), reject('AUTH-REQUIRED'))).toThrow(HarnessError);
  });
  it('fails a 200 to a tampered signature (AUTH-SIGNATURE)', () => {
    expect(rulesOf('auth_enforcement', makeExchange(), reject('AUTH-SIGNATURE'))).toEqual(['AUTH-SIGNATURE']);
  });
  it('AUTH-MCHID accepts 403 NO_AUTH from a foreign target only', () => {
    const forbidden = errorExchange(403, 'NO_AUTH');
    expect(rulesOf('auth_enforcement', forbidden, reject('AUTH-MCHID', 'foreign'))).toEqual([]);
    expect(rulesOf('auth_enforcement', forbidden, reject('AUTH-MCHID', 'mock'))).toEqual(['AUTH-MCHID']);
  });
});

describe('header_enforcement (HDR-ACCEPT, HDR-CONTENT-TYPE, HDR-WECHATPAY-SERIAL): 400 INVALID_REQUEST', () => {
  it('passes 400 INVALID_REQUEST to Accept: text/html and fails a 200', () => {
    const html = { requestHeaders: { Accept: 'text/html' } };
    expect(rulesOf('header_enforcement', errorExchange(400, 'INVALID_REQUEST', html), reject('HDR-ACCEPT'))).toEqual(
      [],
    );
    expect(rulesOf('header_enforcement', makeExchange(html), reject('HDR-ACCEPT'))).toEqual(['HDR-ACCEPT']);
  });
  it('fails 400 PARAM_ERROR to Content-Type: text/plain', () => {
    const exchange = errorExchange(400, 'PARAM_ERROR', { requestHeaders: { 'Content-Type': 'text/plain' } });
    expect(rulesOf('header_enforcement', exchange, reject('HDR-CONTENT-TYPE'))).toEqual(['HDR-CONTENT-TYPE']);
  });
  it('throws HarnessError when the "bad" Accept admits JSON (application/*)', () => {
    expect(() =>
      CHECKS.header_enforcement.run(
        makeExchange({ requestHeaders: { Accept: 'text/html, application/*' } }),
        reject('HDR-ACCEPT'),
      ),
    ).toThrow(HarnessError);
  });
});

describe('idempotent_replay (IDEMP-SAME) and idempotency_conflict (IDEMP-CONFLICT)', () => {
  const first = makeExchange();
  const replay = contextFor({ kind: 'replay', first });
  const conflict = contextFor({ kind: 'conflict', first });
  const changed = { ...validBody(), attach: 'other' };
  it('a replay answered 200 with the same order_id and state passes; another order_id or a refusal fails', () => {
    expect(rulesOf('idempotent_replay', makeExchange(), replay)).toEqual([]);
    expect(
      rulesOf('idempotent_replay', makeExchange({ response: { ...okAnswer(validBody()), order_id: 'other' } }), replay),
    ).toEqual(['IDEMP-SAME']);
    expect(rulesOf('idempotent_replay', errorExchange(400, 'INVALID_REQUEST'), replay)).toEqual(['IDEMP-SAME']);
  });
  it('a refused "replay" whose body differs is a harness problem', () => {
    expect(() =>
      CHECKS.idempotent_replay.run(errorExchange(400, 'INVALID_REQUEST', { request: changed }), replay),
    ).toThrow(HarnessError);
  });
  it('a conflict answered 400 INVALID_REQUEST passes; a 200 fails', () => {
    expect(
      rulesOf('idempotency_conflict', errorExchange(400, 'INVALID_REQUEST', { request: changed }), conflict),
    ).toEqual([]);
    expect(rulesOf('idempotency_conflict', makeExchange({ request: changed }), conflict)).toEqual(['IDEMP-CONFLICT']);
  });
  it('a "conflict" with the same body is a replay: harness problem, not a target failure', () => {
    expect(() => CHECKS.idempotency_conflict.run(makeExchange(), conflict)).toThrow(HarnessError);
  });
});
