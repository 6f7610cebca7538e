// Scenarios: the genuine answer in every legitimate form it may take on the wire (issue 26). A correct caller
// creates the order in each; reporting failed is a misread under CLIENT-SURVIVES-WIRE.
import type { Scenario } from './scenarioTypes';

const form = (name: string, description: string, extra: Partial<Scenario>): Scenario => ({
  name,
  description,
  ruleId: 'CLIENT-SURVIVES-WIRE',
  misreadSuccess: 'CLIENT-SURVIVES-WIRE',
  genuine: true,
  ...extra,
});

export const FORM_SCENARIOS: readonly Scenario[] = [
  form(
    'json-spaced',
    'the genuine answer pretty-printed (white space, a final newline), validly signed over those bytes',
    {
      form: 'spaced',
    },
  ),
  form('json-reordered', 'the genuine answer with its keys in another order, validly signed', { form: 'reordered' }),
  form('json-escaped', 'the genuine answer with non-ASCII and / written as \\u escapes, validly signed', {
    form: 'escaped',
  }),
  form('header-lower-case', 'the genuine answer with every header name in lower case', { headerCase: 'lower' }),
  form('header-upper-case', 'the genuine answer with every header name in upper case', { headerCase: 'upper' }),
  form(
    'chunked-split-utf8',
    'the genuine answer, with a field of its own in Chinese, chunked in pieces cut inside UTF-8 characters',
    { form: 'chinese-field', transport: 'split-utf8' },
  ),
  form('genuine-connection-close', 'the genuine answer with Connection: close, the server closing the connection', {
    transport: 'close',
  }),
  form('absent-as-null', 'the genuine answer with every optional field that has no value written as null (§9)', {
    readings: ['null-for-absent-fields'],
  }),
  form('absent-as-zero', 'the genuine answer with optional fields written as Go zero values, "" and null (§9)', {
    readings: ['empty-for-absent-fields'],
  }),
  form('prefixed-order-id', 'the genuine answer with an order_id of another form, a letter prefix and hex (§9)', {
    readings: ['prefixed-order-id'],
  }),
];
