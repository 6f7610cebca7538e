import { verdictOf, type TargetKind } from '../judgement';
import { runChecks, type CheckFailure } from '.';
import { isEmptyForm } from './judging';
import { contextFor, errorExchange, makeExchange, okAnswer, rulesOf, validBody } from './testing';

// RESP-ABSENT-FORM (DECISION, facts §9): how an optional field with no value appears in an answer
// (absent, null, "", [], dropped when sent empty) is the serialiser's choice. No SEED or SIBLING
// verdict may depend on it: these answers fail nothing but RESP-ABSENT-FORM, and that only on the mock.

type Json = Record<string, unknown>;
const without = (o: Json, ...keys: string[]): Json =>
  Object.fromEntries(Object.entries(o).filter(([k]) => !keys.includes(k)));
const failing = (failures: CheckFailure[], kind: TargetKind) =>
  failures.filter((f) => verdictOf(f, { targetKind: kind, downgraded: [] }) === 'failed').map((f) => f.ruleId);
const judged = (request: Json, response: Json, kind: TargetKind) =>
  runChecks(makeExchange({ request, response }), contextFor({ kind: 'accept' }, kind)).flatMap((o) => o.failures);

/** A sparse request: no sub_appid, attach, location, discounts; a payment without description or count. */
const sparse = (): Json => ({
  ...without(validBody(), 'attach', 'location', 'post_discounts', 'sub_appid'),
  post_payments: [{ name: '就餐费用', amount: 40000 }],
});

const SHAPES: Array<[string, Json, (answer: Json) => Json]> = [
  [
    "Jackson's default: every field with no value written null",
    sparse(),
    (a) => ({
      ...a,
      sub_appid: null,
      attach: null,
      location: null,
      post_discounts: null,
      post_payments: [{ name: '就餐费用', amount: 40000, description: null, count: null }],
      package: null,
    }),
  ],
  [
    'Go without omitempty: strings "", slices [] and a zero struct',
    sparse(),
    (a) => ({
      ...a,
      sub_appid: '',
      attach: '',
      location: { start_location: '', end_location: '' },
      post_discounts: [],
      post_payments: [{ name: '就餐费用', amount: 40000, description: '' }],
      package: '',
    }),
  ],
  [
    'Go with omitempty: an empty attach and empty arrays that were sent are dropped',
    { ...validBody(), attach: '', post_discounts: [], post_payments: [] },
    (a) => without(a, 'attach', 'post_discounts', 'post_payments'),
  ],
  [
    'confirm mode with state_description written null and order_id null',
    { ...without(validBody(), 'openid', 'sub_openid'), need_user_confirm: true },
    (a) => ({ ...a, state_description: null, order_id: null }),
  ],
];

describe("RESP-ABSENT-FORM: no-value forms in a 200 are the serialiser's choice", () => {
  it.each(SHAPES)('%s: nothing fails on a foreign target, RESP-ABSENT-FORM on the mock', (_name, request, shape) => {
    const failures = judged(request, shape(okAnswer(request)), 'foreign');
    expect(failing(failures, 'foreign')).toEqual([]);
    expect(failures.map((f) => f.ruleId)).toContain('RESP-ABSENT-FORM');
    expect(new Set(failing(judged(request, shape(okAnswer(request)), 'mock'), 'mock'))).toEqual(
      new Set(['RESP-ABSENT-FORM']),
    );
  });

  it('still fails what is wrong under every form: a value not sent, a required field null, a package missing', () => {
    const request = sparse();
    expect(failing(judged(request, { ...okAnswer(request), attach: 'x' }, 'foreign'), 'foreign')).toEqual([
      'RESP-ECHO',
    ]);
    expect(failing(judged(request, { ...okAnswer(request), service_id: null }, 'foreign'), 'foreign')).toEqual(
      expect.arrayContaining(['RESP-SCHEMA', 'RESP-ECHO']),
    );
    const confirm = { ...without(validBody(), 'openid', 'sub_openid'), need_user_confirm: true };
    expect(failing(judged(confirm, { ...okAnswer(confirm), package: '' }, 'foreign'), 'foreign')).toEqual([
      'STATE-CONFIRM-MODE',
    ]);
    expect(failing(judged(request, { ...okAnswer(request), state_description: null }, 'foreign'), 'foreign')).toEqual([
      'STATE-NO-CONFIRM-MODE',
    ]);
  });

  it('an error body with detail null, or null members in detail, is an error body without them', () => {
    const error = (code: string, extra: Json) =>
      errorExchange(400, code, { response: { code, message: 'm', ...extra } });
    const exchange = error('PARAM_ERROR', { detail: null });
    expect(rulesOf('response_schema_conformance', exchange, contextFor({ kind: 'any' }, 'foreign'))).toEqual([
      'ERR-DETAIL-FIELD',
      'RESP-ABSENT-FORM',
    ]);
    const nested = error('INVALID_REQUEST', { detail: { field: null, location: 'body', value: null } });
    expect(rulesOf('response_schema_conformance', nested, contextFor({ kind: 'any' }, 'foreign'))).toEqual([
      'RESP-ABSENT-FORM',
    ]);
  });

  it('reads null, "", [] and objects of them as no value, and 0, false and text as values', () => {
    for (const v of [null, '', [], {}, { a: '', b: null }]) expect(isEmptyForm(v)).toBe(true);
    for (const v of [0, false, ' ', [null], { a: 0 }]) expect(isEmptyForm(v)).toBe(false);
  });
});
