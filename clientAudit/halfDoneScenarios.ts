// Scenarios for verification done halfway (issue 26; the habits, with their sources, are in
// examples/clients/README.md "Half-done checks"): each answer is untrusted in a way that only a caller whose
// check runs in every case refuses.
import type { Scenario } from './scenarioTypes';

export const HALF_DONE_SCENARIOS: readonly Scenario[] = [
  {
    name: 'unsigned-answer',
    description: 'a 200 with no Wechatpay-* signature headers at all',
    ruleId: 'CLIENT-VERIFY-SIGNATURE',
    faults: ['unsigned-answers'],
    untrusted: true,
  },
  {
    name: 'bad-signature-lower-case',
    description: 'a 200 whose signature does not verify, every header name in lower case',
    ruleId: 'CLIENT-VERIFY-SIGNATURE',
    faults: ['bad-signature'],
    headerCase: 'lower',
    untrusted: true,
  },
  {
    name: 'signed-compact-sent-spaced',
    description: "a 200 re-spaced on the wire, its signature still over the mock's compact bytes",
    ruleId: 'CLIENT-VERIFY-SIGNATURE',
    twist: 'over-compact-body',
    untrusted: true,
  },
  {
    name: 'bad-signature-error',
    description: 'every attempt answered 400 PARAM_ERROR whose Wechatpay-Signature does not verify over the body',
    ruleId: 'CLIENT-VERIFY-SIGNATURE',
    faults: ['bad-signature'],
    every: { code: 'PARAM_ERROR', message: 'PARAM_ERROR (audit-client scenario)' },
    untrusted: true,
  },
  {
    name: 'future-timestamp',
    description: 'a Wechatpay-Timestamp 10 minutes in the future, correctly signed',
    ruleId: 'CLIENT-VERIFY-TIMESTAMP',
    twist: 'future-timestamp',
    untrusted: true,
  },
  {
    name: 'garbage-timestamp',
    description: 'a Wechatpay-Timestamp that is not a number, correctly signed over it',
    ruleId: 'CLIENT-VERIFY-TIMESTAMP',
    twist: 'garbage-timestamp',
    untrusted: true,
  },
];
