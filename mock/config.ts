import type { KeyObject } from 'node:crypto';
import type { BoundIdentities } from '../specification';
import type { FaultName } from './faults';
import type { ReadingName } from './readings';
import type { Clock, OrderStore } from './store';
import type { WireTap } from './wireTap';

/** A platform key the mock signs with: a public key id (PUB_KEY_ID_…) or a certificate serial (hex). */
export interface PlatformKey {
  serial: string;
  privateKey: KeyObject;
  publicKey: KeyObject;
  /** PEM of the platform certificate, in certificate mode. */
  certificatePem?: string;
}

/** `mock --latency MS[,JITTER]`: how long every answer waits, as a distant WeChat Pay would make it. */
export interface Latency {
  /** The mean wait, ms. */
  ms: number;
  /** The wait is drawn uniformly from ms - jitterMs .. ms + jitterMs (jitterMs <= ms). */
  jitterMs: number;
}

/** Receives one JSON line per request (and per caught exception). */
export type MockLogger = (line: string) => void;

export interface MockConfig {
  /** The institution's merchant id (Authorization mchid). */
  mchid: string;
  /** The merchant API key the requests are signed with: its serial and public key. */
  merchant: { serialNo: string; publicKey: KeyObject };
  /** Platform keys; the first signs when the request names none (Wechatpay-Serial). */
  platformKeys: PlatformKey[];
  /** The 32-byte APIv3 key that encrypts callback resources. */
  apiV3Key: Buffer;
  /** The identities the mock's institution is bound to (403 NO_AUTH for anything else). */
  identities: BoundIdentities;
  /** The risk-fund cap of the service_id, in fen (RISK-CAP). */
  riskFundCap: number;
  /** Defaults to a SQLite store in memory. */
  store?: OrderStore;
  /** Business clock (expiry, time rules); defaults to real time. */
  clock?: Clock;
  /** Wall clock (ms) for the signature window and response timestamps; defaults to Date.now. */
  wallClock?: () => number;
  faults?: readonly FaultName[];
  /** Legitimate alternative behaviours (readings.ts), applied after the faults. */
  readings?: readonly ReadingName[];
  /** How long `slow-answers` waits before answering, ms (default 10 000). */
  slowAnswerMs?: number;
  /** Every answer waits this long (`mock --latency MS[,JITTER]`); absent: at once. */
  latency?: Latency;
  /** Requests per second per mchid; beyond it 429 FREQUENCY_LIMITED. Off when absent or 0. */
  rateLimit?: number;
  /** Enables the HTTP control interface under /__control/ (loopback callers only). */
  control?: boolean;
  /** Serves the live console at /__console (loopback callers only); `mock` turns it on unless --no-console. */
  console?: boolean;
  /** Multiplies the callback retry schedule (0.001 turns 15 s into 15 ms). Default 1. */
  callbackDelayScale?: number;
  /** How long a callback receiver has to answer 2xx, ms. Default 5000. */
  callbackTimeoutMs?: number;
  /** Deliver callbacks to non-loopback hosts too (off: the project never calls outside 127.0.0.1). */
  callbackAnyHost?: boolean;
  logger?: MockLogger;
  /** ms for all request headers to arrive (HTTP-MALFORMED); default HTTP_TIMEOUTS.headersMs. */
  headersTimeoutMs?: number;
  /** ms for the whole request, body included; default HTTP_TIMEOUTS.requestMs. */
  requestTimeoutMs?: number;
  /** The caller's audit at the wire (mock --audit, audit-client): sees and delivers every endpoint answer. */
  tap?: WireTap;
}
