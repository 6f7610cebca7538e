import { resolve } from 'node:path';
import { auditClient, CLIENT_REPORT_FILES, mayBeUnexercised } from '../clientAudit';
import { EXIT, toolError } from '../toolErrors';
import { commandOutput, type CommandIo } from './commandOutput';
import { AUDIT_CLIENT_COMMAND_LINE } from './auditClientArgs';
import { readCommandLine } from './readCommandLine';

/** Runs of the command at once, each against a mock of its own (2 cores: the drivers mostly wait). */
const CONCURRENCY = 4;

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
  const args = readCommandLine(argv, AUDIT_CLIENT_COMMAND_LINE, output);
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
    return output.fail(toolError('PSC_DRIVER_START', args.command.join(' '), unstartable.command.startError ?? ''));
  // A command that never reached the mock nor printed its line in any scenario is not a caller under audit
  // but a wrong command line (a mistyped path, a missing module): a problem of ours to report, exit 2.
  if (result.runs.every((r) => r.exchanges.length === 0 && r.line === undefined)) {
    const last = result.runs.at(-1)?.command;
    const why =
      last === undefined ? '' : `: exit ${last.exitCode ?? last.signal}; stderr: ${last.stderr.trim().slice(-400)}`;
    return output.fail(toolError('PSC_DRIVER_SILENT', args.command.join(' '), why));
  }
  for (const row of result.model.rows.filter((r) => r.verdict === 'failed'))
    for (const failure of row.failures.slice(0, 2)) output.err(`\n${failure.detail}`);
  const s = result.model.summary;
  output.err(
    `\n${result.runs.length} runs; client rules: ${exercised(s.covered, result.unexercised)}/${s.rules} covered, ${s.passed} passed, ${s.failed} failed, ${s.informational} informational${unexercisedNote(result.unexercised)} — ${reportsDir}/${CLIENT_REPORT_FILES.html}`,
  );
  return result.failed ? EXIT.NONCONFORMANT : EXIT.OK;
}
