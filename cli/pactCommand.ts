import { failureLines, verifyPactFile, writePactReport, type PactVerifyReport } from '../pact';
import { EXIT, toolError } from '../toolErrors';
import { commandOutput, type CommandIo } from './commandOutput';
import { PACT_COMMAND_LINE } from './pactArgs';
import { readCommandLine } from './readCommandLine';

/** `payscore-conformance pact verify FILE... [--reports DIR]`. */
export async function pactCommand(argv: string[], io: CommandIo = {}): Promise<number> {
  const output = commandOutput('pact', io);
  const { out, err } = output;
  const args = readCommandLine(argv, PACT_COMMAND_LINE, output);
  if (typeof args === 'number') return args;
  const report: PactVerifyReport = { passed: true, files: [], problems: [] };
  for (const file of args.items) {
    try {
      const verified = await verifyPactFile(file, (line) => err(line));
      report.files.push(verified);
      for (const o of verified.others) err(`${file}: not verified: "${o.description}": ${o.reason}`);
      for (const s of verified.unknownStates)
        err(
          `${file}: provider state "${s}" is not one the sandbox knows (see --help): its interactions ran on an empty mock`,
        );
      const failed = verified.results.filter((r) => !r.passed);
      err(`${file}: ${verified.passed ? 'verified' : `FAILED (${failed.length} of ${verified.results.length})`}`);
      for (const r of failed) for (const line of failureLines(r)) out(`${file}: ${line}`);
    } catch (error) {
      output.fail(error, { before: `${file}: ` });
      report.problems.push({ file, problem: (error as Error).message });
    }
  }
  report.passed = report.problems.length === 0 && report.files.every((f) => f.passed);
  try {
    for (const path of writePactReport(args.folder, report)) err(`wrote ${path}`);
  } catch (error) {
    return output.fail(toolError('PSC_REPORTS_WRITE', '--reports', args.folder, (error as Error).message));
  }
  if (report.problems.length > 0) return EXIT.PROBLEM;
  return report.passed ? EXIT.OK : EXIT.NONCONFORMANT;
}
