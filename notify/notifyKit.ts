import { generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto';
import {
  notificationEnvelope,
  signNotification,
  type EnvelopeOptions,
  type NotificationEnvelope,
  type NotificationHeaders,
} from '../apiv3';
import type { LoadedNotifyProfile } from '../client';
import type { OrderResource } from './orderResources';

/** One POST to the receiver, exactly as it goes on the wire. */
export interface Delivery {
  body: Buffer;
  headers: Record<string, string>;
}

/** A key that signs notifications, under the serial it claims. */
export interface Signer {
  privateKey: KeyObject;
  serial: string;
}

export interface SignOptions {
  signer?: Signer;
  /** Unix seconds; now when absent. */
  timestamp?: number;
  /** Replaces the computed Wechatpay-Signature (probe signatures). */
  signature?: string;
  /** Removes one header after signing. */
  drop?: keyof NotificationHeaders;
}

/** What every case builds notifications with: the profile's keys, the run's clock, one core (apiv3). */
export interface NotifyKit {
  profile: LoadedNotifyProfile;
  /** Unix seconds. */
  now(): number;
  /** A stranger's key: signs with no key the receiver knows. */
  stranger: Signer;
  envelope(resource: OrderResource, options?: EnvelopeOptions & { apiV3Key?: Buffer }): NotificationEnvelope;
  sign(body: string | Buffer, options?: SignOptions): Delivery;
  /** envelope + sign: a genuine notification. */
  genuine(resource: OrderResource, options?: SignOptions & EnvelopeOptions): Delivery;
}

export function notifyKit(profile: LoadedNotifyProfile, runId: string, clock: () => number = Date.now): NotifyKit {
  let counter = 0;
  const strangerKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
  const kit: NotifyKit = {
    profile,
    now: () => Math.floor(clock() / 1000),
    stranger: { privateKey: strangerKey, serial: `PUB_KEY_ID_${[...randomBytes(32)].map((b) => b % 10).join('')}` },
    envelope(resource, options = {}) {
      const { apiV3Key = profile.apiV3Key, ...envelopeOptions } = options;
      // Fresh ids per run: a receiver that keeps notifications across runs must not see old ids as duplicates.
      return notificationEnvelope(resource.event, resource.order, apiV3Key, clock(), {
        id: `${runId}-${++counter}`,
        ...envelopeOptions,
      });
    },
    sign(body, options = {}) {
      const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
      const signer = options.signer ?? profile.platform;
      const headers: Record<string, string> = signNotification({
        body: bytes,
        privateKey: signer.privateKey,
        serial: signer.serial,
        timestamp: options.timestamp ?? kit.now(),
      });
      if (options.signature !== undefined) headers['Wechatpay-Signature'] = options.signature;
      if (options.drop !== undefined) delete headers[options.drop];
      return { body: bytes, headers };
    },
    genuine(resource, options = {}) {
      const { signer, timestamp, signature, drop, ...envelopeOptions } = options;
      const signOptions: SignOptions = {
        ...(signer === undefined ? {} : { signer }),
        ...(timestamp === undefined ? {} : { timestamp }),
        ...(signature === undefined ? {} : { signature }),
        ...(drop === undefined ? {} : { drop }),
      };
      return kit.sign(JSON.stringify(kit.envelope(resource, envelopeOptions)), signOptions);
    },
  };
  return kit;
}
