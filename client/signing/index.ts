// Signing core: pure functions, clock and nonce injected. Used by the client, the mock and the contracts.
export { AUTH_SCHEME, PROBE_SIGNATURE_PREFIX, TIMESTAMP_WINDOW_SECONDS, requestMessage, responseMessage } from './messages';
export { signMessage, signMessageAsync, verifyMessage, verifyMessageAsync } from './rsa';
export type { PrivateKeyInput, PublicKeyInput } from './rsa';
export { formatAuthorization, parseAuthorization } from './authorization';
export type { AuthorizationForm, AuthorizationParams, ParsedAuthorization } from './authorization';
export { signRequest, verifyRequestSignature, verifyRequestSignatureAsync } from './requestSignature';
export type { SignRequestInput, SignedRequest, VerifyRequestInput } from './requestSignature';
export { signResponse, signResponseAsync, verifyResponseSignature, newNonce } from './responseSignature';
export type { SignResponseInput, VerifyResponseInput, WechatpaySignatureHeaders } from './responseSignature';
export type { Verdict, VerifyFailure } from './verdict';
