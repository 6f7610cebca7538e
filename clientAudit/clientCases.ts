import type { ClientCase } from './clientReports';
import type { RunResult } from './runScenario';

const tail = (text: string, lines: number): string => text.trim().split('\n').slice(-lines).join(' | ');

/** What the mock answered each request of a run, in order: the auditor's picture of the exchange. */
function answers(run: RunResult): string {
  return run.exchanges
    .map((e) => {
      const a = e.answer;
      if (a === undefined) return 'no answer';
      const what = `${a.status}${a.code === undefined ? '' : ` ${a.code}`}${a.state === undefined ? '' : ` ${a.state}`}`;
      return a.cut ? `${what} (not delivered: connection cut)` : what;
    })
    .join(', ');
}

/** One run of the command as a case of the client report, with how to replay it. */
export function clientCaseOfRun(
  run: RunResult,
  options: { seed: number; keyMode: string; timeoutMs: number; command: readonly string[] },
): ClientCase {
  const { scenario } = run;
  const replay = [
    'payscore-conformance audit-client',
    `--seed ${options.seed}`,
    `--scenario ${scenario.name}`,
    `--key-mode ${options.keyMode}`,
    `--timeout ${options.timeoutMs}`,
    '--',
    ...options.command,
  ].join(' ');
  return {
    title: `${scenario.name}: ${scenario.description}`,
    ruleId: scenario.ruleId,
    findings: [
      ...run.exchanges.flatMap((e) =>
        e.findings.map((f) => ({ ...f, where: `request ${e.index} (${scenario.name})` })),
      ),
      ...run.findings.map((f) => ({ ...f, where: `the run (${scenario.name})` })),
    ],
    context: [
      `replay: ${replay}`,
      `answers: ${answers(run) || 'no request reached the mock'}`,
      `output: ${tail(run.command.stdout, 2) || '(nothing on stdout)'}`,
      ...(run.command.stderr.trim() === '' ? [] : [`stderr: ${tail(run.command.stderr, 3)}`]),
    ],
    latencyMs: run.command.ms,
  };
}
