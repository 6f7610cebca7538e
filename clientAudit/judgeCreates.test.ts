import { FOREIGN_PARTY, verdictOf } from '../judgement';
import type { CallerExchange } from './clientSession';
import { judgeRun, type RunSeen } from './judgeRun';
import { SCENARIOS } from './scenarios';

// CLIENT-CREATES-ORDER: doing nothing, calling another path or sending what the mock refuses is no caller.
const ORDER = { out_order_no: 'OON-1' };
const answered = (status: number, code?: string, failing = false): CallerExchange => ({
  index: 1,
  request: { method: 'POST', url: '/', headers: {}, body: Buffer.alloc(0), receivedAt: 0 },
  findings: failing ? [{ ruleId: 'CLIENT-BODY-VALID', seen: 'refused' }] : [],
  outOrderNo: 'OON-1',
  parameters: '{"out_order_no":"OON-1"}',
  answer: { status, sentAt: 5, ...(code === undefined ? {} : { code }) },
});
const creates = (name: string, exchanges: CallerExchange[], wire?: RunSeen['wire']) => {
  const scenario = SCENARIOS.find((s) => s.name === name);
  if (scenario === undefined) throw new Error(name);
  const seen: RunSeen = {
    scenario,
    order: ORDER,
    exchanges,
    ...(wire === undefined ? {} : { wire }),
    command: { exitCode: 0, signal: null, timedOut: false, stdout: '', stderr: '', ms: 1 },
    line: { outcome: 'failed', code: null },
    timeoutMs: 1000,
  };
  const found = judgeRun(seen).filter((f) => f.ruleId === 'CLIENT-CREATES-ORDER');
  return found.map((f) => verdictOf(f, FOREIGN_PARTY));
};

describe('judgeRun: CLIENT-CREATES-ORDER', () => {
  it('fails a run in which no request reached the endpoint, in every scenario', () => {
    for (const s of SCENARIOS) expect([s.name, creates(s.name, [])]).toEqual([s.name, ['failed']]);
  });

  it('fails a caller that sent elsewhere; does not judge one whose requests never completed (it gave up first)', () => {
    expect(creates('genuine', [], { connections: 1, otherRequests: ['POST /v3/payscore/serviceorder'] })).toEqual([
      'failed',
    ]);
    expect(creates('genuine', [], { connections: 0, otherRequests: [] })).toEqual(['failed']);
    expect(creates('error-param-error', [], { connections: 2, otherRequests: [] })).toEqual(['informational']);
  });

  it('fails a refused request where the answers were genuine, informational when no request rule says why', () => {
    expect(creates('genuine', [answered(400, 'PARAM_ERROR', true)])).toEqual(['failed']);
    expect(creates('json-spaced', [answered(401, 'SIGN_ERROR', true)])).toEqual(['failed']);
    expect(creates('genuine', [answered(400, 'PARAM_ERROR')])).toEqual(['informational']);
  });

  it('passes an honest failure where the scenario took success away', () => {
    expect(creates('error-param-error', [answered(400, 'PARAM_ERROR')])).toEqual(['passed']);
    expect(creates('system-error-then-genuine', [answered(500, 'SYSTEM_ERROR')])).toEqual(['passed']);
    expect(creates('genuine', [answered(200)])).toEqual(['passed']);
  });
});
