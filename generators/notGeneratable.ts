/**
 * Schema and business rules no invalid generator produces, and why. coverage.test.ts checks that
 * every other such rule has an invalid case, and that nothing listed here is generated.
 */
export const NOT_GENERATABLE: Readonly<Record<string, string>> = {
  'EXTRA-FIELDS-IGNORED':
    'not a violation: unknown fields are accepted (DECISION, never tested against a foreign target)',
  'EMPTY-ARRAYS-OK': 'not a violation: empty post_payments / post_discounts are accepted (boundaryCases sends them)',
  'CONFIRM-MODE-OPENID':
    'not a violation: in confirm mode openid / sub_openid are accepted present or absent (boundaryCases sends them)',
  'ONACCEPT-ANY-MODE': 'not a violation: OnAccept in no-confirm mode is accepted by the mock (boundaryCases sends it)',
  'RISK-CAP-WITH-DISCOUNTS':
    'not a violation, and not sent: valid requests keep payments within the cap in every reading of the sources',
  'TIME-NOW-EDGES': 'not a violation: times at the edge of the call time are accepted (boundaryCases sends them)',
  'RISK-NAME-SERVICE':
    'service configuration of the target: the spec module cannot know which names a service_id may use',
  'NO-AUTH':
    'needs the bindings of the target (which identities it knows); the spec module cannot see them, so no request breaks it by the spec alone',
};
