import { TIMESTAMP_WINDOW_SECONDS } from '../apiv3';
import { failure } from './_internals/failure';
import type { CheckDefinition, Finding } from './types';

/** Shows the line breaks of a signed string so a reader can compare it byte for byte. */
const visible = (message: string): string => JSON.stringify(message);

/**
 * RESP-SIGNED via the recorded verdict, RESP-TIMESTAMP against ctx.now, SIG-PROBE for a probe
 * signature, RESP-SERIAL for a key the caller does not know. Absent headers are
 * response_headers_conformance's to report; no verdict (no platform key in the profile) is not applicable.
 */
export const responseSignatureConformance: CheckDefinition = {
  rules: ['RESP-SIGNED', 'RESP-TIMESTAMP', 'SIG-PROBE', 'RESP-SERIAL'],
  description:
    'The response signature verifies with the platform key over TIMESTAMP\\nNONCE\\nBODY\\n and its timestamp is within 5 minutes.',
  run(exchange, ctx) {
    const response = exchange.response;
    const verdict = exchange.signature;
    if (response === undefined || verdict === undefined || verdict.reason === 'missing') return 'not-applicable';
    const out: Finding[] = [];
    const timestamp = Number(response.headers['wechatpay-timestamp']);
    const skew = Math.abs(ctx.now / 1000 - timestamp);
    if (Number.isFinite(skew) && skew > TIMESTAMP_WINDOW_SECONDS) {
      out.push(
        failure(
          'RESP-TIMESTAMP',
          `Wechatpay-Timestamp ${timestamp} is ${Math.round(skew)} s away from now; the window is ${TIMESTAMP_WINDOW_SECONDS} s`,
        ),
      );
    } else if (verdict.reason === 'stale') {
      // Stale when the client verified it, even if ctx.now says otherwise.
      out.push(failure('RESP-TIMESTAMP', verdict.detail));
    }
    if (verdict.ok || verdict.reason === 'stale') return out;
    const expected = `; expected signed string ${visible(verdict.expectedMessage)}`;
    const ruleId =
      verdict.reason === 'probe' ? 'SIG-PROBE' : verdict.reason === 'unknown-serial' ? 'RESP-SERIAL' : 'RESP-SIGNED';
    out.push(failure(ruleId, `${verdict.reason}: ${verdict.detail}${expected}`, undefined, verdict.expectedMessage));
    return out;
  },
};
