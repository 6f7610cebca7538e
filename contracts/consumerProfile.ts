import type { LoadedProfile } from '../client';
import { testTarget } from '../client/testing';

/** The platform key id the consumer's profile names (and so its Wechatpay-Serial header carries). */
export const CONSUMER_PLATFORM_SERIAL = 'PUB_KEY_ID_01123000010000000000000000000001';

/**
 * A merchant's profile pointing at baseUrl (the Pact mock server), with keys generated now in a
 * temp folder; the ids are the contract's example tenant. Validated by the real profile loader.
 */
export function consumerProfile(baseUrl: string): LoadedProfile {
  return testTarget(baseUrl, { platform: { serial: CONSUMER_PLATFORM_SERIAL, publicKeyPath: 'platform_pub.pem' } }).profile;
}
