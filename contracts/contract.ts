import { join } from 'node:path';
import { PactV4, SpecificationVersion } from '@pact-foundation/pact';
import type { LoadedProfile } from '../client';
import { testProfile } from '../client/testing';
import { pactLogLevel } from '../pact';

/** The two parties of the published contract. */
export const CONSUMER = 'payscore-merchant-client';
export const PROVIDER = 'payscore-acquiringbank-serviceorder';

/** Where consumer tests write the pact; it is committed as the published contract. */
export const PACT_DIR = join(__dirname, 'pacts');
export const PACT_FILE = join(PACT_DIR, `${CONSUMER}-${PROVIDER}.json`);

/** The platform key id the consumer's profile names (and so its Wechatpay-Serial header carries). */
export const CONSUMER_PLATFORM_SERIAL = 'PUB_KEY_ID_01123000010000000000000000000001';

/** The consumer-side pact (a mock server per interaction, on 127.0.0.1). */
export function createContractPact(): PactV4 {
  return new PactV4({
    consumer: CONSUMER,
    provider: PROVIDER,
    dir: PACT_DIR,
    spec: SpecificationVersion.SPECIFICATION_VERSION_V4,
    host: '127.0.0.1',
    logLevel: pactLogLevel(),
  });
}

/**
 * A merchant's profile pointing at baseUrl (the Pact mock server), with keys generated now in a
 * temp folder; the ids are the contract's example tenant. Validated by the real profile loader.
 */
export function consumerProfile(baseUrl: string): LoadedProfile {
  return testProfile(baseUrl, { platform: { serial: CONSUMER_PLATFORM_SERIAL, publicKeyPath: 'platform_pub.pem' } })
    .profile;
}
