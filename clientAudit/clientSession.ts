import { canonicalJson, type TappedRequest } from '../mock';
import { digestTable, valueDigest } from './digestTable';
import { findingOf, type Finding } from '../judgement';
import { judgeRequest, type CallerProfile } from './judgeRequest';

/** What left the mock for one request, as the caller's audit saw it. */
export interface AnswerSeen {
  status: number;
  code?: string;
  orderId?: string;
  state?: string;
  package?: string;
  /** Wall clock ms when the answer left (or was cut). */
  sentAt: number;
  /** The connection was closed before the answer (dropped-connection, a caller that gave up). */
  cut?: true;
}

/** One request and its answer, judged by every request-side client rule. */
export interface CallerExchange {
  index: number;
  request: TappedRequest;
  findings: Finding[];
  outOrderNo?: string;
  /** The body's JSON value as canonical text (key order and white space aside). */
  parameters?: string;
  answer?: AnswerSeen;
}

export interface ClientSession {
  readonly caller: CallerProfile;
  /** Judges a request as it arrives; nonce reuse and out_order_no reuse span the whole session. */
  judge(request: TappedRequest): CallerExchange;
  readonly exchanges: readonly CallerExchange[];
}

/**
 * One audited session, in order of arrival. `keep: false` (mock --audit, a session of any length) keeps no
 * exchange: the caller holds on to what it needs; the session itself keeps only nonces and digests.
 */
export function createClientSession(caller: CallerProfile, options: { keep?: boolean } = {}): ClientSession {
  const exchanges: CallerExchange[] = [];
  let count = 0;
  // Digests in typed arrays: the session remembers every request's nonce and parameters at ~40 bytes each.
  const nonces = digestTable(1024, false);
  const parametersOf = digestTable();
  return {
    caller,
    exchanges,
    judge(request) {
      const index = ++count;
      const judged = judgeRequest(request, caller);
      const findings = [...judged.findings];
      const nonce = judged.params?.nonce_str;
      if (nonce !== undefined) {
        const first = nonces.get(nonce)?.index;
        findings.push(
          findingOf(
            'CLIENT-NONCE',
            first === undefined ? undefined : `nonce_str ${nonce} was already used by request ${first}`,
          ),
        );
        if (first === undefined) nonces.add(nonce, index);
      }
      const body = judged.body as Record<string, unknown> | undefined;
      const outOrderNo = typeof body?.['out_order_no'] === 'string' ? body['out_order_no'] : undefined;
      const parameters = body === undefined ? undefined : canonicalJson(body);
      if (outOrderNo !== undefined && parameters !== undefined) {
        const earlier = parametersOf.get(outOrderNo);
        findings.push(
          findingOf(
            'CLIENT-OON-UNIQUE',
            earlier === undefined || earlier.value === valueDigest(parameters)
              ? undefined
              : `out_order_no ${outOrderNo} was sent by request ${earlier.index} with other parameters`,
          ),
        );
        if (earlier === undefined) parametersOf.add(outOrderNo, index, parameters);
      }
      const exchange: CallerExchange = {
        index,
        request,
        findings,
        ...(outOrderNo === undefined ? {} : { outOrderNo }),
        ...(parameters === undefined ? {} : { parameters }),
      };
      if (options.keep !== false) exchanges.push(exchange);
      return exchange;
    },
  };
}

/** What the audit records of an answer body (the order's identity and the error code). */
export function answerSeen(status: number, body: string, sentAt: number): AnswerSeen {
  let parsed: Record<string, unknown> = {};
  try {
    const value: unknown = JSON.parse(body);
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) parsed = value as Record<string, unknown>;
  } catch {
    // A body that is not JSON carries no code or order: the status says what it was.
  }
  const text = (key: string): Record<string, string> =>
    typeof parsed[key] === 'string' ? { [key === 'order_id' ? 'orderId' : key]: parsed[key] } : {};
  return { status, sentAt, ...text('code'), ...text('order_id'), ...text('state'), ...text('package') };
}
