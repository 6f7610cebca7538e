// What the mock does with a request's parts: answers, the body, authentication, certificates, idempotency, new orders.
export {
  codeOfRule,
  errorAnswer,
  logSendFailure,
  ruleAnswer,
  ruleOfMessage,
  sendAnswer,
  violationAnswer,
} from './answer';
export type { Answer } from './answer';
export { BODY_LIMITS, parseJsonBody, readBody } from './body';
export { authenticate, signedInputOf } from './authenticate';
export { acceptsJson, isJsonContentType, JSON_MEDIA_TYPE } from '../../apiv3';
export { canonicalJson, createOf, existingOrderAnswer, placeNewOrder } from './placeOrder';
export { newOrderFacts, newOrderId, orderResponse } from './placeOrder';
export type { Create, OrderFacts } from './placeOrder';
export { downloadCertificates, certificatesAnswer } from './certificates';
