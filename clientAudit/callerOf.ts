import type { KeyObject } from 'node:crypto';
import type { KeyMode } from '../mock';
import type { BoundIdentities } from '../specification';
import type { CallerProfile } from './judgeRequest';

/** What a mock's configuration says of the caller it serves (its profile's other halves). */
interface MockSide {
  mchid: string;
  merchant: { serialNo: string; publicKey: KeyObject };
  identities: BoundIdentities;
}

/** The caller a mock's profile describes: the mchid, keys and bindings its requests are judged by. */
export function callerOf(
  config: MockSide,
  platformSerial: string,
  keyMode: KeyMode,
  riskFundCap: number,
): CallerProfile {
  return {
    mchid: config.mchid,
    merchantSerial: config.merchant.serialNo,
    merchantPublicKey: config.merchant.publicKey,
    keyMode,
    platformSerials: [platformSerial],
    identities: config.identities,
    riskFundCap,
  };
}
