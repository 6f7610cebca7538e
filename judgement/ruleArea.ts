import type { Rule } from '../specification';

/** The areas an auditor reads the rules by, in report order. */
export const RULE_AREAS = [
  'headers',
  'auth',
  'body fields',
  'cross-field',
  'business',
  'idempotency',
  'response',
  'lifecycle',
  'receiver',
  'client',
] as const;
export type RuleArea = (typeof RULE_AREAS)[number];

/** A schema rule is about one field when each schema node that carries it is a field's (`…/properties/<name>`). */
const onFields = (rule: Rule): boolean => rule.locations.every((pointer) => /\/properties\/[^/]+$/.test(pointer));

/** The area of a rule, from its enforcement in openapi.yaml and its ID family. */
export function ruleArea(rule: Rule): RuleArea {
  switch (rule.enforcement) {
    case 'protocol':
      return rule.id.startsWith('AUTH-') ? 'auth' : 'headers';
    case 'schema':
      return rule.family !== undefined || onFields(rule) ? 'body fields' : 'cross-field';
    case 'business':
      return 'business';
    case 'response':
      return 'response';
    case 'lifecycle':
      return rule.id.startsWith('IDEMP-') ? 'idempotency' : 'lifecycle';
    case 'callback':
      return 'lifecycle';
    case 'receiver':
      return 'receiver';
    case 'client':
      return 'client';
  }
}
