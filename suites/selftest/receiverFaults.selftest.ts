import { receiverFaultCatalogue, type ReceiverFaultName } from '../../receiver';
import { failedRules } from './runAgainstMock';
import { runNotify, runNotifyCli, withReceiver } from './runNotify';

// The receiver suite must be able to fail: against the clean reference receiver it passes; against
// every named fault of the receiver it fails (exit 1) and names the rule the fault breaks.

/** Faults that are quick to observe only through their own cases. */
const ARGS: Partial<Record<ReceiverFaultName, string[]>> = {
  // Every answer comes after the deadline: the two deadline cases show it in ~6 s instead of ~80 cases.
  slow: ['--only', 'RECV-DEADLINE'],
};

// Each case runs `notify` in a child process (~2-4 s).
jest.setTimeout(120_000);

describe('self-test: the receiver suite catches every fault of the reference receiver', () => {
  it('passes against the clean reference receiver, every receiver rule exercised', async () => {
    const run = await withReceiver([], (r) => runNotify(r.profilePath));
    expect(failedRules(run.model)).toEqual([]);
    expect(run.exitCode).toBe(0);
    expect(run.model.summary.notExercised).toBe(0);
    expect(run.junit).toMatch(/<property name="latency_ms" value="\d/);
  });

  it.each(receiverFaultCatalogue().map((f) => [f.name, f.ruleId] as const))(
    'fault %s is caught as %s',
    async (name, ruleId) => {
      const run = await withReceiver([name], (r) => runNotify(r.profilePath, ARGS[name] ?? []));
      expect(run.exitCode).toBe(1);
      expect(failedRules(run.model)).toEqual(expect.arrayContaining([ruleId]));
    },
  );

  it('exits 2 naming the flag or the file for a bad flag, a missing profile or an unreachable receiver', async () => {
    const runs = await withReceiver([], (r) =>
      Promise.all([
        runNotifyCli(r.profilePath, ['--only', 'OON-CHARSET']),
        runNotifyCli(r.profilePath, ['--receiver', 'http://127.0.0.1:1/notify']),
        runNotifyCli(r.profilePath, ['--timeout', 'soon']),
      ]),
    );
    const missing = await runNotifyCli('/nonexistent/notify-profile.json');
    const [notReceiverRule, unreachable, badTimeout] = runs;
    expect([notReceiverRule?.exitCode, unreachable?.exitCode, badTimeout?.exitCode, missing.exitCode]).toEqual([
      2, 2, 2, 2,
    ]);
    expect(notReceiverRule?.output).toMatch(/--only: not a receiver rule ID: OON-CHARSET/);
    expect(unreachable?.output).toMatch(/receiver http:\/\/127\.0\.0\.1:1\/notify is unreachable/);
    expect(badTimeout?.output).toMatch(/--timeout "soon"/);
    expect(missing.output).toMatch(/--profile \/nonexistent\/notify-profile.json: .*file missing/s);
    expect([...runs, missing].every((r) => r?.model === undefined)).toBe(true);
  });
});
