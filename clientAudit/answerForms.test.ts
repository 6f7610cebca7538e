import { generateKeyPairSync } from 'node:crypto';
import { verifyResponseSignature } from '../apiv3';
import { answerForm } from './answerForms';
import { coverageOf } from './clientCoverage';
import { clientRules } from './clientReports';
import { SCENARIOS, type Scenario } from './scenarios';

// The wire forms are the same JSON value, validly signed; the twists are signed the way each scenario says.
const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const platform = { serial: 'PUB_KEY_ID_0114232134912410000000000000000001', privateKey };
const body = JSON.stringify({ order_id: '1020', state: 'DOING', service_introduction: '某某酒店', url: 'https://x/y' });
const answer = { status: 200, headers: { 'Content-Type': 'application/json', 'Content-Length': 1 }, body };
const named = (name: string): Scenario => {
  const s = SCENARIOS.find((x) => x.name === name);
  if (s === undefined) throw new Error(name);
  return s;
};
const verdict = (name: string, nowOffset = 0) => {
  const out = answerForm(answer, named(name), platform);
  const result = verifyResponseSignature({
    headers: out.headers as Record<string, string>,
    body: out.body,
    platformKey: (serial) => (serial === platform.serial ? publicKey : undefined),
    now: Math.floor(Date.now() / 1000) + nowOffset,
  });
  return { out, result };
};

describe('answerForms: the genuine answer in other legitimate bytes, and the twisted ones', () => {
  it.each(['json-spaced', 'json-reordered', 'json-escaped'])(
    '%s: another form of the same value, verifying',
    (name) => {
      const { out, result } = verdict(name);
      expect(out.body).not.toBe(body);
      expect(JSON.parse(out.body)).toEqual(JSON.parse(body));
      expect(result).toEqual({ ok: true });
      expect(out.headers['Content-Length']).toBe(Buffer.byteLength(out.body));
    },
  );

  it('json-escaped writes no character outside ASCII, and / escaped', () => {
    expect(verdict('json-escaped').out.body).toMatch(/^[\x20-\x7e]*$/);
    expect(verdict('json-escaped').out.body).toContain('\\u002f');
  });

  it('header-lower-case and header-upper-case keep every header, renamed', () => {
    expect(Object.keys(answerForm(answer, named('header-lower-case'), platform).headers)).toEqual([
      'content-type',
      'content-length',
    ]);
    expect(Object.keys(answerForm(answer, named('header-upper-case'), platform).headers)).toContain('CONTENT-TYPE');
  });

  it('twists: the compact signature under spaced bytes fails; future and garbage timestamps are signed over', () => {
    const spaced = answerForm(
      { ...answer, headers: { ...answer.headers, ...answerForm(answer, named('json-reordered'), platform).headers } },
      named('signed-compact-sent-spaced'),
      platform,
    );
    expect(spaced.body).toContain('\n');
    expect(verdict('future-timestamp').result).toMatchObject({ ok: false, reason: 'stale' });
    expect(verdict('future-timestamp', 600).result).toEqual({ ok: true });
    expect(verdict('garbage-timestamp').out.headers['Wechatpay-Timestamp']).toBe('now');
  });
});

describe('coverage: a full run fails an unexercised rule unless openapi.yaml excepts it', () => {
  it('fails every rule no case exercised, and reports the written exceptions as informational', () => {
    const { unexercised, cases } = coverageOf([]);
    expect(unexercised).toEqual(clientRules().map((r) => r.id));
    const excepted = cases.filter((c) => c.findings[0]?.inconclusive === true).map((c) => c.ruleId);
    expect(excepted).toEqual(['CLIENT-RETRY-SAME-OON', 'CLIENT-ONE-ORDER']);
    expect(cases.every((c) => c.findings[0]?.seen !== undefined)).toBe(true);
  });

  it('is quiet when every rule was exercised', () => {
    const all = clientRules().map((r) => ({ ruleId: r.id, where: 'x' }));
    expect(coverageOf([{ title: 't', ruleId: 'CLIENT-SIGNATURE', findings: all, context: [], latencyMs: 0 }])).toEqual({
      unexercised: [],
      cases: [],
    });
  });
});
