import { outcomeLine, runDriver } from './runDriver';

describe('runDriver and the one JSON line', () => {
  it('ends a command that hangs past the timeout, with what it started', async () => {
    const run = await runDriver(['node', '-e', 'setInterval(() => {}, 1000)'], process.env, 300);
    expect([run.timedOut, run.exitCode]).toEqual([true, null]);
  });

  it('reports a command that cannot start, and a non-zero exit with its stderr', async () => {
    expect((await runDriver(['/no/such/driver'], process.env, 5000)).startError).toContain('ENOENT');
    const crashed = await runDriver(['node', '-e', 'throw new TypeError("boom")'], process.env, 5000);
    expect([crashed.exitCode, crashed.stderr.includes('boom')]).toEqual([1, true]);
  });

  it('takes the last stdout line that is a JSON object with an outcome, whatever else is printed', () => {
    expect(outcomeLine('log line\n{"outcome":"failed","code":null}\n{"debug":1}\n')).toEqual({
      outcome: 'failed',
      code: null,
    });
    expect(outcomeLine('{"outcome":"created"\nnot json\n')).toBeUndefined();
  });
});
