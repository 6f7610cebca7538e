// The catalogue of opt-in defects. Each names the ONE rule (openapi.yaml x-rules) it breaks; with
// a fault on, the mock behaves correctly in every other respect. The suites' self-test iterates it.

export interface FaultInfo {
  ruleId: string;
  description: string;
}

export const FAULTS = {
  'accept-long-out-order-no': { ruleId: 'OON-LENGTH', description: 'accepts an out_order_no one character over the maximum (33 characters)' },
  'accept-both-openids': { ruleId: 'OPENID-EXCLUSIVE', description: 'accepts openid and sub_openid together in no-confirm mode' },
  'ignore-risk-cap': { ruleId: 'RISK-CAP', description: 'accepts risk_fund.amount and payment sums over the risk-fund cap' },
  'skip-identity-check': { ruleId: 'NO-AUTH', description: 'never answers 403 NO_AUTH: any service_id, appid, sub_mchid/channel_id, sub_appid passes' },
  'skip-signature-check': { ruleId: 'AUTH-SIGNATURE', description: 'accepts a request signature that does not verify (other Authorization checks stay)' },
  'accept-stale-timestamp': { ruleId: 'AUTH-TIMESTAMP', description: 'accepts an Authorization timestamp of any age' },
  'accept-replayed-nonce': { ruleId: 'AUTH-NONCE-REPLAY', description: 'accepts a nonce_str already seen within the window' },
  'accept-missing-accept': { ruleId: 'HDR-ACCEPT', description: 'accepts a request without an Accept header' },
  'new-order-id-on-replay': { ruleId: 'IDEMP-SAME', description: 'a replay with the same parameters answers 200 with a fresh order_id' },
  'conflict-accepted': { ruleId: 'IDEMP-CONFLICT', description: 'the same out_order_no with different parameters answers the stored order (200) instead of 400' },
  'confirm-mode-doing': { ruleId: 'STATE-CONFIRM-MODE', description: 'need_user_confirm true answers DOING/USER_CONFIRM without a package' },
  'no-confirm-created': { ruleId: 'STATE-NO-CONFIRM-MODE', description: 'need_user_confirm false or absent answers CREATED' },
  'wrong-mchid-echo': { ruleId: 'RESP-MCHID', description: 'the 200 body carries the body\'s channel_id as mchid instead of the Authorization mchid' },
  'echo-drift': { ruleId: 'RESP-ECHO', description: 'the echoed service_introduction has its first non-ASCII character replaced by "?" (a lossy transcoding)' },
  'unsigned-answers': { ruleId: 'RESP-SIGNED', description: 'answers carry no Wechatpay-* signature headers' },
  'bad-signature': { ruleId: 'RESP-SIGNED', description: 'answers are signed over a body other than the one sent' },
  'probe-signature': { ruleId: 'SIG-PROBE', description: 'answers carry a WECHATPAY/SIGNTEST/ probe signature' },
  'stale-response-timestamp': { ruleId: 'RESP-TIMESTAMP', description: 'answers are signed correctly with a Wechatpay-Timestamp ten minutes in the past' },
  'no-request-id': { ruleId: 'RESP-REQUEST-ID', description: 'answers carry no Request-ID header' },
  'text-content-type': { ruleId: 'RESP-CONTENT-TYPE', description: 'answers are labelled Content-Type: text/plain' },
  'missing-error-detail': { ruleId: 'ERR-DETAIL-FIELD', description: 'PARAM_ERROR answers carry no detail' },
  'system-error': { ruleId: 'SYSTEM-ERROR', description: 'answers 500 SYSTEM_ERROR to every request (the suites catch it as a server error, not_a_server_error)' },
  'rate-limit-all': { ruleId: 'RATE-LIMIT', description: 'answers 429 FREQUENCY_LIMITED to every request, though no caller is over a limit' },
  'slow-answers': { ruleId: 'SYSTEM-ERROR', description: 'every answer waits slowAnswerMs (default 10 s), beyond a client timeout; no rule states a latency, so it is filed under server faults' },
  'never-expire': { ruleId: 'EXPIRY', description: 'CREATED orders never become EXPIRED' },
} as const satisfies Record<string, FaultInfo>;

export type FaultName = keyof typeof FAULTS;

/** The catalogue as data: fault name → {ruleId, description}. */
export function faultCatalogue(): ReadonlyArray<{ name: FaultName } & FaultInfo> {
  return (Object.keys(FAULTS) as FaultName[]).map((name) => ({ name, ...FAULTS[name] }));
}

export function isFaultName(name: string): name is FaultName {
  return Object.prototype.hasOwnProperty.call(FAULTS, name);
}
