import {
  RECEIVER_FAILURE_BODY,
  RECEIVER_SUCCESS_STATUSES,
  RECEIVER_TIMEOUT_MS,
  isReceiverFailure,
  isReceiverSuccess,
} from '../apiv3';
import { findingOf, type Finding } from '../judgement';
import { rule, type ReceiverAnswer } from '../specification';
import type { NotificationCase } from './cases';
import type { ReceiverAnswerSeen } from './postNotification';

const seen = (a: ReceiverAnswerSeen): string =>
  a.error === undefined
    ? `answered ${a.status ?? '?'} in ${a.latencyMs} ms${a.body === '' ? '' : ` with ${JSON.stringify(a.body.slice(0, 200))}`}`
    : `${a.error.message} (after ${a.latencyMs} ms)`;

function expected(answer: ReceiverAnswer, a: ReceiverAnswerSeen, closeIsRefusal: boolean): string | undefined {
  switch (answer) {
    case 'accept':
      return a.status !== undefined && isReceiverSuccess(a.status)
        ? undefined
        : `expected ${RECEIVER_SUCCESS_STATUSES.join(' or ')}; ${seen(a)}`;
    case 'reject':
      if (a.status !== undefined && isReceiverFailure(a.status)) return undefined;
      if (closeIsRefusal && a.error?.kind === 'connection') return undefined;
      return `expected a 4XX or 5XX refusal; ${seen(a)}${a.status !== undefined && isReceiverSuccess(a.status) ? ': the receiver took it as delivered' : ''}`;
    case 'in-time':
      return a.error?.kind !== 'timeout' && a.latencyMs <= RECEIVER_TIMEOUT_MS
        ? undefined
        : `expected an answer within ${RECEIVER_TIMEOUT_MS} ms; ${seen(a)}`;
    case 'fail-body':
      return failBodySeen(a);
  }
}

/** RECV-FAIL-BODY on a refusal: {"code":"FAIL","message":…}. */
function failBodySeen(a: ReceiverAnswerSeen): string | undefined {
  let body: unknown;
  try {
    body = JSON.parse(a.body);
  } catch {
    body = undefined;
  }
  const ok =
    typeof body === 'object' &&
    body !== null &&
    (body as Record<string, unknown>)['code'] === RECEIVER_FAILURE_BODY.code &&
    typeof (body as Record<string, unknown>)['message'] === 'string';
  return ok
    ? undefined
    : `a failure answer's body must be ${JSON.stringify(RECEIVER_FAILURE_BODY)} (any message); ${seen(a)}`;
}

/**
 * Every rule a case's answers bear on: the earlier deliveries must succeed (a duplicate's first), the last
 * is judged by the case's rule; every answer by RECV-DEADLINE; a refusal's body by RECV-FAIL-BODY.
 */
export function judgeCase(c: NotificationCase, answers: readonly ReceiverAnswerSeen[]): Finding[] {
  const last = answers[answers.length - 1];
  if (last === undefined) return [{ ruleId: c.ruleId, seen: 'nothing was sent' }];
  const findings: Finding[] = [];
  const earlier = answers
    .slice(0, -1)
    .map((a, i) => ({ i, seen: expected('accept', a, false) }))
    .find((x) => x.seen !== undefined);
  const own =
    earlier === undefined
      ? expected(c.answer ?? rule(c.ruleId).receiverAnswer ?? 'accept', last, c.closeIsRefusal === true)
      : `delivery ${earlier.i + 1}: ${earlier.seen}`;
  findings.push(findingOf(c.ruleId, own));
  if (c.ruleId !== 'RECV-DEADLINE') {
    const late = answers.map((a) => expected('in-time', a, false)).find((p) => p !== undefined);
    findings.push(findingOf('RECV-DEADLINE', late));
  }
  if (last.status !== undefined && isReceiverFailure(last.status)) {
    findings.push(findingOf('RECV-FAIL-BODY', failBodySeen(last)));
  }
  return findings;
}
