import { TIMESTAMP_WINDOW_SECONDS } from '../apiv3';
import { failure } from './judging';
import type { CheckDefinition, CheckFinding } from './types';

/** Shows the line breaks of a signed string so a reader can compare it byte for byte. */
const visible = (message: string): string => JSON.stringify(message);

/**
 * RESP-SIGNED via the recorded verification, RESP-TIMESTAMP against ctx.now, SIG-PROBE for a probe
 * signature, RESP-SERIAL for a key the caller does not know. Absent headers are
 * response_headers_conformance's to report; no verification (no platform key in the profile) is not applicable.
 */
export const responseSignatureConformance: CheckDefinition = {
  rules: ['RESP-SIGNED', 'RESP-TIMESTAMP', 'SIG-PROBE', 'RESP-SERIAL'],
  description:
    'The response signature verifies with the platform key over TIMESTAMP\\nNONCE\\nBODY\\n and its timestamp is within 5 minutes.',
  run(exchange, ctx) {
    const response = exchange.response;
    const verification = exchange.signature;
    if (response === undefined || verification === undefined || verification.reason === 'missing')
      return 'not-applicable';
    const out: CheckFinding[] = [];
    const timestamp = Number(response.headers['wechatpay-timestamp']);
    const skew = Math.abs(ctx.now / 1000 - timestamp);
    if (Number.isFinite(skew) && skew > TIMESTAMP_WINDOW_SECONDS) {
      out.push(
        failure(
          'RESP-TIMESTAMP',
          `Wechatpay-Timestamp ${timestamp} is ${Math.round(skew)} s away from now; the window is ${TIMESTAMP_WINDOW_SECONDS} s`,
        ),
      );
    } else if (verification.reason === 'stale') {
      // Stale when the client verified it, even if ctx.now says otherwise.
      out.push(failure('RESP-TIMESTAMP', verification.detail));
    }
    if (verification.ok || verification.reason === 'stale') return out;
    const expected = `; expected signed string ${visible(verification.expectedMessage)}`;
    const ruleId =
      verification.reason === 'probe'
        ? 'SIG-PROBE'
        : verification.reason === 'unknown-serial'
          ? 'RESP-SERIAL'
          : 'RESP-SIGNED';
    out.push(
      failure(
        ruleId,
        `${verification.reason}: ${verification.detail}${expected}`,
        undefined,
        verification.expectedMessage,
      ),
    );
    return out;
  },
};
