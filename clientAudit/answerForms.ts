// The wire forms of an answer (issue 26): the same JSON value in other legitimate bytes, re-signed validly;
// signature headers twisted the ways a half-done check lets through; header names in another case.
import type { KeyObject } from 'node:crypto';
import { newNonce, responseMessage, signMessage } from '../apiv3';
import type { TappedAnswer } from '../mock';
import type { BodyForm, Scenario, SignatureTwist } from './scenarioTypes';

/** A key the answers are re-signed with: the platform key (valid) or a stranger's (unknown-serial). */
export interface SigningKey {
  serial: string;
  privateKey: KeyObject;
}

const TEN_MINUTES_S = 600;

const reorder = (v: unknown): unknown =>
  Array.isArray(v)
    ? v.map(reorder)
    : v !== null && typeof v === 'object'
      ? Object.fromEntries(
          Object.entries(v)
            .reverse()
            .map(([k, x]) => [k, reorder(x)]),
        )
      : v;

/** Every character outside ASCII and every / as a \u escape: the same JSON value. */
const escaped = (text: string): string =>
  text.replace(/[^\x20-\x7e]|\//g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

function reformed(body: string, form: BodyForm): string {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return body;
  }
  switch (form) {
    case 'spaced':
      return `${JSON.stringify(value, null, 2)}\n`;
    case 'reordered':
      return JSON.stringify(reorder(value));
    case 'escaped':
      return escaped(JSON.stringify(value));
    case 'chinese-field':
      return JSON.stringify({ ...(value as object), note: '服务订单创建成功（审计用字段）' });
  }
}

/** The answer re-signed by `key`: the body as given, a fresh nonce, the timestamp given or now. */
export function resigned(answer: TappedAnswer, key: SigningKey, timestamp?: string): TappedAnswer {
  // Signed by hand, not by signResponse: the garbage-timestamp twist signs over a timestamp that is no number.
  const ts = timestamp ?? String(Math.floor(Date.now() / 1000));
  const nonce = newNonce();
  const headers = {
    'Wechatpay-Timestamp': ts,
    'Wechatpay-Nonce': nonce,
    'Wechatpay-Signature': signMessage(responseMessage(ts, nonce, answer.body), key.privateKey),
    'Wechatpay-Serial': key.serial,
  };
  return { ...answer, headers: { ...answer.headers, ...headers } };
}

function twisted(answer: TappedAnswer, twist: SignatureTwist, platform: SigningKey): TappedAnswer {
  switch (twist) {
    case 'over-compact-body': {
      const spaced = reformed(answer.body, 'spaced');
      return { ...answer, body: spaced, headers: { ...answer.headers, 'Content-Length': Buffer.byteLength(spaced) } };
    }
    case 'future-timestamp':
      return resigned(answer, platform, String(Math.floor(Date.now() / 1000) + TEN_MINUTES_S));
    case 'garbage-timestamp':
      return resigned(answer, platform, 'now');
  }
}

const cased = (headers: TappedAnswer['headers'], to: 'lower' | 'upper'): TappedAnswer['headers'] =>
  Object.fromEntries(Object.entries(headers).map(([k, v]) => [to === 'lower' ? k.toLowerCase() : k.toUpperCase(), v]));

/** The answer as the scenario puts it on the wire, before its transport (whole, chunked, cut…). */
export function answerForm(answer: TappedAnswer, scenario: Scenario, platform: SigningKey): TappedAnswer {
  let out = answer;
  if (scenario.form !== undefined) {
    const body = reformed(out.body, scenario.form);
    out = resigned({ ...out, body, headers: { ...out.headers, 'Content-Length': Buffer.byteLength(body) } }, platform);
  }
  if (scenario.twist !== undefined) out = twisted(out, scenario.twist, platform);
  if (scenario.headerCase !== undefined) out = { ...out, headers: cased(out.headers, scenario.headerCase) };
  return out;
}
