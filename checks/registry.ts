import type { Exchange } from '../client';
import { authEnforcement } from './authEnforcement';
import type { CheckName } from './checkName';
import { contentTypeConformance } from './contentTypeConformance';
import { echoConformance } from './echoConformance';
import { headerEnforcement } from './headerEnforcement';
import { idempotencyConflict } from './idempotencyConflict';
import { idempotentReplay } from './idempotentReplay';
import { mchidConformance } from './mchidConformance';
import { negativeDataRejection } from './negativeDataRejection';
import { notAServerError } from './notAServerError';
import { positiveDataAcceptance } from './positiveDataAcceptance';
import { responseHeadersConformance } from './responseHeadersConformance';
import { responseSchemaConformance } from './responseSchemaConformance';
import { responseSignatureConformance } from './responseSignatureConformance';
import { stateConformance } from './stateConformance';
import { capToProbe } from './_internals/probeCap';
import { statusCodeConformance } from './statusCodeConformance';
import type { Check, CheckContext, CheckOutcome } from './types';

/** Every check by name; each decides its own applicability, so running all of them is correct. */
export const CHECKS: Record<CheckName, Check> = {
  not_a_server_error: notAServerError,
  status_code_conformance: statusCodeConformance,
  content_type_conformance: contentTypeConformance,
  response_headers_conformance: responseHeadersConformance,
  response_signature_conformance: responseSignatureConformance,
  response_schema_conformance: responseSchemaConformance,
  echo_conformance: echoConformance,
  mchid_conformance: mchidConformance,
  state_conformance: stateConformance,
  positive_data_acceptance: positiveDataAcceptance,
  negative_data_rejection: negativeDataRejection,
  auth_enforcement: authEnforcement,
  header_enforcement: headerEnforcement,
  idempotent_replay: idempotentReplay,
  idempotency_conflict: idempotencyConflict,
};

/**
 * Runs the named checks (all, in registry order, by default) on one exchange, each failure capped
 * at the basis of the rule the request probes on a foreign target (capToProbe). A HarnessError
 * propagates: a mislabelled case is our problem and must not be folded into the outcomes.
 */
export function runChecks(exchange: Exchange, ctx: CheckContext, names?: readonly CheckName[]): CheckOutcome[] {
  const selected = names ?? (Object.keys(CHECKS) as CheckName[]);
  return selected.map((name) => {
    const result = CHECKS[name].run(exchange, ctx);
    if (result === 'not-applicable') return { check: name, status: 'not-applicable', failures: [] };
    return {
      check: name,
      status: result.length === 0 ? 'passed' : 'failed',
      failures: result.map((f) => capToProbe(f, exchange, ctx)),
    };
  });
}
