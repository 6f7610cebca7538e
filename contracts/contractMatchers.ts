import { MatchersV3 } from '@pact-foundation/pact';
import { limits, rule } from '../specification';

// Pact matchers for what the merchant client relies on, and only that, and the response templates
// built from them. Header regexes must match the whole value (pact's Rust engine), which has no
// look-ahead: hence the order-free alternation.

const { fromProviderState, like, regex } = MatchersV3;

/** The order-free APIv3 Authorization header: its five parameters may come in any order (SEED §5). */
export const AUTHORIZATION_PATTERN =
  '^WECHATPAY2-SHA256-RSA2048 ((mchid|nonce_str|signature|timestamp|serial_no)="[^"]*",?){5}$';

/**
 * A fixed example, so the written pact is the same on every run. The verifier re-signs every replayed
 * request (pact/resign.ts), with a signature that does not verify under the bad-signature state.
 */
export const AUTHORIZATION_EXAMPLE =
  'WECHATPAY2-SHA256-RSA2048 mchid="1230000109",nonce_str="593BEC0C930BF1AFEB40B4A08C8FB242",timestamp="4102444800",serial_no="1DDE55AD98ED71D6EDD4A4A16996DE7B47773A8C",signature="c2lnbmF0dXJlIGZpeGVkIGluIHRoZSBwYWN0"';

/** A pattern from openapi.yaml (`^[…]+$`) bounded by its maximum length. */
function bounded(pattern: string, max: number): string {
  if (!pattern.startsWith('^') || !pattern.endsWith('+$')) throw new Error(`cannot bound the pattern ${pattern}`);
  return `${pattern.slice(0, -2)}{1,${max}}$`;
}

/**
 * A value the verifier takes from the provider state's answer (`${name}`), still held to `pattern`
 * on the consumer side: fromProviderState alone would match by type only.
 */
function injected(name: string, pattern: string, example: string): MatchersV3.V3RegexMatcher {
  return { ...fromProviderState(`\${${name}}`, example), ...regex(pattern, example) };
}
const OUT_ORDER_NO_PATTERN = (): string => bounded(limits().outOrderNoPattern, limits().outOrderNoMaxLength);

/** The matchers the contract is written with, each justified by what the client does with the value. */
export const contractMatchers = {
  /** The client signs every request; the provider only needs a well-formed header (values are per request). */
  authorization: () => regex(AUTHORIZATION_PATTERN, AUTHORIZATION_EXAMPLE),
  /** The same, the value replayed being the one the provider state answers as `authorization`. */
  authorizationFromState: () => injected('authorization', AUTHORIZATION_PATTERN, AUTHORIZATION_EXAMPLE),
  /** JSON in and out; parameters such as charset are allowed (DECISION §1). */
  json: () => regex('^application/json.*$', 'application/json'),
  /** The platform key id the client verifies answers with: a PUB_KEY_ID_ or a certificate serial. */
  wechatpaySerial: (example = 'PUB_KEY_ID_01123000010000000000000000000001') =>
    regex('^(PUB_KEY_ID_[0-9]+|[0-9A-Fa-f]+)$', example),
  /** The client verifies answers with these headers (RESP-SIGNED); their values change with every answer. */
  timestamp: () => regex('^[0-9]+$', '4102444800'),
  token: (example: string) => regex('^\\S+$', example),
  /** The merchant stores out_order_no as its own key: the spec's charset and length, not one value. */
  outOrderNo: (example: string) => regex(OUT_ORDER_NO_PATTERN(), example),
  /** The same, the value replayed being the one the provider state answers as `out_order_no`. */
  outOrderNoFromState: (example: string) => injected('out_order_no', OUT_ORDER_NO_PATTERN(), example),
  /** The merchant stores order_id as an opaque key of at most orderIdMaxLength characters. */
  orderId: (example = '1020991231121314000000000001') => regex(`^\\S{1,${limits().orderIdMaxLength}}$`, example),
};
const m = contractMatchers;

/** Every answer is JSON, signed by the platform (RESP-SIGNED) and carries a Request-ID for support calls. */
export const RESPONSE_HEADERS = {
  'Content-Type': m.json(),
  'Request-ID': m.token('08F78BB5AF0610A4AA1F2A8B0F07D10D'),
  'Wechatpay-Timestamp': m.timestamp(),
  'Wechatpay-Nonce': m.token('5K8264ILTKCH16CQ2502SI8ZNMTM67VS'),
  'Wechatpay-Signature': m.token('c2lnbmF0dXJlIGZpeGVkIGluIHRoZSBwYWN0'),
  'Wechatpay-Serial': m.wechatpaySerial(),
};

// Echoed ids are matched by type only: they are the provider's tenant's (a provider replays the
// pact with its own ids), and RESP-ECHO is a conformance check of checks/, not something the
// merchant client relies on.

/** What the client reads from any 200: the order's keys, the state that drives its next step. */
function orderBase(body: Record<string, unknown>): Record<string, unknown> {
  return {
    out_order_no: m.outOrderNo(String(body['out_order_no'])),
    service_id: like(String(body['service_id'])),
    appid: like(String(body['appid'])),
    mchid: like('1230000109'),
    sub_mchid: like(String(body['sub_mchid'])),
    channel_id: like(String(body['channel_id'])),
    service_introduction: like(String(body['service_introduction'])),
    order_id: m.orderId(),
  };
}

/** No-confirm mode: the order is already running (STATE-NO-CONFIRM-MODE), the client never asks the user. */
export function doingOrder(body: Record<string, unknown>): Record<string, unknown> {
  return { ...orderBase(body), state: 'DOING', state_description: 'USER_CONFIRM' };
}

/** Confirm mode: CREATED and a package the client hands to the user's WeChat (STATE-CONFIRM-MODE). */
export function createdOrder(body: Record<string, unknown>): Record<string, unknown> {
  return { ...orderBase(body), state: 'CREATED', package: like('DJIOSQPYWDxsjdldeskfhsdSDFSDFssdksdfsfcsdfs') };
}

/** The error the client branches on: its code (exact) for the rule; the message is for people. */
export function errorBody(ruleId: string): Record<string, unknown> {
  const code = rule(ruleId).expect?.codes[0];
  if (code === undefined) throw new Error(`rule ${ruleId} states no error code`);
  return { code, message: like('an explanation for people') };
}

/** The status openapi.yaml states for a rule's violation. */
export function statusOf(ruleId: string): number {
  const status = rule(ruleId).expect?.status;
  if (status === undefined) throw new Error(`rule ${ruleId} states no status`);
  return status;
}
