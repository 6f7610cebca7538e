// Target profile: one JSON file describes a target; loading validates it and reports every problem at once.
export { loadProfile, PROFILE_VAR } from './loadProfile';
export { loadNotifyProfile } from './loadNotifyProfile';
export { notifyProfileFromObject, RECEIVER_URL_VAR } from './notifyProfileFromObject';
export { profileFromObject } from './profileFromObject';
export { ProfileError } from './profileError';
export type { ProfileProblem } from './profileError';
export { profileSchema, platformSerialPattern, MERCHANT_SERIAL_PATTERN } from './profileSchema';
export { OPTIONAL_PROFILE_IDENTITIES } from './targetProfile';
export { curlTlsOf, describeTlsTrust, tlsAgentOptions, tlsFixFor } from './tlsTrust';
export type { TlsSection, TlsTrust } from './tlsTrust';
export type {
  LoadedNotifyProfile,
  LoadedProfile,
  LoadedSigner,
  PlatformMode,
  ProfileIdentities,
  ReceiverSection,
  SignerSection,
  TargetProfile,
} from './targetProfile';
