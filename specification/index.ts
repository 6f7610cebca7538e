// The specification module: the one entry through which the rest of the pipeline reads openapi.yaml.
export {
  CERTIFICATES_PATH,
  ENDPOINT_PATH,
  OPENAPI_PATH,
  specDocument,
  resolvePointer,
  escapeSegment,
} from './document';
export { PACKAGE_ROOT, packageInfo } from './packageRoot';
export type { SpecDocument, RuleDeclaration, ErrorCodeDeclaration, SchemaNode } from './document';
export type { Basis, Enforcement, Expectation, ForeignExpectation, ReceiverAnswer, Rule, Violation } from './rule';
export { requestFields, requestField, fieldPathOf, typeRuleId } from './fields';
export type { FieldInfo } from './fields';
export { ruleCatalogue, rule, isRuleId, ruleReferences } from './ruleCatalogue';
export { validateRequestBody, firstRequestViolation, validateResponseBody, validateErrorBody } from './validators';
export { keptValidator, newAjv } from './keptValidator';
export { MAX_VIOLATIONS } from './violationsFromAjv';
export { fieldLimits, limits } from './limits';
export type { FieldLimits, Limits } from './limits';
export { checkBusinessRules, BUSINESS_CHECKS } from './businessRules';
export { bindingViolations } from './bindingRules';
export type { BusinessContext } from './businessRules';
export {
  chinaDay,
  chinaDayStart,
  dayTime,
  DAY_MS,
  formatChinaTime,
  MINUTE_MS,
  ON_ACCEPT,
  parseTimeValue,
  secondTime,
} from './chinaTime';
export { amountSum } from './amounts';
export type { TimeValue } from './chinaTime';
export { errorCodes, statusOfCode, isKnownErrorPair } from './errorCodes';
export type * from './types';
export { IDENTITY_FIELDS, TYPE_PROPERTY_NAMES } from './types';
export { requestExamples, responseExamples, documentedStatuses } from './examples';
