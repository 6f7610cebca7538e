import { resolve } from 'node:path';
import { auditClient, CLIENT_REPORT_FILES, DRIVER_ENV, mayBeUnexercised, slowHoldMs } from '../clientAudit';
import { commandOutput, type CommandIo } from './commandOutput';
import { DEFAULT_AUDIT_TIMEOUT_MS, parseAuditClientArgs, ruleList, scenarioList } from './auditClientArgs';
import { EXIT } from './exitCodes';
import { readCommandLine } from './readCommandLine';

/** Runs of the command at once, each against a mock of its own (2 cores: the drivers mostly wait). */
const CONCURRENCY = 4;

export function auditClientUsage(): string {
  return `payscore-conformance audit-client — the caller's audit: your client code, judged by the client rules (facts §10)

Usage: payscore-conformance audit-client [options] -- COMMAND [ARGS…]

Starts the embedded mock and runs COMMAND once per scenario, each time against a mock of its own. The
driver contract (a public interface):
  environment  ${DRIVER_ENV.profile}  the mock's profile JSON, in the format run reads (baseUrl, mchid, merchant key
                                and serial, platform key and serial, identities; paths relative to its folder)
               ${DRIVER_ENV.baseUrl} the base URL
               ${DRIVER_ENV.order}    a JSON file with the create-order body to send, exactly (from the generators)
  output       one JSON line on stdout, exit 0 either way:
                 {"outcome":"created","order_id":…,"state":…,"package":…}  your code believes the order exists
                 {"outcome":"failed","code":…}                              your code reports a failure (code or null)
               A crash, a non-zero exit, a hang past --timeout or a missing line is itself a finding.
The command is never told the scenario. Judged: every request (signature, mchid, serial, timestamp,
nonce, headers, body), the retries (same out_order_no, same parameters, one order, a wait after 429),
and the outcome reported.

What counts as doing the job (CLIENT-CREATES-ORDER): every scenario answers a create, so a run in which
no request reaches POST /v3/payscore/acquiringbank/serviceorder fails, whatever line is printed; where
the answers are genuine from the first (genuine, the wire forms), the order must be created: a failure
there is a misread, a request the mock refuses is the caller's own doing. A failure is honest only where
the scenario took success away: a drop, a slow answer, a 429, a 5xx (a caller that never retries passes),
a forged or stale answer, a 4xx.

Coverage is part of the verdict of a full run (no --only, no --scenario): a client rule no scenario
exercised fails, since nothing shows the caller conforms to it; the summary line, the report and JUnit
say so. The exceptions are written beside the rule in openapi.yaml (x-may-be-unexercised): the retry
rules CLIENT-RETRY-SAME-OON and CLIENT-ONE-ORDER, which only a retry exercises, for a caller that never
retries; they are reported informational. --only and --scenario judge what they select, never coverage.

Waiting after a 429 is judged over a run's whole retry sequence, never one gap: five or more retries
each within 50 ms of a 429, the later ones as quick, are a tight loop; waits that grow are a backoff,
and one short random wait (full jitter) is a wait.

Options:
  --seed N          seed of the generated orders (default: run's)
  --only RULE       judge only these client rules, in the scenarios that prove them (repeat, or comma-separate)
  --scenario NAME   run only these scenarios (repeatable)
  --key-mode MODE   public-key (PUB_KEY_ID_…) or certificate (platform certificate serial) (default public-key)
  --timeout MS      per run of the command (default ${DEFAULT_AUDIT_TIMEOUT_MS}); slow-answer holds the first answer
                    for ${slowHoldMs(DEFAULT_AUDIT_TIMEOUT_MS)} ms (at most a third of --timeout) or until the command gives up
  --reports DIR     where the reports go (default ./reports)
  --quiet           no line per scenario
  -h, --help        this text

Scenarios (name, the rule it is about, what the mock does):
${scenarioList()}

Client rules:
${ruleList()}

Exit codes: 0 the caller conforms; 1 it does not (a client rule failed); 2 a bad flag, or the command
cannot be started or never reaches the mock nor prints its line in any scenario. Progress on stderr. Reports, beside the others and never over them:
<reports>/${CLIENT_REPORT_FILES.junit}, ${CLIENT_REPORT_FILES.html}, ${CLIENT_REPORT_FILES.markdown}, ${CLIENT_REPORT_FILES.json}.`;
}

/** The summary line's word on coverage (a full run): which rules no scenario exercised, and which may be. */
// The report counts a coverage case as a judged row; "covered" here counts the rules a scenario really exercised.
const exercised = (covered: number, unexercised: readonly string[] | undefined): number =>
  covered - (unexercised?.length ?? 0);

function unexercisedNote(unexercised: readonly string[] | undefined): string {
  if (unexercised === undefined) return ' (coverage judged only in a full run)';
  if (unexercised.length === 0) return '; every rule exercised';
  const excepted = unexercised.filter((id) => mayBeUnexercised(id) !== undefined);
  const missing = unexercised.filter((id) => mayBeUnexercised(id) === undefined);
  return [
    missing.length === 0 ? '' : `; never exercised (failed): ${missing.join(', ')}`,
    excepted.length === 0 ? '' : `; not exercised, written exceptions: ${excepted.join(', ')}`,
  ].join('');
}

/** `payscore-conformance audit-client`: 0 conforms, 1 a client rule failed, 2 a bad flag or a command that cannot start. */
export async function auditClientCommand(argv: string[], io: CommandIo = {}): Promise<number> {
  const output = commandOutput('audit-client', io);
  const args = readCommandLine(argv, parseAuditClientArgs, { usage: auditClientUsage, onError: 'pointer' }, output);
  if (typeof args === 'number') return args;
  const reportsDir = resolve(args.reportsDir);
  const result = await auditClient({
    command: args.command,
    seed: args.seed,
    only: args.only,
    scenarios: args.scenarios,
    keyMode: args.keyMode,
    timeoutMs: args.timeoutMs,
    reportsDir,
    commandLine: ['payscore-conformance', 'audit-client', ...argv],
    concurrency: CONCURRENCY,
    progress: args.quiet ? () => undefined : output.err,
  });
  const unstartable = result.runs.find((r) => r.command.startError !== undefined);
  if (unstartable !== undefined)
    return output.problem(`cannot start ${JSON.stringify(args.command.join(' '))}: ${unstartable.command.startError}`);
  // A command that never reached the mock nor printed its line in any scenario is not a caller under audit
  // but a wrong command line (a mistyped path, a missing module): a problem of ours to report, exit 2.
  if (result.runs.every((r) => r.exchanges.length === 0 && r.line === undefined)) {
    const last = result.runs.at(-1)?.command;
    const why =
      last === undefined ? '' : `: exit ${last.exitCode ?? last.signal}; stderr: ${last.stderr.trim().slice(-400)}`;
    return output.problem(
      `${JSON.stringify(args.command.join(' '))} sent no request and printed no JSON line in any scenario${why}`,
    );
  }
  for (const row of result.model.rows.filter((r) => r.verdict === 'failed'))
    for (const failure of row.failures.slice(0, 2)) output.err(`\n${failure.detail}`);
  const s = result.model.summary;
  output.err(
    `\n${result.runs.length} runs; client rules: ${exercised(s.covered, result.unexercised)}/${s.rules} covered, ${s.passed} passed, ${s.failed} failed, ${s.informational} informational${unexercisedNote(result.unexercised)} — ${reportsDir}/${CLIENT_REPORT_FILES.html}`,
  );
  return result.failed ? EXIT.NONCONFORMANT : EXIT.OK;
}
