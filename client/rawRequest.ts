import type { KeyObject } from 'node:crypto';
import type { AuthorizationForm } from '../apiv3';

/** How to sign a raw request; every field overrides what the client would do, to break one rule on purpose. */
export interface SignOverrides {
  /** Unix seconds (default: the client clock). */
  timestamp?: number;
  nonce?: string;
  mchid?: string;
  serialNo?: string;
  privateKey?: KeyObject;
  /** Put this in Authorization instead of the computed signature (e.g. a WECHATPAY/SIGNTEST/ probe). */
  signatureOverride?: string;
  /** Send these bytes instead of the body that was signed. */
  tamperBodyAfterSigning?: string | Buffer;
  /** Write the Authorization parameters in this order / with this separator (all valid forms). */
  authorizationForm?: AuthorizationForm;
}

/** The low-level request the conformance suites use to break rules deliberately. */
export interface RawRequest {
  /** Default POST. */
  method?: string;
  /** Path with query, appended to the profile's baseUrl; default the create-order endpoint. */
  path?: string;
  /** Exact bytes to send (a string is sent as UTF-8); default empty. */
  body?: string | Buffer;
  /** Replace default headers by name (any case); null removes a default header. */
  headers?: Record<string, string | null>;
  /** false: no Authorization; default: signed by the profile's merchant key. */
  sign?: false | SignOverrides;
}

/** Options of createClient. */
export interface ClientOptions {
  /** Per attempt; default profile.timeoutMs, else 10 000. */
  timeoutMs?: number;
  /** Extra attempts for 429 and 5xx answers; default 0 (no retry). */
  retries?: number;
  /** First backoff; doubles after each attempt. Default 200. */
  backoffMs?: number;
  /** Now in milliseconds; default Date.now. */
  clock?: () => number;
  /** A fresh nonce per request; default 32 hex characters. */
  nonce?: () => string;
}
