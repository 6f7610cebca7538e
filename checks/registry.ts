import type { Exchange } from '../client';
import { authEnforcement } from './authEnforcement';
import { contentTypeConformance } from './contentTypeConformance';
import { echoConformance } from './echoConformance';
import { freshValues } from './freshValues';
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
import { statusCodeConformance } from './statusCodeConformance';
import { HarnessError } from './harnessError';
import { capToProbe } from './judging';
import type { Check, CheckContext, CheckDefinition, CheckOutcome } from './types';

/**
 * Every check by name, Schemathesis style: the key is the check's name, written nowhere else (the
 * name is what reports print). Each decides its own applicability, so running all of them is correct.
 */
const DEFINITIONS = {
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
  fresh_values: freshValues,
} as const satisfies Record<string, CheckDefinition>;

export type CheckName = keyof typeof DEFINITIONS;

/** The check names, in registry order. */
export const CHECK_NAMES = Object.keys(DEFINITIONS) as readonly CheckName[];

/** A definition under its registry key: its findings and harness errors carry the key as the check's name. */
function named(name: CheckName, definition: CheckDefinition): Check {
  return {
    name,
    rules: definition.rules,
    description: definition.description,
    run(exchange, ctx) {
      let result;
      try {
        result = definition.run(exchange, ctx);
      } catch (error) {
        throw error instanceof HarnessError && error.check === undefined ? error.inCheck(name) : error;
      }
      return result === 'not-applicable' ? result : result.map((finding) => ({ check: name, ...finding }));
    },
  };
}

export const CHECKS = Object.fromEntries(CHECK_NAMES.map((name) => [name, named(name, DEFINITIONS[name])])) as Record<
  CheckName,
  Check
>;

/**
 * Runs the named checks (all, in registry order, by default) on one exchange, each failure capped
 * at the basis of the rule the request probes on a foreign target (capToProbe). A HarnessError
 * propagates: a mislabelled case is our problem and must not be folded into the outcomes.
 */
export function runChecks(exchange: Exchange, ctx: CheckContext, names?: readonly CheckName[]): CheckOutcome[] {
  const selected = names ?? CHECK_NAMES;
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
