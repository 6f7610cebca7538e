// Pact contracts of the create-order endpoint: the consumer side (states, bodies, matchers) and the
// provider verification (targets, re-signing, state handlers), plus publishing to a Pact Broker.
export { PROVIDER_STATES, STATES_NEEDING_CONTROL, isProviderStateName } from './providerStates';
export type { ProviderStateName } from './providerStates';
export { CONTRACT_BODIES, INVALID_BODY_RULE } from './contractBodies';
export { contractMatchers, AUTHORIZATION_PATTERN } from './contractMatchers';
export { CONSUMER, PROVIDER, PACT_DIR, PACT_FILE, createContractPact, pactLogLevel } from './contractPact';
export { consumerProfile, CONSUMER_PLATFORM_SERIAL } from './consumerProfile';
export { replayTargetFromMock, replayTargetFromProfile } from './replayTarget';
export type { ReplayTarget } from './replayTarget';
export { rewriteIdentities } from './rewriteIdentities';
export { resigningRequestFilter } from './resigningRequestFilter';
export type { ProxiedRequest } from './resigningRequestFilter';
export { contractStateHandlers } from './contractStateHandlers';
export { httpControl } from './httpControl';
export type { StateControl } from './httpControl';
export { NotVerifiableError } from './notVerifiableError';
export { verifiablePact } from './verifiablePact';
export type { ExcludedInteraction } from './verifiablePact';
export { verifyContract, VerificationFailed } from './verifyContract';
export type { ContractVerification, VerifyContractOptions } from './verifyContract';
export { verifyInProcess } from './verifyInProcess';
export { brokerConfig, brokerVerifierOptions } from './brokerOptions';
export type { BrokerConfig } from './brokerOptions';
export { publishPacts } from './publishPacts';
export type { PublishResult } from './publishPacts';
