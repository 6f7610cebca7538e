import type { AnswerSeen, CallerExchange } from './clientSession';
import { judgeRun, type RunSeen } from './judgeRun';
import { SCENARIOS, type Scenario } from './scenarios';

const ORDER = { out_order_no: 'OON-1', need_user_confirm: false, service_introduction: 'x' };
const PARAMS = '{"need_user_confirm":false,"out_order_no":"OON-1","service_introduction":"x"}';
const scenario = (name: string): Scenario => {
  const found = SCENARIOS.find((s) => s.name === name);
  if (found === undefined) throw new Error(`no scenario ${name}`);
  return found;
};
const exchange = (
  index: number,
  answer: Partial<AnswerSeen> & { status: number },
  at = index * 1000,
  oon = 'OON-1',
): CallerExchange => ({
  index,
  request: { method: 'POST', url: '/', headers: {}, body: Buffer.alloc(0), receivedAt: at },
  findings: [],
  outOrderNo: oon,
  parameters: oon === 'OON-1' ? PARAMS : PARAMS.replace('OON-1', oon),
  answer: { sentAt: at + 10, ...answer },
});
const DOING = { status: 200, orderId: 'O1', state: 'DOING' };

function run(
  name: string,
  exchanges: CallerExchange[],
  line: Record<string, unknown> | undefined,
  exitCode = 0,
): RunSeen {
  return {
    scenario: scenario(name),
    order: ORDER,
    exchanges,
    command: { exitCode, signal: null, timedOut: false, stdout: '', stderr: '', ms: 5 },
    line,
    timeoutMs: 1000,
  };
}
const broken = (r: RunSeen): string[] =>
  judgeRun(r)
    .filter((f) => f.seen !== undefined)
    .map((f) => f.ruleId);
const created = { outcome: 'created', order_id: 'O1', state: 'DOING', package: null };

describe('judgeRun: the retries and the outcome of one run', () => {
  it('passes the order created on a genuine answer, and an honest failure after a lost connection', () => {
    expect(broken(run('genuine', [exchange(1, DOING)], created))).toEqual([]);
    const cut = exchange(1, { ...DOING, cut: true });
    expect(broken(run('dropped-connection', [cut], { outcome: 'failed', code: null }))).toEqual([]);
    expect(broken(run('dropped-connection', [cut, exchange(2, DOING)], created))).toEqual([]);
  });

  it('passes an honest failure when the held slow answer went out as the caller gave up, but never a wrong created', () => {
    // A 10 s client against the 10 s hold: the answer is written as the client's timer fires.
    const held = [exchange(1, DOING)];
    expect(broken(run('slow-answer', held, { outcome: 'failed', code: null }))).toEqual([]);
    expect(broken(run('genuine', held, { outcome: 'failed', code: null }))).toEqual(['CLIENT-READS-ORDER']);
    expect(broken(run('slow-answer', held, { ...created, order_id: 'O2' }))).toEqual(['CLIENT-READS-ORDER']);
  });

  it('passes a failure that surfaces the code inside its own wording, and fails one without it', () => {
    const error = [exchange(1, { status: 400, code: 'PARAM_ERROR' })];
    expect(
      broken(run('error-param-error', error, { outcome: 'failed', code: 'WeChat said PARAM_ERROR: 参数错误' })),
    ).toEqual([]);
    expect(broken(run('error-param-error', error, { outcome: 'failed', code: null }))).toEqual(['CLIENT-ERROR-FAILS']);
    expect(broken(run('error-param-error', error, created))).toEqual(['CLIENT-ERROR-FAILS']);
  });

  it('fails trust in a forged answer under the scenario rule, and CREATED in no-confirm mode', () => {
    expect(broken(run('bad-signature', [exchange(1, DOING)], created))).toEqual(['CLIENT-VERIFY-SIGNATURE']);
    const createdState = [exchange(1, { status: 200, orderId: 'O1', state: 'CREATED' })];
    expect(broken(run('no-confirm-created', createdState, { ...created, state: 'CREATED' }))).toEqual([
      'CLIENT-NO-CONFIRM-CREATED',
    ]);
    expect(broken(run('no-confirm-created', createdState, { outcome: 'failed', code: null }))).toEqual([]);
  });

  it('fails a second order, a new out_order_no and a tight loop of retries after 429s', () => {
    const twice = [exchange(1, { ...DOING, cut: true }), exchange(2, { ...DOING, orderId: 'O2' }, 2000, 'OON-2')];
    expect(broken(run('dropped-connection', twice, { ...created, order_id: 'O2' }))).toEqual(
      expect.arrayContaining(['CLIENT-RETRY-SAME-OON', 'CLIENT-RETRY-SAME-PARAMS', 'CLIENT-ONE-ORDER']),
    );
    // Gaps after each 429 (the answer leaves 10 ms after its request arrives), then the genuine answer.
    const limited = (...gaps: number[]) => {
      let at = 0;
      const sequence = gaps.map((gap, i) => {
        const e = exchange(i + 1, { status: 429, code: 'FREQUENCY_LIMITED' }, at);
        at += 10 + gap;
        return e;
      });
      return [...sequence, exchange(gaps.length + 1, DOING, at)];
    };
    expect(broken(run('rate-limited-then-genuine', limited(3, 2, 1, 4, 0), created))).toEqual([
      'CLIENT-RATE-LIMIT-WAIT',
    ]);
    expect(broken(run('rate-limited-then-genuine', limited(3, 2, 1, 400, 4, 0), created))).toEqual([
      'CLIENT-RATE-LIMIT-WAIT',
    ]);
    // One short random wait is a wait (full jitter); so are four short ones of a bounded caller; a 150 ms wait.
    expect(broken(run('rate-limited-then-genuine', limited(3), created))).toEqual([]);
    expect(broken(run('rate-limited-then-genuine', limited(3, 2, 1, 4), created))).toEqual([]);
    expect(broken(run('rate-limited-then-genuine', limited(150), created))).toEqual([]);
    // Waits that grow are a backoff however short they start: doubling from 1 ms (six retries within 50 ms).
    expect(broken(run('rate-limited-then-genuine', limited(1, 2, 4, 8, 16, 32, 64, 128, 256), created))).toEqual([]);
  });

  it('fails a crash, a missing line and a genuine success read as a failure', () => {
    expect(broken(run('chunked', [exchange(1, DOING)], undefined, 1))).toEqual(['CLIENT-SURVIVES-WIRE']);
    expect(broken(run('genuine', [exchange(1, DOING)], undefined))).toEqual(['CLIENT-SURVIVES-WIRE']);
    expect(broken(run('chunked', [exchange(1, DOING)], { outcome: 'failed', code: null }))).toEqual([
      'CLIENT-SURVIVES-WIRE',
    ]);
    expect(broken(run('genuine', [exchange(1, DOING)], { outcome: 'failed', code: null }))).toEqual([
      'CLIENT-READS-ORDER',
    ]);
    expect(broken(run('genuine', [exchange(1, DOING)], { ...created, order_id: 'O9' }))).toEqual([
      'CLIENT-READS-ORDER',
    ]);
  });
});
