// Pact, the provider side as product code: the provider states a pact of this endpoint may use and
// their set-up on the mock, the re-signing request filter, and `pact verify` (a merchant's pact
// against openapi.yaml and against a fresh mock). contracts/ (our own consumer's pact) uses the same.
export { PROVIDER_STATES, STATES_NEEDING_CONTROL } from './providerStates';
export type { ProviderStateName } from './providerStates';
export { providerFromMock, providerFromProfile } from './provider';
export type { Provider } from './provider';
export { resigningRequestFilter, rewriteIdentities, signatureThatDoesNotVerify } from './resign';
export type { ProxiedRequest, RequestFilterOptions } from './resign';
export { replaySession } from './replaySession';
export type { ReplaySession } from './replaySession';
export { providerStateHandlers } from './stateHandlers';
export type { StateHandler } from './stateHandlers';
export { runInChild, serveInChild } from './childProcess';
export type { ChildOutcome } from './childProcess';
export { pactLogLevel } from './pactLogLevel';
export { verifyPactFile } from './verifyPactFile';
export type { PactFileReport } from './verifyPactFile';
export { PactInputError } from './pactFile';
export { MockStageProblem } from './mockStage';
export { failureLines, interactionName, PACT_STAGES } from './interactionResult';
export type { Difference, InteractionResult, PactStage } from './interactionResult';
export { PACT_REPORT_FILES, writePactReport } from './pactReport';
export type { PactFileProblem, PactVerifyReport } from './pactReport';
