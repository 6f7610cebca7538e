import { request, type IncomingHttpHeaders } from 'node:http';
import { newNonce, signRequest, verifyResponseSignature, type SignatureVerification } from '../../apiv3';
import { ENDPOINT_PATH } from '../../specification';
import type { FreshMock } from '../freshMock';

export interface MockRequestOptions {
  method?: string;
  path?: string;
  /** Headers to add or (undefined) remove; the defaults are Accept and Content-Type application/json. */
  headers?: Record<string, string | undefined>;
  /** Replaces the computed Authorization (undefined removes it). */
  authorization?: string | undefined;
  nonce?: string;
  /** Unix seconds; default now. */
  timestamp?: number;
  mchid?: string;
  serialNo?: string;
  privateKey?: string;
}

export interface MockResponse {
  status: number;
  headers: IncomingHttpHeaders;
  raw: Buffer;
  json: Record<string, unknown>;
  /** The response signature checked with the mock's platform key(s). */
  signature: SignatureVerification;
}

/** Sends a request signed with the mock's merchant key, as a real caller would; test support. */
export function mockRequest(mock: FreshMock, body: unknown, options: MockRequestOptions = {}): Promise<MockResponse> {
  const bytes = Buffer.isBuffer(body)
    ? body
    : Buffer.from(typeof body === 'string' ? body : JSON.stringify(body), 'utf8');
  const method = options.method ?? 'POST';
  const path = options.path ?? ENDPOINT_PATH;
  const signed = signRequest({
    method,
    pathWithQuery: path,
    body: bytes,
    mchid: options.mchid ?? mock.config.mchid,
    serialNo: options.serialNo ?? mock.keys.merchantSerialNo,
    privateKey: options.privateKey ?? mock.keys.merchantPrivateKey,
    timestamp: options.timestamp ?? Math.floor(Date.now() / 1000),
    nonce: options.nonce ?? newNonce(),
  });
  const headers: Record<string, string> = { Accept: 'application/json', 'Content-Type': 'application/json' };
  const authorization = 'authorization' in options ? options.authorization : signed.authorization;
  if (authorization !== undefined) headers['Authorization'] = authorization;
  for (const [name, value] of Object.entries(options.headers ?? {})) {
    if (value === undefined) delete headers[name];
    else headers[name] = value;
  }
  const url = new URL(path, mock.profile.baseUrl);
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers: { ...headers, 'Content-Length': String(bytes.length) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const raw = Buffer.concat(chunks);
        let json: Record<string, unknown> = {};
        try {
          json = JSON.parse(raw.toString('utf8')) as Record<string, unknown>;
        } catch {
          json = {};
        }
        const signature = verifyResponseSignature({
          headers: res.headers as Record<string, string | string[] | undefined>,
          body: raw,
          platformKey: (serial) => mock.config.platformKeys.find((k) => k.serial === serial)?.publicKey,
          now: Math.floor(Date.now() / 1000),
        });
        resolve({ status: res.statusCode ?? 0, headers: res.headers, raw, json, signature });
      });
    });
    req.on('error', reject);
    req.end(bytes);
  });
}
