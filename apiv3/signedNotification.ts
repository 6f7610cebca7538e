import { JSON_MEDIA_TYPE } from './mediaTypes';
import { AUTH_SCHEME } from './messages';
import { signResponse, type WechatpaySignatureHeaders } from './responseSignature';
import type { PrivateKeyInput } from './rsa';

/** The HTTP headers of a notification POST: the signature headers, the signature type and the media type. */
export type NotificationHeaders = Record<
  keyof WechatpaySignatureHeaders | 'Content-Type' | 'Wechatpay-Signature-Type',
  string
>;

export interface SignNotificationInput {
  /** The exact bytes to send (the JSON envelope, or anything a hostile sender chooses). */
  body: string | Uint8Array;
  privateKey: PrivateKeyInput;
  serial: string;
  /** Unix seconds. */
  timestamp: number;
  nonce?: string;
}

/** A notification as WeChat Pay POSTs it to notify_url: signed like a response (CALLBACK-SIGNED). */
export function signNotification(input: SignNotificationInput): NotificationHeaders {
  return {
    'Content-Type': JSON_MEDIA_TYPE,
    'Wechatpay-Signature-Type': AUTH_SCHEME,
    ...signResponse(input),
  };
}
