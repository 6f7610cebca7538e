import { clientRules, isScenarioName, SCENARIOS } from '../clientAudit';
import type { KeyMode } from '../mock';
import { DEFAULT_SEED } from '../suites';
import { integerFlag } from './integerFlag';
import { listFlag } from './listFlag';
import { parseFlags } from './parseFlags';
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

export const scenarioList = (): string =>
  SCENARIOS.map((s) => `    ${s.name.padEnd(28)} ${s.ruleId.padEnd(26)} ${s.description}`).join('\n');
export const ruleList = (): string =>
  clientRules()
    .map((r) => `    ${r.id.padEnd(26)} ${r.basis}`)
    .join('\n');
