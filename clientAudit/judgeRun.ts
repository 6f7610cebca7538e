import type { CallerExchange } from './clientSession';
import { FOREIGN_PARTY, findingOf, verdictOf, type Finding } from '../judgement';
import { retryFindings } from './judgeRetries';
import type { DriverRun } from './runDriver';
import type { Scenario } from './scenarios';

/** What reached the mock besides endpoint requests. */
export interface WireSeen {
  /** TCP connections the mock accepted in the run. */
  connections: number;
  /** Complete requests to other paths (method and URL). */
  otherRequests: string[];
}

/** One run of the command in one scenario, with what the mock saw. */
export interface RunSeen {
  scenario: Scenario;
  order: Record<string, unknown>;
  exchanges: readonly CallerExchange[];
  /** Absent in unit tests that build a run by hand: nothing but the exchanges is known then. */
  wire?: WireSeen;
  command: DriverRun;
  line: Record<string, unknown> | undefined;
  timeoutMs: number;
}

function survival(run: RunSeen): Finding {
  const { command } = run;
  const tail = command.stderr.trim().split('\n').slice(-3).join(' | ');
  if (command.timedOut)
    return findingOf('CLIENT-SURVIVES-WIRE', `the command hung: no exit within --timeout ${run.timeoutMs} ms`);
  if (command.exitCode !== 0)
    return findingOf(
      'CLIENT-SURVIVES-WIRE',
      `the command exited ${command.exitCode ?? `on ${command.signal ?? 'a signal'}`}${tail ? `: ${tail}` : ''}`,
    );
  if (run.line === undefined)
    return findingOf('CLIENT-SURVIVES-WIRE', 'the command printed no JSON line with an outcome');
  const outcome = run.line['outcome'];
  if (outcome !== 'created' && outcome !== 'failed')
    return findingOf('CLIENT-SURVIVES-WIRE', `outcome ${JSON.stringify(outcome)} is neither created nor failed`);
  return findingOf('CLIENT-SURVIVES-WIRE');
}

/**
 * CLIENT-VERIFY-ERRORS (DECISION, informational): an error whose signature does not verify is not WeChat
 * Pay's, so its code is not WeChat Pay's word; every official SDK verifies 2xx only (examples/clients/README.md "Half-done checks").
 */
function forgedErrorFinding(line: Record<string, unknown>, last: NonNullable<CallerExchange['answer']>): Finding {
  const code = line['code'];
  const surfaced = typeof code === 'string' && last.code !== undefined && code.toUpperCase().includes(last.code);
  return surfaced
    ? findingOf(
        'CLIENT-VERIFY-ERRORS',
        `surfaced ${last.code} from a ${last.status} whose signature does not verify (an unverified error's code)`,
      )
    : findingOf('CLIENT-VERIFY-ERRORS');
}

const text = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** The outcome the command reported, against the last answer that reached it. */
function outcomeFinding(run: RunSeen): Finding | undefined {
  const { scenario, line } = run;
  if (line === undefined) return undefined;
  const last = [...run.exchanges].reverse().find((e) => e.answer !== undefined && e.answer.cut !== true)?.answer;
  const confirm = run.order['need_user_confirm'] === true;
  const success =
    last?.status === 200 && (confirm ? last.state === 'CREATED' && last.package !== undefined : last.state === 'DOING');
  const noConfirmCreated = last?.status === 200 && !confirm && last.state === 'CREATED';
  if (line['outcome'] === 'created') {
    if (last === undefined)
      return findingOf('CLIENT-READS-ORDER', 'reported created, but no answer reached the command');
    if (scenario.untrusted)
      return findingOf(scenario.ruleId, `reported created on an answer it must not trust (${scenario.description})`);
    if (last.status >= 400)
      return findingOf('CLIENT-ERROR-FAILS', `reported created after ${last.status} ${last.code ?? ''}`);
    if (noConfirmCreated)
      return findingOf(
        'CLIENT-NO-CONFIRM-CREATED',
        'reported created on CREATED in no-confirm mode (the creation failed)',
      );
    const wrong = [
      text(line['order_id']) === last.orderId
        ? undefined
        : `order_id ${JSON.stringify(line['order_id'])}, the answer's is ${String(last.orderId)}`,
      text(line['state']) === last.state
        ? undefined
        : `state ${JSON.stringify(line['state'])}, the answer's is ${String(last.state)}`,
      !confirm || text(line['package']) === last.package
        ? undefined
        : `package ${JSON.stringify(line['package'])}, the answer's is ${String(last.package)}`,
    ].filter((w) => w !== undefined);
    return findingOf(
      'CLIENT-READS-ORDER',
      wrong.length === 0 && success ? undefined : wrong.join('; ') || 'reported created without a success',
    );
  }
  // No answer reached the command: its failure is honest, but proves nothing of the scenario's rule.
  if (last === undefined) return undefined;
  if (scenario.untrusted) return last.status >= 400 ? forgedErrorFinding(line, last) : findingOf(scenario.ruleId);
  if (last.status >= 400) {
    const code = line['code'];
    const surfaced =
      typeof code === 'string' && last.code !== undefined && code.toUpperCase().includes(last.code.toUpperCase());
    return findingOf(
      'CLIENT-ERROR-FAILS',
      surfaced
        ? undefined
        : `reported failed with code ${JSON.stringify(code)}; the answer was ${last.status} ${last.code ?? ''}`,
    );
  }
  if (noConfirmCreated) return findingOf('CLIENT-NO-CONFIRM-CREATED');
  if (scenario.failureHonest === true) return findingOf(scenario.ruleId);
  return success
    ? findingOf(
        scenario.misreadSuccess ?? 'CLIENT-READS-ORDER',
        `reported failed (code ${JSON.stringify(line['code'])}) on a genuine success`,
      )
    : findingOf(scenario.ruleId);
}

/**
 * CLIENT-CREATES-ORDER: every scenario answers a create, so a run without one is a caller that did nothing
 * (never sent, or sent elsewhere); where the answers are genuine from the first, a caller whose every request
 * the mock refused took its own success away. Informational when no request rule names why it was refused.
 */
function createsFinding(run: RunSeen): Finding {
  const { exchanges, scenario, wire } = run;
  if (exchanges.length === 0) {
    const elsewhere = wire?.otherRequests ?? [];
    if (elsewhere.length > 0)
      return findingOf(
        'CLIENT-CREATES-ORDER',
        `no request reached POST /v3/payscore/acquiringbank/serviceorder; it sent ${elsewhere.slice(0, 3).join(', ')}`,
      );
    if (wire !== undefined && wire.connections > 0)
      return {
        ruleId: 'CLIENT-CREATES-ORDER',
        seen: `${wire.connections} connection(s) opened, no request completed: the caller gave up before its request was read (a loaded machine, or a hang); not judged`,
        inconclusive: true,
      };
    return findingOf(
      'CLIENT-CREATES-ORDER',
      'no create request reached POST /v3/payscore/acquiringbank/serviceorder: the order was never sent',
    );
  }
  const answered = exchanges.flatMap((e) => (e.answer === undefined || e.answer.cut ? [] : [e.answer]));
  const refused = answered.length > 0 && answered.every((a) => a.status >= 400 && a.status < 500 && a.status !== 429);
  if (scenario.genuine !== true || !refused) return findingOf('CLIENT-CREATES-ORDER');
  const why = exchanges.some((e) => e.findings.some((f) => verdictOf(f, FOREIGN_PARTY) === 'failed'));
  return {
    ruleId: 'CLIENT-CREATES-ORDER',
    seen: `the answers were genuine, yet the mock refused every request (${answered.map((a) => `${a.status} ${a.code ?? ''}`.trim()).join(', ')}): the order was never created`,
    ...(why ? {} : { inconclusive: true as const }),
  };
}

/** Every run-level client finding of one run (the request-level ones are on its exchanges). */
export function judgeRun(run: RunSeen): Finding[] {
  const outcome = outcomeFinding(run);
  return [
    survival(run),
    createsFinding(run),
    ...retryFindings(run.exchanges, run.order),
    ...(outcome === undefined ? [] : [outcome]),
  ];
}
