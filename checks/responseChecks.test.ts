import { CHECKS } from '.';
import { contextFor, errorExchange, failuresOf, makeExchange, NOW_MS, PLATFORM_SERIAL, rulesOf } from './testing';

const accept = contextFor({ kind: 'accept' });

describe('not_a_server_error (SYSTEM-ERROR)', () => {
  it('passes a 200 and a 400', () => {
    expect(rulesOf('not_a_server_error', makeExchange(), accept)).toEqual([]);
    expect(rulesOf('not_a_server_error', errorExchange(400, 'PARAM_ERROR'), accept)).toEqual([]);
  });
  it('fails a 500 SYSTEM_ERROR and a timeout when neither was asked for', () => {
    expect(rulesOf('not_a_server_error', errorExchange(500, 'SYSTEM_ERROR'), accept)).toEqual(['SYSTEM-ERROR']);
    const timeout = makeExchange({ transportError: { kind: 'timeout', message: 'no answer in 10 s' } });
    expect(failuresOf('not_a_server_error', timeout, accept)[0]?.seen).toMatch(/timeout/);
  });
  it('does not judge a case that asks for SYSTEM-ERROR', () => {
    expect(
      CHECKS.not_a_server_error.run(
        errorExchange(500, 'SYSTEM_ERROR'),
        contextFor({ kind: 'reject', ruleId: 'SYSTEM-ERROR' }),
      ),
    ).toBe('not-applicable');
  });
});

describe('status_code_conformance: the status is documented for the operation', () => {
  it('passes documented statuses', () => {
    for (const [status, code] of [
      [400, 'PARAM_ERROR'],
      [401, 'SIGN_ERROR'],
      [429, 'FREQUENCY_LIMITED'],
    ] as const) {
      expect(rulesOf('status_code_conformance', errorExchange(status, code), accept)).toEqual([]);
    }
  });
  it('fails an undocumented 201 (RESP-SCHEMA) and 418 (ERR-SCHEMA)', () => {
    expect(rulesOf('status_code_conformance', makeExchange({ status: 201, response: {} }), accept)).toEqual([
      'RESP-SCHEMA',
    ]);
    expect(rulesOf('status_code_conformance', errorExchange(418, 'TEAPOT'), accept)).toEqual(['ERR-SCHEMA']);
  });
});

describe('content_type_conformance (RESP-CONTENT-TYPE)', () => {
  it('passes application/json with a charset parameter', () => {
    expect(rulesOf('content_type_conformance', makeExchange(), accept)).toEqual([]);
  });
  it('fails text/html and a body that is not JSON', () => {
    expect(
      rulesOf('content_type_conformance', makeExchange({ responseHeaders: { 'content-type': 'text/html' } }), accept),
    ).toEqual(['RESP-CONTENT-TYPE']);
    expect(
      rulesOf(
        'content_type_conformance',
        makeExchange({ status: 500, response: { raw: '<html>oops</html>' } }),
        accept,
      ),
    ).toEqual(['RESP-CONTENT-TYPE']);
  });
});

describe('response_headers_conformance (RESP-REQUEST-ID, RESP-SIGNED, RESP-SERIAL)', () => {
  it('passes a response with all documented headers', () => {
    expect(rulesOf('response_headers_conformance', errorExchange(401, 'SIGN_ERROR'), accept)).toEqual([]);
  });
  it('fails a missing Request-ID, a missing Wechatpay-Nonce and a malformed serial', () => {
    expect(
      rulesOf('response_headers_conformance', makeExchange({ responseHeaders: { 'request-id': undefined } }), accept),
    ).toEqual(['RESP-REQUEST-ID']);
    expect(
      rulesOf(
        'response_headers_conformance',
        makeExchange({ responseHeaders: { 'wechatpay-nonce': undefined } }),
        accept,
      ),
    ).toEqual(['RESP-SIGNED']);
    expect(
      rulesOf(
        'response_headers_conformance',
        makeExchange({ responseHeaders: { 'wechatpay-serial': 'not a serial' } }),
        accept,
      ),
    ).toEqual(['RESP-SERIAL']);
  });
});

describe('response_signature_conformance (RESP-SIGNED, RESP-TIMESTAMP, SIG-PROBE)', () => {
  it('passes a correctly signed, fresh response', () => {
    expect(rulesOf('response_signature_conformance', makeExchange(), accept)).toEqual([]);
  });
  it('fails a body changed after signing and shows the expected signed string', () => {
    const [failure] = failuresOf(
      'response_signature_conformance',
      makeExchange({ bodyAfterSigning: '{"tampered":true}' }),
      accept,
    );
    expect(failure?.ruleId).toBe('RESP-SIGNED');
    expect(failure?.seen).toContain(JSON.stringify(`${NOW_MS / 1000}\nRESPNONCE0123456789\n{"tampered":true}\n`));
  });
  it('fails a timestamp an hour old (RESP-TIMESTAMP)', () => {
    expect(rulesOf('response_signature_conformance', makeExchange({ signedAt: NOW_MS / 1000 - 3600 }), accept)).toEqual(
      ['RESP-TIMESTAMP'],
    );
  });
  it('fails a stale timestamp against ctx.now even when the recorded verdict was ok', () => {
    expect(rulesOf('response_signature_conformance', makeExchange(), { ...accept, now: NOW_MS + 600_000 })).toEqual([
      'RESP-TIMESTAMP',
    ]);
  });
  it('fails a WECHATPAY/SIGNTEST/ probe signature (SIG-PROBE) and an unknown serial (RESP-SERIAL)', () => {
    expect(
      rulesOf(
        'response_signature_conformance',
        makeExchange({ responseHeaders: { 'wechatpay-signature': 'WECHATPAY/SIGNTEST/abc' } }),
        accept,
      ),
    ).toEqual(['SIG-PROBE']);
    expect(
      rulesOf(
        'response_signature_conformance',
        makeExchange({ responseHeaders: { 'wechatpay-serial': `${PLATFORM_SERIAL.slice(0, -1)}9` } }),
        accept,
      ),
    ).toEqual(['RESP-SERIAL']);
  });
  it('leaves absent headers to response_headers_conformance', () => {
    expect(
      CHECKS.response_signature_conformance.run(
        makeExchange({ responseHeaders: { 'wechatpay-signature': undefined } }),
        accept,
      ),
    ).toBe('not-applicable');
  });
});

describe('response_schema_conformance (RESP-SCHEMA, STATE-VALUES, ERR-SCHEMA)', () => {
  it('passes a conforming 200 and a catalogued error', () => {
    expect(rulesOf('response_schema_conformance', makeExchange(), accept)).toEqual([]);
    expect(rulesOf('response_schema_conformance', errorExchange(403, 'NO_AUTH'), accept)).toEqual([]);
  });
  it('fails a 200 without out_order_no (RESP-SCHEMA) and with an unknown state (STATE-VALUES)', () => {
    expect(
      rulesOf('response_schema_conformance', makeExchange({ response: { mchid: '1', state: 'DOING' } }), accept),
    ).toContain('RESP-SCHEMA');
    const body = makeExchange().response?.json as Record<string, unknown>;
    expect(
      rulesOf('response_schema_conformance', makeExchange({ response: { ...body, state: 'PENDING' } }), accept),
    ).toEqual(['STATE-VALUES']);
  });
  it('fails an error without message and a status/code pair outside x-error-codes (ERR-SCHEMA)', () => {
    expect(
      rulesOf(
        'response_schema_conformance',
        errorExchange(400, 'PARAM_ERROR', { response: { code: 'PARAM_ERROR' } }),
        accept,
      ),
    ).toEqual(['ERR-SCHEMA']);
    expect(rulesOf('response_schema_conformance', errorExchange(401, 'PARAM_ERROR'), accept)).toEqual(['ERR-SCHEMA']);
  });
});

describe('ERR-DETAIL-FIELD (DECISION)', () => {
  it('fails a PARAM_ERROR without detail.field and passes one with it', () => {
    const bare = errorExchange(400, 'PARAM_ERROR', { response: { code: 'PARAM_ERROR', message: 'bad' } });
    expect(rulesOf('response_schema_conformance', bare, contextFor({ kind: 'reject', ruleId: 'OON-LENGTH' }))).toEqual([
      'ERR-DETAIL-FIELD',
    ]);
    expect(
      rulesOf(
        'response_schema_conformance',
        errorExchange(400, 'PARAM_ERROR'),
        contextFor({ kind: 'reject', ruleId: 'OON-LENGTH' }),
      ),
    ).toEqual([]);
  });
});
