import {
  failureLines,
  MockStageProblem,
  PACT_REPORT_FILES,
  PactInputError,
  PROVIDER_STATES,
  verifyPactFile,
  writePactReport,
  type PactVerifyReport,
} from '../pact';
import { ENDPOINT_PATH } from '../specification';
import { commandOutput, type CommandIo } from './commandOutput';
import { EXIT } from './exitCodes';
import { parseVerbCommand } from './verbCommandArgs';
import { readCommandLine } from './readCommandLine';

export function pactUsage(): string {
  const states = Object.values(PROVIDER_STATES)
    .map((s) => `    ${s}`)
    .join('\n');
  return `Usage: payscore-conformance pact verify FILE... [options]

Verifies a consumer's pact (Pact V2 to V4 JSON) of POST ${ENDPOINT_PATH}, twice:
  openapi  every interaction against openapi.yaml, with the engine of bi-directional contract
           testing (@pactflow/openapi-pact-comparator);
  mock     every interaction replayed against a fresh reference mock as provider (127.0.0.1, a free
           port, made with the pact's own ids), its provider states set up, each request re-signed
           with the mock's merchant key (a pact's recorded signatures are stale).
Interactions on other paths or methods are reported, not verified.

Provider states a pact may use:
${states}

Options:
  --reports DIR   where ${PACT_REPORT_FILES.junit}, ${PACT_REPORT_FILES.markdown} and ${PACT_REPORT_FILES.json} go (default reports/)
  -h, --help      this text

Progress goes to stderr; failures, one line each (interaction, stage, field, what differed), to stdout.

Exit codes: 0 every pact verified; 1 an interaction failed a stage; 2 a usage problem, or a FILE
missing, unreadable, not a pact or with nothing on this endpoint (each named with the reason).`;
}

const parse = (argv: string[]) => parseVerbCommand(argv, { verb: 'verify', items: 'pact FILE', folderFlag: 'reports' });

/** `payscore-conformance pact verify FILE... [--reports DIR]`. */
export async function pactCommand(argv: string[], io: CommandIo = {}): Promise<number> {
  const output = commandOutput('pact', io);
  const { out, err } = output;
  const args = readCommandLine(argv, parse, { usage: pactUsage, onError: 'full' }, output);
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
      if (!(error instanceof PactInputError) && !(error instanceof MockStageProblem)) throw error;
      report.problems.push({ file, problem: error.message });
      output.problem(`${file}: ${error.message}`);
    }
  }
  report.passed = report.problems.length === 0 && report.files.every((f) => f.passed);
  try {
    for (const path of writePactReport(args.folder, report)) err(`wrote ${path}`);
  } catch (error) {
    return output.problem(`--reports ${args.folder}: cannot write the reports (${(error as Error).message})`);
  }
  if (report.problems.length > 0) return EXIT.PROBLEM;
  return report.passed ? EXIT.OK : EXIT.NONCONFORMANT;
}
