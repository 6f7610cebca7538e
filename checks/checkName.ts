/** The check names, Schemathesis style: the registry's keys and what reports print. */
export const CHECK_NAMES = [
  'not_a_server_error',
  'status_code_conformance',
  'content_type_conformance',
  'response_headers_conformance',
  'response_signature_conformance',
  'response_schema_conformance',
  'echo_conformance',
  'mchid_conformance',
  'state_conformance',
  'positive_data_acceptance',
  'negative_data_rejection',
  'auth_enforcement',
  'header_enforcement',
  'idempotent_replay',
  'idempotency_conflict',
] as const;

export type CheckName = (typeof CHECK_NAMES)[number];
