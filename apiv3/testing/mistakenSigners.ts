// Test support: requests signed the wrong way, one signer per known mistake, written by hand from the mistake's
// description (not from the diagnosis code, so the tests are not circular).
import { sign } from 'node:crypto';

export interface SigningInput {
  method: string;
  path: string;
  body: Record<string, unknown>;
  timestamp: number;
  nonce: string;
  mchid: string;
  serialNo: string;
  privateKey: string;
  /** A key and serial of another merchant. */
  other: { serialNo: string; privateKey: string };
}

export interface SignedOutput {
  pathWithQuery: string;
  /** The bytes sent. */
  body: Buffer;
  authorization: string;
}

const rsa = (message: string, key: string): string =>
  sign('sha256', Buffer.from(message, 'utf8'), key).toString('base64');

const header = (mchid: string, serial: string, ts: string, nonce: string, signature: string): string =>
  `WECHATPAY2-SHA256-RSA2048 mchid="${mchid}",nonce_str="${nonce}",timestamp="${ts}",serial_no="${serial}",signature="${signature}"`;

/** Signs `signed` (lines as given) and sends `sent`; the header names `ts` unless told otherwise. */
function signedAs(
  i: SigningInput,
  o: { message: string; sent: string; pathWithQuery?: string; ts?: string; mchid?: string; other?: boolean },
): SignedOutput {
  const key = o.other === true ? i.other.privateKey : i.privateKey;
  const serial = o.other === true ? i.other.serialNo : i.serialNo;
  return {
    pathWithQuery: o.pathWithQuery ?? i.path,
    body: Buffer.from(o.sent, 'utf8'),
    authorization: header(o.mchid ?? i.mchid, serial, o.ts ?? String(i.timestamp), i.nonce, rsa(o.message, key)),
  };
}

const compact = (i: SigningInput): string => JSON.stringify(i.body);
const lines = (i: SigningInput, body: string, o: { method?: string; path?: string; ts?: string } = {}): string =>
  `${o.method ?? i.method}\n${o.path ?? i.path}\n${o.ts ?? i.timestamp}\n${i.nonce}\n${body}\n`;

/** A correct signature: the reference the others differ from. */
export const signCorrectly = (i: SigningInput): SignedOutput =>
  signedAs(i, { message: lines(i, compact(i)), sent: compact(i) });

/** One signer per diagnosis the tests expect, keyed by the mistake id. */
export const MISTAKEN_SIGNERS: Record<string, (i: SigningInput) => SignedOutput> = {
  'body-reserialised': (i) => signedAs(i, { message: lines(i, compact(i)), sent: JSON.stringify(i.body, null, 2) }),
  'json-escaped-unicode': (i) =>
    signedAs(i, {
      message: lines(
        i,
        compact(i)
          .replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
          .replace(/\//g, '\\/'),
      ),
      sent: compact(i),
    }),
  'body-whitespace': (i) => signedAs(i, { message: lines(i, compact(i)), sent: `${compact(i)}\n` }),
  'body-not-signed': (i) => signedAs(i, { message: lines(i, ''), sent: compact(i) }),
  'final-newline-missing': (i) => signedAs(i, { message: lines(i, compact(i)).slice(0, -1), sent: compact(i) }),
  'crlf-line-ends': (i) => signedAs(i, { message: lines(i, compact(i)).replace(/\n/g, '\r\n'), sent: compact(i) }),
  'url-in-path': (i) =>
    signedAs(i, {
      message: lines(i, compact(i), { path: `https://api.mch.weixin.qq.com${i.path}` }),
      sent: compact(i),
    }),
  'query-not-signed': (i) =>
    signedAs(i, { message: lines(i, compact(i)), sent: compact(i), pathWithQuery: `${i.path}?trace=1` }),
  'method-lower-case': (i) =>
    signedAs(i, { message: lines(i, compact(i), { method: i.method.toLowerCase() }), sent: compact(i) }),
  'timestamp-read-twice': (i) =>
    signedAs(i, { message: lines(i, compact(i)), sent: compact(i), ts: String(i.timestamp + 1) }),
  'timestamp-milliseconds': (i) => {
    const ms = `${i.timestamp}123`;
    return signedAs(i, { message: lines(i, compact(i), { ts: ms }), sent: compact(i), ts: ms });
  },
  'other-mchid': (i) => signedAs(i, { message: lines(i, compact(i)), sent: compact(i), mchid: '1900009999' }),
  'other-serial': (i) => signedAs(i, { message: lines(i, compact(i)), sent: compact(i), other: true }),
};
