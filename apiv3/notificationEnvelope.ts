import { randomUUID } from 'node:crypto';
import { formatChinaTime } from '../specification';
import { encryptResource, type EncryptedResource } from './encryptResource';

export type PayscoreEvent = 'PAYSCORE.USER_CONFIRM' | 'PAYSCORE.USER_PAID';

export interface NotificationEnvelope {
  id: string;
  create_time: string;
  event_type: PayscoreEvent;
  resource_type: 'encrypt-resource';
  summary: string;
  resource: EncryptedResource;
}

const SUMMARY: Record<PayscoreEvent, string> = {
  'PAYSCORE.USER_CONFIRM': '微信支付分服务订单用户已确认',
  'PAYSCORE.USER_PAID': '微信支付分服务订单支付成功',
};

/** RFC 3339 in China Standard Time, as WeChat writes it: 2025-01-02T03:04:05+08:00. */
export function rfc3339China(instant: number): string {
  const t = formatChinaTime(instant, 'second');
  return `${t.slice(0, 4)}-${t.slice(4, 6)}-${t.slice(6, 8)}T${t.slice(8, 10)}:${t.slice(10, 12)}:${t.slice(12, 14)}+08:00`;
}

/** What a sender may choose about one notification; WeChat's own choices are the defaults. */
export interface EnvelopeOptions {
  id?: string;
  /** The AAD; WeChat's official examples also send an empty string. */
  associatedData?: string;
  nonce?: string;
}

export const PAYSCORE_EVENTS: readonly PayscoreEvent[] = ['PAYSCORE.USER_CONFIRM', 'PAYSCORE.USER_PAID'];
export const PAYSCORE_ORIGINAL_TYPE = 'payscore';

/** The notification for an event about an order (CALLBACK-EVENTS, CALLBACK-ENCRYPTION). */
export function notificationEnvelope(
  event: PayscoreEvent,
  order: Record<string, unknown>,
  apiV3Key: Buffer,
  now: number,
  options: EnvelopeOptions = {},
): NotificationEnvelope {
  return {
    id: options.id ?? randomUUID(),
    create_time: rfc3339China(now),
    event_type: event,
    resource_type: 'encrypt-resource',
    summary: SUMMARY[event],
    resource: encryptResource(
      JSON.stringify(order),
      apiV3Key,
      options.associatedData ?? PAYSCORE_ORIGINAL_TYPE,
      PAYSCORE_ORIGINAL_TYPE,
      options.nonce,
    ),
  };
}
