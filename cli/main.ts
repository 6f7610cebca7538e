import { packageInfo } from '../specification';
import { auditClientCommand } from './auditClientCommand';
import { EXIT } from '../toolErrors';
import { mockCommand } from './mockCommand';
import { notifyCommand } from './notifyCommand';
import { pactCommand } from './pactCommand';
import { receiverCommand } from './receiverCommand';
import { replayCommand } from './replayCommand';
import { reportCommand } from './reportCommand';
import { runCommand } from './runCommand';

const USAGE = `payscore-conformance — conformance suite and reference mock for WeChat Pay PayScore create-order
(POST /v3/payscore/acquiringbank/serviceorder, acquiring institutions)

Usage:
  payscore-conformance run [options]    run the conformance suites against a target (default: the embedded mock)
  payscore-conformance mock [options]   start the reference mock server
  payscore-conformance notify [options] send genuine and hostile notifications to a notify_url receiver
  payscore-conformance receiver [options] start the reference notify_url receiver
  payscore-conformance audit-client [options] -- COMMAND  judge your client code (the caller) against the mock's scenarios
  payscore-conformance replay FILE      re-sign and re-send a failure's case file (reports/cases/), judged again
  payscore-conformance report merge DIR…  merge the reports of a run's shards into one JUnit file and one auditor report
  payscore-conformance pact verify FILE…  verify a consumer's pact against openapi.yaml and against the mock as provider
  payscore-conformance <command> --help
  payscore-conformance --version

Exit codes: 0 the target conforms, 1 it does not, 2 a configuration or harness problem or an unreachable target.`;

/** The commands by name; each takes the arguments after its name and gives the exit code. */
const COMMANDS = new Map<string, (argv: string[]) => number | Promise<number>>([
  ['run', runCommand],
  ['mock', mockCommand],
  ['notify', notifyCommand],
  ['receiver', receiverCommand],
  ['audit-client', auditClientCommand],
  ['replay', replayCommand],
  ['report', reportCommand],
  ['pact', (argv) => pactCommand(argv)],
]);

/** Dispatches to a command (`run` loads Jest only when it runs, so `mock` starts fast). */
export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const run = command === undefined ? undefined : COMMANDS.get(command);
  if (run !== undefined) return run(rest);
  switch (command) {
    case '--version':
    case '-v':
      console.log(packageInfo().version);
      return EXIT.OK;
    case undefined:
    case '--help':
    case '-h':
    case 'help':
      console.log(USAGE);
      return command === undefined ? EXIT.PROBLEM : EXIT.OK;
    default:
      console.error(`payscore-conformance: unknown command ${JSON.stringify(command)}\n\n${USAGE}`);
      return EXIT.PROBLEM;
  }
}
