import { CLIENT_REPORT_FILES, clientRules, DRIVER_ENV, isScenarioName, SCENARIOS, slowHoldMs } from '../clientAudit';
import type { KeyMode } from '../mock';
import { DEFAULT_SEED } from '../suites';
import { integerFlag } from './integerFlag';
import { listFlag } from './listFlag';
import { parseFlags } from './parseFlags';
import type { CommandLine } from './readCommandLine';
import { UsageError } from './usageError';

/** Per run of the command: long enough for a caller whose own timeout is 30 s to wait out the slow answer. */
export const DEFAULT_AUDIT_TIMEOUT_MS = 60_000;
const KEY_MODES: readonly KeyMode[] = ['public-key', 'certificate'];

const OPTIONS = {
  seed: { type: 'string' },
  only: { type: 'string', multiple: true },
  scenario: { type: 'string', multiple: true },
  'key-mode': { type: 'string', default: 'public-key' },
  timeout: { type: 'string' },
  reports: { type: 'string', default: 'reports' },
  quiet: { type: 'boolean', default: false },
  help: { type: 'boolean', default: false },
} as const;

export type AuditClientArgs =
  | { help: true }
  | {
      help: false;
      command: string[];
      seed: number;
      only: string[];
      scenarios: string[];
      keyMode: KeyMode;
      timeoutMs: number;
      reportsDir: string;
      quiet: boolean;
    };

/** `audit-client [options] -- COMMAND [ARGS…]`: the options before `--`, the command after it, untouched. */
export function parseAuditClientArgs(argv: string[]): AuditClientArgs {
  const split = argv.indexOf('--');
  const flags = split < 0 ? argv : argv.slice(0, split);
  const command = split < 0 ? [] : argv.slice(split + 1);
  const { values } = parseFlags(flags, { options: OPTIONS });
  if (values.help) return { help: true };
  if (command.length === 0)
    throw new UsageError('no command: give the driver after --, e.g. -- node examples/clients/reference.js');
  const keyMode = values['key-mode'];
  if (!(KEY_MODES as readonly string[]).includes(keyMode))
    throw new UsageError(`--key-mode must be one of ${KEY_MODES.join(', ')}, got ${JSON.stringify(keyMode)}`);
  const only = listFlag(values.only);
  const known = new Set(clientRules().map((r) => r.id));
  const unknown = only.filter((id) => !known.has(id));
  if (unknown.length > 0)
    throw new UsageError(`--only ${unknown.join(', ')}: not a client rule (CLIENT-*); see --help for the list`);
  const scenarios = listFlag(values.scenario);
  const unknownScenarios = scenarios.filter((name) => !isScenarioName(name));
  if (unknownScenarios.length > 0)
    throw new UsageError(`--scenario ${unknownScenarios.join(', ')}: no such scenario; see --help for the list`);
  return {
    help: false,
    command,
    seed: integerFlag('seed', values.seed, 0) ?? DEFAULT_SEED,
    only,
    scenarios,
    keyMode: keyMode as KeyMode,
    timeoutMs: integerFlag('timeout', values.timeout, 1) ?? DEFAULT_AUDIT_TIMEOUT_MS,
    reportsDir: values.reports,
    quiet: values.quiet,
  };
}

const scenarioList = (): string =>
  SCENARIOS.map((s) => `    ${s.name.padEnd(28)} ${s.ruleId.padEnd(26)} ${s.description}`).join('\n');
const ruleList = (): string =>
  clientRules()
    .map((r) => `    ${r.id.padEnd(26)} ${r.basis}`)
    .join('\n');

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

export const AUDIT_CLIENT_COMMAND_LINE: CommandLine<AuditClientArgs> = {
  parse: parseAuditClientArgs,
  usage: auditClientUsage,
  onError: 'pointer',
};
