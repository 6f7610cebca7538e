// The scenarios of `audit-client`, one a line: how the mock answers the command's requests in each run.
// Each acts on the mock at its named seams only: faults and readings (mock/behaviour) shape the answer,
// and the wire seam (mock/wireTap.ts) answers the first attempt instead, or delivers the answer chunked,
// late, cut or re-signed. The command is never told which scenario it is in.
import { FORM_SCENARIOS } from './formScenarios';
import { HALF_DONE_SCENARIOS } from './halfDoneScenarios';
import type { ReadingName } from '../mock';
import type { Scenario } from './scenarioTypes';

export type { AnswerTransport, Scenario, ScenarioError } from './scenarioTypes';

const WECHAT_SHAPES: ReadingName[] = ['wechat-error-details', 'chinese-messages'];
const FIELD = { field: '/out_order_no', issue: 'out_order_no is refused', location: 'body', value: 'x' };

/** A 4xx of facts §4, answered to every attempt in WeChat Pay's real shapes. */
const errorScenario = (code: string, detail?: Record<string, unknown>): Scenario => ({
  name: `error-${code.toLowerCase().replace(/_/g, '-')}`,
  description: `every attempt is answered ${code}, in WeChat Pay's own error shape and Chinese message`,
  ruleId: 'CLIENT-ERROR-FAILS',
  readings: WECHAT_SHAPES,
  every: { code, message: `${code} (audit-client scenario)`, ...(detail === undefined ? {} : { detail }) },
});

export const SCENARIOS: readonly Scenario[] = [
  { name: 'genuine', description: 'the genuine answer', ruleId: 'CLIENT-READS-ORDER', genuine: true },
  {
    name: 'bad-signature',
    description: 'a 200 whose Wechatpay-Signature does not verify over the body',
    ruleId: 'CLIENT-VERIFY-SIGNATURE',
    faults: ['bad-signature'],
    untrusted: true,
  },
  {
    name: 'probe-signature',
    description: 'a WECHATPAY/SIGNTEST/ probe signature',
    ruleId: 'CLIENT-VERIFY-PROBE',
    faults: ['probe-signature'],
    untrusted: true,
  },
  {
    name: 'unknown-serial',
    description: 'an answer validly signed by a key under a Wechatpay-Serial the caller was never given',
    ruleId: 'CLIENT-VERIFY-SERIAL',
    transport: 'unknown-serial',
    untrusted: true,
  },
  {
    name: 'stale-timestamp',
    description: 'a Wechatpay-Timestamp 10 minutes in the past, correctly signed',
    ruleId: 'CLIENT-VERIFY-TIMESTAMP',
    faults: ['stale-response-timestamp'],
    untrusted: true,
  },
  {
    name: 'system-error-then-genuine',
    description: '500 SYSTEM_ERROR to the first attempt (no order made), then the genuine answer',
    ruleId: 'CLIENT-RETRY-SAME-OON',
    first: { code: 'SYSTEM_ERROR', message: '系统错误' },
  },
  {
    name: 'rate-limited-then-genuine',
    description:
      '429 FREQUENCY_LIMITED to every attempt within a second of the first (the limit counts per second), then the genuine answer',
    ruleId: 'CLIENT-RATE-LIMIT-WAIT',
    firstSecond: { code: 'FREQUENCY_LIMITED', message: '频率超限' },
  },
  {
    name: 'dropped-connection',
    description:
      'the order is created, then the connection is dropped before the answer; the genuine answer after that',
    ruleId: 'CLIENT-ONE-ORDER',
    transport: 'drop-first',
  },
  {
    name: 'slow-answer',
    description:
      'the order is created and the answer held until the caller gives up (at most the hold, see --timeout), then the genuine answer',
    ruleId: 'CLIENT-RETRY-SAME-PARAMS',
    transport: 'hold-first',
    failureHonest: true,
  },
  errorScenario('PARAM_ERROR', FIELD),
  errorScenario('INVALID_REQUEST'),
  errorScenario('SIGN_ERROR'),
  errorScenario('NO_AUTH'),
  errorScenario('INVALID_ORDER_STATE'),
  errorScenario('ORDER_CANCELED'),
  errorScenario('ORDER_DONE'),
  errorScenario('ORDER_NOT_EXIST'),
  {
    name: 'no-confirm-created',
    description: 'a genuine 200 with state CREATED and no package to a no-confirm order',
    ruleId: 'CLIENT-NO-CONFIRM-CREATED',
    faults: ['no-confirm-created'],
    order: 'no-confirm',
  },
  {
    name: 'chunked',
    description: 'the genuine answer with Transfer-Encoding: chunked, in pieces',
    ruleId: 'CLIENT-SURVIVES-WIRE',
    transport: 'chunked',
    misreadSuccess: 'CLIENT-SURVIVES-WIRE',
    genuine: true,
  },
  {
    name: 'extra-fields',
    description: "the genuine answer with fields of WeChat Pay's own added, 200 and errors",
    ruleId: 'CLIENT-SURVIVES-WIRE',
    readings: ['extra-response-fields'],
    misreadSuccess: 'CLIENT-SURVIVES-WIRE',
    genuine: true,
  },
  {
    name: 'connection-closed',
    description:
      '500 SYSTEM_ERROR with Connection: close to the first attempt (the server closes the keep-alive connection), then the genuine answer',
    ruleId: 'CLIENT-SURVIVES-WIRE',
    first: { code: 'SYSTEM_ERROR', message: '系统错误' },
    transport: 'close',
    misreadSuccess: 'CLIENT-SURVIVES-WIRE',
  },
  ...HALF_DONE_SCENARIOS,
  ...FORM_SCENARIOS,
];

export const isScenarioName = (name: string): boolean => SCENARIOS.some((s) => s.name === name);
