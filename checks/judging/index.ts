// The machinery the checks share: building a finding, reading bodies and headers, re-checking a request the
// target received, the expected answer of a rule and the cap on a probe. Only the checks of this folder use it.
export { answeredBody, isEmptyForm, readAbsent, readAbsentError } from './absentForms';
export type { AbsentForm, AbsentRead } from './absentForms';
export { weakerBasis } from './basis';
export { echoDiff } from './echoDiff';
export type { EchoDiff } from './echoDiff';
export { ECHOED_FIELDS, UNECHOED_FIELDS } from './echoFields';
export { answerMismatch, errorCode, expectedAnswer } from './expectedAnswer';
export type { ExpectedAnswer } from './expectedAnswer';
export { failure } from './failure';
export { asObject, deepEqual, okBody, parseJsonBytes, requestHeader, sentJson, show } from './json';
export type { JsonObject, Parsed } from './json';
export { capToProbe } from './probeCap';
export { judgeRejection, rejectionCheck } from './rejection';
export { bodyViolations, everyBrokenRule, recheckBody } from './requestRecheck';
export type { Recheck } from './requestRecheck';
export { documentedResponseHeaders } from './responseHeaders';
export type { DocumentedHeader } from './responseHeaders';
export { AUTH_RULES, CONFLICT_RULE, HEADER_RULES, negativeRules } from './ruleOwners';
