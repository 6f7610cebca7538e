// The rule table: one entry per rule the generators break or push to an edge, one file per area.
export { entryOf, RULE_ENTRIES } from './table';
