// The client: target profiles, the signing client, exchange recording and curl rendering.
export { createClient } from './createClient';
export type { PayscoreClient } from './createClient';
export { renderCurl, defaultBodyFile, CURL_INLINE_BODY_LIMIT } from './renderCurl';
export type { CurlOptions } from './renderCurl';
export { userAgent } from './userAgent';
export {
  loadProfile,
  loadNotifyProfile,
  notifyProfileFromObject,
  profileFromObject,
  ProfileError,
  PROFILE_VAR,
  RECEIVER_URL_VAR,
  profileSchema,
  OPTIONAL_PROFILE_IDENTITIES,
} from './profile';
export type {
  LoadedNotifyProfile,
  LoadedProfile,
  LoadedSigner,
  PlatformMode,
  ProfileIdentities,
  ProfileProblem,
  ReceiverSection,
  SignerSection,
  TargetProfile,
} from './profile';
export type { ClientOptions, RawRequest, SignOverrides } from './rawRequest';
export type { Exchange, ReceivedResponse, SentRequest } from './exchange';
