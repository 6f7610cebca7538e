import { MatchersV3 } from '@pact-foundation/pact';
import { limits } from '../spec';

// Pact matchers for what the merchant client relies on, and only that. Header regexes must match
// the whole value (pact's Rust engine), which has no look-ahead: hence the order-free alternation.

const { regex } = MatchersV3;

/** The order-free APIv3 Authorization header: its five parameters may come in any order (SEED §5). */
export const AUTHORIZATION_PATTERN = '^WECHATPAY2-SHA256-RSA2048 ((mchid|nonce_str|signature|timestamp|serial_no)="[^"]*",?){5}$';

/** A fixed example, so the written pact is the same on every run; replays are re-signed anyway. */
const AUTHORIZATION_EXAMPLE = 'WECHATPAY2-SHA256-RSA2048 mchid="1230000109",nonce_str="593BEC0C930BF1AFEB40B4A08C8FB242",timestamp="4102444800",serial_no="1DDE55AD98ED71D6EDD4A4A16996DE7B47773A8C",signature="c2lnbmF0dXJlIGZpeGVkIGluIHRoZSBwYWN0"';

/** A pattern from openapi.yaml (`^[…]+$`) bounded by its maximum length. */
function bounded(pattern: string, max: number): string {
  if (!pattern.startsWith('^') || !pattern.endsWith('+$')) throw new Error(`cannot bound the pattern ${pattern}`);
  return `${pattern.slice(0, -2)}{1,${max}}$`;
}

/** The matchers the contract is written with, each justified by what the client does with the value. */
export const contractMatchers = {
  /** The client signs every request; the provider only needs a well-formed header (values are per request). */
  authorization: () => regex(AUTHORIZATION_PATTERN, AUTHORIZATION_EXAMPLE),
  /** JSON in and out; parameters such as charset are allowed (DECISION §1). */
  json: () => regex('^application/json.*$', 'application/json'),
  /** The platform key id the client verifies answers with: a PUB_KEY_ID_ or a certificate serial. */
  wechatpaySerial: (example = 'PUB_KEY_ID_01123000010000000000000000000001') => regex('^(PUB_KEY_ID_[0-9]+|[0-9A-Fa-f]+)$', example),
  /** The client verifies answers with these headers (RESP-SIGNED); their values change with every answer. */
  timestamp: () => regex('^[0-9]+$', '4102444800'),
  token: (example: string) => regex('^\\S+$', example),
  /** The merchant stores out_order_no as its own key: the spec's charset and length, not one value. */
  outOrderNo: (example: string) => regex(bounded(limits().outOrderNoPattern, limits().outOrderNoMaxLength), example),
  /** The merchant stores order_id as an opaque key of at most orderIdMaxLength characters. */
  orderId: (example = '1020991231121314000000000001') => regex(`^\\S{1,${limits().orderIdMaxLength}}$`, example),
};
