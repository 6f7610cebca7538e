import { schemaMutations } from '../fieldMutations';
import { defineRules } from '../ruleEntry';

/** JSON types of every field, and fields the schema does not know. */
export const TYPE_RULES = defineRules('types', {
  // One member per field (TYPE-OUT-ORDER-NO, ...); a field naming its own type rule gets that rule's entry.
  'TYPE-*': { fieldMutations: schemaMutations },
  'TYPE-NULL': { fieldMutations: schemaMutations },
  'EXTRA-FIELDS-IGNORED': {
    notGeneratable: 'not a violation: unknown fields are accepted (DECISION, never tested against a foreign target)',
  },
});
