import type { SignatureVerification } from '../apiv3';

/** A request exactly as it went on the wire. */
export interface SentRequest {
  method: string;
  /** Absolute URL. */
  url: string;
  /** Path with query, as signed. */
  pathWithQuery: string;
  /** Header names as sent. */
  headers: Record<string, string>;
  /** The exact body bytes sent. */
  body: Buffer;
  /** The string the Authorization signature was computed over, when the client signed it. */
  signedMessage?: string;
}

/** A response exactly as it came back. */
export interface ReceivedResponse {
  status: number;
  /** Header names lower-cased. */
  headers: Record<string, string>;
  /** The raw body bytes (what the response signature covers). */
  body: Buffer;
  /** The body parsed as JSON, or undefined when it is not JSON. */
  json?: unknown;
}

/**
 * One recorded exchange: what the checks judge and what a failure message reproduces.
 * Either `response` or `transportError` is present.
 */
export interface Exchange {
  request: SentRequest;
  response?: ReceivedResponse;
  transportError?: { kind: 'timeout' | 'connection' | 'other'; message: string };
  durationMs: number;
  /** The response signature verdict (RESP-SIGNED), computed with the profile's platform key. */
  signature?: SignatureVerification;
  /** A curl command that reproduces the request byte for byte. */
  curl: string;
  /** How many times the request was sent (1 unless the client retried 429/5xx); the exchange records the last one. */
  attempts?: number;
}
