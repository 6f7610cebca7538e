// The APIv3 protocol core, shared by every side (client, mock, checks, suites, receiver): signatures,
// the notification envelope, AEAD_AES_256_GCM, media types, header lookup and the protocol constants.
// Pure functions, clock and nonce injected; it imports none of the folders that use it.
export {
  AUTH_SCHEME,
  PROBE_SIGNATURE_PREFIX,
  TIMESTAMP_WINDOW_SECONDS,
  WECHAT_API_HOSTS,
  requestMessage,
  responseMessage,
} from './messages';
export { signMessage, signMessageAsync, verifyMessage, verifyMessageAsync } from './rsa';
export type { PrivateKeyInput, PublicKeyInput } from './rsa';
export { formatAuthorization, parseAuthorization } from './authorization';
export type { AuthorizationForm, AuthorizationParams, ParsedAuthorization } from './authorization';
export { signRequest, verifyRequestSignature, verifyRequestSignatureAsync } from './requestSignature';
export type { SignRequestInput, SignedRequest, VerifyRequestInput } from './requestSignature';
export { signResponse, signResponseAsync, verifyResponseSignature, newNonce } from './responseSignature';
export type { SignResponseInput, VerifyResponseInput, WechatpaySignatureHeaders } from './responseSignature';
export type { SignatureVerification, VerifyFailure } from './signatureVerification';
export { headerValue } from './headers';
export { isObject } from './isObject';
export { selfSignedPem } from './selfSignedPem';
export { issueCertificate, issueCertificateSync } from './x509';
export type { CertificateOrder } from './x509';
export type { HeaderMap } from './headers';
export { acceptsJson, isJsonContentType, JSON_MEDIA_TYPE } from './mediaTypes';
export { encryptResource } from './encryptResource';
export type { EncryptedResource } from './encryptResource';
export { decryptResource, APIV3_KEY_BYTES, GCM_NONCE_BYTES, GCM_TAG_BYTES } from './decryptResource';
export type { Decrypted, DecryptFailure } from './decryptResource';
export { notificationEnvelope, rfc3339China, PAYSCORE_EVENTS, PAYSCORE_ORIGINAL_TYPE } from './notificationEnvelope';
export type { EnvelopeOptions, NotificationEnvelope, PayscoreEvent } from './notificationEnvelope';
export { signNotification } from './signedNotification';
export type { NotificationHeaders, SignNotificationInput } from './signedNotification';
export { RETRY_SCHEDULE_SECONDS, RECEIVER_TIMEOUT_MS } from './retrySchedule';
export {
  RECEIVER_FAILURE_BODY,
  RECEIVER_SUCCESS_STATUSES,
  isReceiverFailure,
  isReceiverSuccess,
} from './receiverAnswer';
export { candidateMessage, diagnoseRequestSignature, diagnoseSignature } from './signatureDiagnosis';
export type { MerchantIdentity, SignatureDiagnosis, SignedRequestSeen } from './signatureDiagnosis';
export { SIGNATURE_MISTAKES } from './signatureMistakes';
export type { Candidate, SignatureMistake, SignedParts } from './signatureMistakes';
