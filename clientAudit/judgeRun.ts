import { canonicalJson } from '../mock';
import type { Exchange } from './clientSession';
import type { ClientFinding } from './judgeRequest';
import type { CommandRun } from './runCommand';
import type { Scenario } from './scenarios';

/** A wait of this long after a 429 is a wait; a tight loop retries within milliseconds (openapi.yaml). */
export const RATE_LIMIT_WAIT_MS = 100;

/** One run of the command in one scenario, with what the mock saw. */
export interface RunSeen {
  scenario: Scenario;
  order: Record<string, unknown>;
  exchanges: readonly Exchange[];
  command: CommandRun;
  line: Record<string, unknown> | undefined;
  timeoutMs: number;
}

const finding = (ruleId: string, problem?: string): ClientFinding =>
  problem === undefined ? { ruleId } : { ruleId, problem };

function survival(run: RunSeen): ClientFinding {
  const { command } = run;
  const tail = command.stderr.trim().split('\n').slice(-3).join(' | ');
  if (command.timedOut)
    return finding('CLIENT-SURVIVES-WIRE', `the command hung: no exit within --timeout ${run.timeoutMs} ms`);
  if (command.exitCode !== 0)
    return finding(
      'CLIENT-SURVIVES-WIRE',
      `the command exited ${command.exitCode ?? `on ${command.signal ?? 'a signal'}`}${tail ? `: ${tail}` : ''}`,
    );
  if (run.line === undefined)
    return finding('CLIENT-SURVIVES-WIRE', 'the command printed no JSON line with an outcome');
  const outcome = run.line['outcome'];
  if (outcome !== 'created' && outcome !== 'failed')
    return finding('CLIENT-SURVIVES-WIRE', `outcome ${JSON.stringify(outcome)} is neither created nor failed`);
  return finding('CLIENT-SURVIVES-WIRE');
}

/** The rules a run judges from its requests together: the same order, the same parameters, one order, waits. */
function retryFindings(run: RunSeen): ClientFinding[] {
  const { exchanges } = run;
  if (exchanges.length === 0) return [];
  const oon = run.order['out_order_no'];
  const parameters = canonicalJson(run.order);
  const otherOon = exchanges.find((e) => e.outOrderNo !== oon);
  const otherParams = exchanges.find((e) => e.parameters !== parameters);
  const orders = new Set(
    exchanges.flatMap((e) => (e.answer?.status === 200 && e.answer.orderId ? [e.answer.orderId] : [])),
  );
  const found = [
    finding(
      'CLIENT-RETRY-SAME-OON',
      otherOon === undefined
        ? undefined
        : `request ${otherOon.index} sent out_order_no ${String(otherOon.outOrderNo)}, not the order's ${String(oon)}`,
    ),
    finding(
      'CLIENT-RETRY-SAME-PARAMS',
      otherParams === undefined
        ? undefined
        : `request ${otherParams.index} sent other parameters than the order given in PAYSCORE_ORDER`,
    ),
    finding(
      'CLIENT-ONE-ORDER',
      orders.size <= 1 ? undefined : `${orders.size} orders were made for one purchase: ${[...orders].join(', ')}`,
    ),
  ];
  exchanges.forEach((e, i) => {
    const next = exchanges[i + 1];
    if (e.answer?.status !== 429 || e.answer.cut) return;
    const waited = next === undefined ? undefined : next.request.receivedAt - e.answer.sentAt;
    found.push(
      finding(
        'CLIENT-RATE-LIMIT-WAIT',
        waited === undefined || waited >= RATE_LIMIT_WAIT_MS
          ? undefined
          : `request ${next?.index ?? ''} came ${waited} ms after the 429 (a wait is at least ${RATE_LIMIT_WAIT_MS} ms)`,
      ),
    );
  });
  return found;
}

const text = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** The outcome the command reported, against the last answer that reached it. */
function outcomeFinding(run: RunSeen): ClientFinding | undefined {
  const { scenario, line } = run;
  if (line === undefined) return undefined;
  const last = [...run.exchanges].reverse().find((e) => e.answer !== undefined && e.answer.cut !== true)?.answer;
  const confirm = run.order['need_user_confirm'] === true;
  const success =
    last?.status === 200 && (confirm ? last.state === 'CREATED' && last.package !== undefined : last.state === 'DOING');
  const noConfirmCreated = last?.status === 200 && !confirm && last.state === 'CREATED';
  if (line['outcome'] === 'created') {
    if (last === undefined) return finding('CLIENT-READS-ORDER', 'reported created, but no answer reached the command');
    if (scenario.untrusted)
      return finding(scenario.ruleId, `reported created on an answer it must not trust (${scenario.description})`);
    if (last.status >= 400)
      return finding('CLIENT-ERROR-FAILS', `reported created after ${last.status} ${last.code ?? ''}`);
    if (noConfirmCreated)
      return finding(
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
    return finding(
      'CLIENT-READS-ORDER',
      wrong.length === 0 && success ? undefined : wrong.join('; ') || 'reported created without a success',
    );
  }
  if (last === undefined || scenario.untrusted) return finding(scenario.ruleId);
  if (last.status >= 400) {
    const code = line['code'];
    const surfaced =
      typeof code === 'string' && last.code !== undefined && code.toUpperCase().includes(last.code.toUpperCase());
    return finding(
      'CLIENT-ERROR-FAILS',
      surfaced
        ? undefined
        : `reported failed with code ${JSON.stringify(code)}; the answer was ${last.status} ${last.code ?? ''}`,
    );
  }
  if (noConfirmCreated) return finding('CLIENT-NO-CONFIRM-CREATED');
  if (scenario.failureHonest === true) return finding(scenario.ruleId);
  return success
    ? finding(
        scenario.misreadSuccess ?? 'CLIENT-READS-ORDER',
        `reported failed (code ${JSON.stringify(line['code'])}) on a genuine success`,
      )
    : finding(scenario.ruleId);
}

/** Every run-level client finding of one run (the request-level ones are on its exchanges). */
export function judgeRun(run: RunSeen): ClientFinding[] {
  const outcome = outcomeFinding(run);
  return [survival(run), ...retryFindings(run), ...(outcome === undefined ? [] : [outcome])];
}
