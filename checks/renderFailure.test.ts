import { rule } from '../specification';
import { renderFailure, visibleSignedString } from '.';
import { contextFor, errorExchange, failuresOf, makeExchange } from './testing';

describe('renderFailure: everything needed to understand and replay a failure', () => {
  const exchange = makeExchange({ bodyAfterSigning: '{"x":1}' });
  const [failure] = failuresOf('response_signature_conformance', exchange, contextFor({ kind: 'accept' }));
  const reproduction = {
    seed: 42,
    path: '3:1',
    curl: exchange.curl,
    signedMessage: exchange.request.signedMessage!,
    caseName: 'tampered answer',
  };
  const text = renderFailure(failure!, reproduction);

  it('names rule id, rule text, basis, check and case', () => {
    expect(text).toContain('RESP-SIGNED [SIBLING]');
    expect(text).toContain(rule('RESP-SIGNED').text);
    expect(text).toContain('response_signature_conformance');
    expect(text).toContain('tampered answer');
  });

  it('carries the fast-check replay hint and the curl reproduction', () => {
    expect(text).toContain('--seed 42 --path "3:1"');
    expect(text).toContain('{ seed: 42, path: "3:1", endOnFailure: true }');
    expect(text).toContain(exchange.curl);
  });

  it('shows the string the response signature should cover, with visible \\n line ends', () => {
    expect(text).toContain('expected signed string (response):');
    expect(text).toContain('RESPNONCE0123456789\\n\n');
    expect(text).toContain('{"x":1}\\n');
    expect(visibleSignedString('1\nN\n{}\n')).toBe('1\\n\nN\\n\n{}\\n');
  });

  it('shows the request signed string for an Authorization failure', () => {
    const refused = makeExchange({ requestHeaders: { Authorization: undefined } });
    const [auth] = failuresOf('auth_enforcement', refused, contextFor({ kind: 'reject', ruleId: 'AUTH-REQUIRED' }));
    const shown = renderFailure(auth!, { ...reproduction, signedMessage: refused.request.signedMessage! });
    expect(shown).toContain('signed string (request):');
    expect(shown).toContain('POST\\n\n    /v3/payscore/acquiringbank/serviceorder\\n');
  });

  it('leaves out the replay hint without a seed and any signed string when no signature is involved', () => {
    const exchange400 = errorExchange(400, 'PARAM_ERROR', { response: { code: 'PARAM_ERROR' } });
    const [schema] = failuresOf('response_schema_conformance', exchange400, contextFor({ kind: 'any' }));
    const plain = renderFailure(schema!, { curl: 'curl x', signedMessage: 'POST\n/\n1\nN\n\n' });
    expect(plain).toContain('ERR-SCHEMA [SEED]');
    expect(plain).not.toContain('--seed');
    expect(plain).not.toContain('signed string');
  });
});
