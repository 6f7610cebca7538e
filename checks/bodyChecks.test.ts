import { limits, rule } from '../specification';
import { CHECKS } from '.';
import { contextFor, errorExchange, makeExchange, okAnswer, rulesOf, validBody } from './testing';

const accept = contextFor({ kind: 'accept' });
const answerWith = (changes: Record<string, unknown>, body = validBody()): ReturnType<typeof makeExchange> =>
  makeExchange({ request: body, response: { ...okAnswer(body), ...changes } });
const without = (object: Record<string, unknown>, key: string): Record<string, unknown> =>
  Object.fromEntries(Object.entries(object).filter(([k]) => k !== key));

describe('echo_conformance (RESP-ECHO, RESP-ECHO-EXACT)', () => {
  it('the echoed fields are the ones RESP-ECHO lists', () => {
    const echoed = Object.keys(okAnswer(validBody())).filter(
      (k) => !['mchid', 'order_id', 'state', 'state_description'].includes(k),
    );
    for (const field of echoed) expect(rule('RESP-ECHO').text).toContain(field);
  });
  it('passes an exact echo, CJK and emoji included', () => {
    const body = { ...validBody(), service_introduction: '某某酒店😀', attach: 'a%26b' };
    expect(rulesOf('echo_conformance', makeExchange({ request: body }), accept)).toEqual([]);
  });
  it('fails a changed nested amount, a normalised string and a missing echo (RESP-ECHO)', () => {
    const body = validBody();
    const risk = body['risk_fund'] as Record<string, unknown>;
    expect(rulesOf('echo_conformance', answerWith({ risk_fund: { ...risk, amount: 1 } }), accept)).toEqual([
      'RESP-ECHO',
    ]);
    const composed = { ...body, service_introduction: 'Cafe\u0301' };
    expect(rulesOf('echo_conformance', answerWith({ service_introduction: 'Caf\u00e9' }, composed), accept)).toEqual([
      'RESP-ECHO',
    ]);
    expect(
      rulesOf('echo_conformance', makeExchange({ request: body, response: without(okAnswer(body), 'attach') }), accept),
    ).toEqual(['RESP-ECHO']);
  });
  it('fails a value for a field that was not sent (RESP-ECHO)', () => {
    const body = without(validBody(), 'attach');
    expect(rulesOf('echo_conformance', answerWith({ attach: 'filled in' }, body), accept)).toEqual(['RESP-ECHO']);
  });
  it('on the mock fails echoed openid and a filled-in default (RESP-ECHO-EXACT); a null is RESP-ABSENT-FORM', () => {
    const body = validBody();
    expect(rulesOf('echo_conformance', answerWith({ openid: body['openid'] }), accept)).toEqual(['RESP-ECHO-EXACT']);
    const noAttach = without(body, 'attach');
    expect(rulesOf('echo_conformance', answerWith({ attach: null }, noAttach), accept)).toEqual([]);
    expect(rulesOf('response_schema_conformance', answerWith({ attach: null }, noAttach), accept)).toEqual([
      'RESP-ABSENT-FORM',
    ]);
    const noCount = { ...body, post_payments: [{ name: '就餐费用', amount: 40000 }] };
    expect(
      rulesOf(
        'echo_conformance',
        answerWith({ post_payments: [{ name: '就餐费用', amount: 40000, count: 1 }] }, noCount),
        accept,
      ),
    ).toEqual(['RESP-ECHO-EXACT']);
  });
  it('asserts RESP-ECHO-EXACT (DECISION) only on the mock', () => {
    expect(
      rulesOf(
        'echo_conformance',
        answerWith({ openid: validBody()['openid'] }),
        contextFor({ kind: 'accept' }, 'foreign'),
      ),
    ).toEqual([]);
  });
  it('is not applicable to errors or to cases that expect a rejection', () => {
    expect(CHECKS.echo_conformance.run(errorExchange(400, 'PARAM_ERROR'), accept)).toBe('not-applicable');
    expect(CHECKS.echo_conformance.run(makeExchange(), contextFor({ kind: 'reject', ruleId: 'OON-LENGTH' }))).toBe(
      'not-applicable',
    );
  });
});

describe('mchid_conformance (RESP-MCHID)', () => {
  it("passes the Authorization mchid and fails any other, such as the body's channel_id", () => {
    expect(rulesOf('mchid_conformance', makeExchange(), accept)).toEqual([]);
    expect(rulesOf('mchid_conformance', answerWith({ mchid: validBody()['sub_mchid'] }), accept)).toEqual([
      'RESP-MCHID',
    ]);
  });
});

describe('state_conformance (STATE-VALUES, STATE-CONFIRM-MODE, STATE-NO-CONFIRM-MODE)', () => {
  const confirm = validBody(undefined, {}, 'confirmMode');
  it('passes CREATED + package in confirm mode and DOING/USER_CONFIRM otherwise', () => {
    expect(rulesOf('state_conformance', makeExchange({ request: confirm }), accept)).toEqual([]);
    expect(rulesOf('state_conformance', makeExchange(), accept)).toEqual([]);
  });
  it("fails CREATED with MCH_COMPLETE, the published sample's pairing (STATE-VALUES)", () => {
    expect(
      rulesOf(
        'state_conformance',
        answerWith({ state: 'CREATED', state_description: 'MCH_COMPLETE', package: 'p' }, confirm),
        accept,
      ),
    ).toContain('STATE-VALUES');
  });
  it('fails confirm mode without a package and with one over the limit (STATE-CONFIRM-MODE)', () => {
    expect(
      rulesOf(
        'state_conformance',
        makeExchange({ request: confirm, response: without(okAnswer(confirm), 'package') }),
        accept,
      ),
    ).toEqual(['STATE-CONFIRM-MODE']);
    const long = 'p'.repeat(limits().packageMaxLength + 1);
    expect(rulesOf('state_conformance', answerWith({ package: long }, confirm), accept)).toEqual([
      'STATE-CONFIRM-MODE',
    ]);
    expect(rulesOf('state_conformance', answerWith({ package: long.slice(1) }, confirm), accept)).toEqual([]);
  });
  it('fails CREATED in no-confirm mode (STATE-NO-CONFIRM-MODE)', () => {
    expect(
      rulesOf(
        'state_conformance',
        makeExchange({ response: without({ ...okAnswer(validBody()), state: 'CREATED' }, 'state_description') }),
        accept,
      ),
    ).toEqual(['STATE-NO-CONFIRM-MODE']);
  });
});
