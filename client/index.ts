// The client: target profiles, the signing client, exchange recording and curl rendering.
export { createClient } from './createClient';
export type { PayscoreClient } from './createClient';
export { renderCurl, defaultBodyFile, CURL_INLINE_BODY_LIMIT } from './renderCurl';
export type { CurlOptions } from './renderCurl';
export { userAgent } from './userAgent';
// Profiles: the target profile and the notify profile, loaded and validated (client/profile/index.ts lists them).
export * from './profile';
export type { ClientOptions, RawRequest, SignOverrides } from './rawRequest';
export type { Exchange, ReceivedResponse, SentRequest } from './exchange';
