// Pact contracts of the create-order endpoint: the consumer side (states, bodies, matchers) and the
// provider verification (targets, re-signing, state handlers), plus publishing to a Pact Broker.
export { PROVIDER_STATES, STATES_NEEDING_CONTROL } from '../pact';
export type { ProviderStateName } from '../pact';
export { CONSUMER, PROVIDER, PACT_DIR, PACT_FILE } from './contract';
export { providerFromMock, providerFromProfile } from '../pact';
export type { Provider } from '../pact';
export { verifyContract, VerificationFailed } from './verify';
export type { ContractVerification, ExcludedInteraction, VerifyContractOptions } from './verify';
export { brokerConfig, publishPacts } from './publish';
export type { BrokerConfig, PublishResult } from './publish';
