import { type DocumentedHeader, documentedResponseHeaders, failure } from './judging';
import type { CheckDefinition, CheckFinding } from './types';

/** Request-ID is RESP-REQUEST-ID; the Wechatpay-* headers are RESP-SIGNED, the serial's form RESP-SERIAL. */
function ruleOf(header: DocumentedHeader, aspect: 'presence' | 'form'): string {
  const name = header.name.toLowerCase();
  if (name === 'request-id') return 'RESP-REQUEST-ID';
  return aspect === 'form' && name === 'wechatpay-serial' ? 'RESP-SERIAL' : 'RESP-SIGNED';
}

function formProblem(header: DocumentedHeader, value: string): string | undefined {
  const { pattern, minLength } = header.schema as { pattern?: string; minLength?: number };
  if (typeof minLength === 'number' && [...value].length < minLength) return `is shorter than ${minLength}`;
  if (typeof pattern === 'string' && !new RegExp(pattern, 'u').test(value)) return `does not match ${pattern}`;
  return undefined;
}

/** RESP-REQUEST-ID, RESP-SIGNED (presence), RESP-SERIAL (form): the documented headers on every response. */
export const responseHeadersConformance: CheckDefinition = {
  rules: ['RESP-REQUEST-ID', 'RESP-SIGNED', 'RESP-SERIAL'],
  description:
    'Every response, errors included, carries Request-ID and Wechatpay-Timestamp/Nonce/Signature/Serial in their documented form.',
  run(exchange) {
    const response = exchange.response;
    if (response === undefined) return 'not-applicable';
    const out: CheckFinding[] = [];
    for (const header of documentedResponseHeaders()) {
      const value = response.headers[header.name.toLowerCase()];
      if (value === undefined || value === '') {
        if (header.required)
          out.push(failure(ruleOf(header, 'presence'), `${response.status} response has no ${header.name} header`));
        continue;
      }
      const problem = formProblem(header, value);
      if (problem !== undefined)
        out.push(failure(ruleOf(header, 'form'), `${header.name} ${JSON.stringify(value)} ${problem}`));
    }
    return out;
  },
};
