import { createSign, randomBytes, type KeyObject } from 'node:crypto';

// A small merchant client of PayScore create-order, written as a merchant would write it: its own
// APIv3 signing (SEED §5) over node:crypto and fetch, nothing from payscore-conformance. Its consumer
// test (merchantClient.consumer.test.ts) pins what it relies on in a pact, which `payscore-conformance
// pact verify` then checks against openapi.yaml and against the sandbox.

export interface MerchantClientOptions {
  baseUrl: string;
  mchid: string;
  /** The serial of the merchant's API certificate (serial_no in Authorization). */
  serialNo: string;
  privateKey: KeyObject;
  /** The platform key the merchant verifies answers with (sent as Wechatpay-Serial). */
  platformSerial: string;
}

/** What the merchant keeps of an answer: its status and its JSON body. */
export interface MerchantAnswer {
  status: number;
  body: Record<string, unknown>;
}

export const CREATE_ORDER_PATH = '/v3/payscore/acquiringbank/serviceorder';

/** The APIv3 Authorization header: SHA256withRSA over method, path, timestamp, nonce and body. */
export function authorization(options: MerchantClientOptions, path: string, body: string): string {
  const timestamp = String(Math.floor(Date.now() / 1000));
  const nonce = randomBytes(16).toString('hex').toUpperCase();
  const signature = createSign('RSA-SHA256')
    .update(`POST\n${path}\n${timestamp}\n${nonce}\n${body}\n`)
    .sign(options.privateKey, 'base64');
  return `WECHATPAY2-SHA256-RSA2048 mchid="${options.mchid}",nonce_str="${nonce}",timestamp="${timestamp}",serial_no="${options.serialNo}",signature="${signature}"`;
}

/** Creates a PayScore order; any answer (2XX or error) comes back as status and body. */
export async function createOrder(
  options: MerchantClientOptions,
  order: Record<string, unknown>,
): Promise<MerchantAnswer> {
  const body = JSON.stringify(order);
  const response = await fetch(new URL(CREATE_ORDER_PATH, options.baseUrl), {
    method: 'POST',
    headers: {
      Authorization: authorization(options, CREATE_ORDER_PATH, body),
      Accept: 'application/json',
      'Content-Type': 'application/json',
      'Wechatpay-Serial': options.platformSerial,
    },
    body,
  });
  const text = await response.text();
  return { status: response.status, body: text === '' ? {} : (JSON.parse(text) as Record<string, unknown>) };
}
