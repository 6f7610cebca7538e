import { DEFAULT_TIMEOUT_MS } from '../suites';
import { integerFlag } from './integerFlag';
import { parseFlags } from './parseFlags';
import type { CommandLine } from './readCommandLine';
import { UsageError } from './usageError';

export const REPLAY_USAGE = `Usage: payscore-conformance replay FILE [options]

Re-sends the request of a case file (reports/cases/*.json, written for every failure of a run):
the same method, path, headers and body bytes, signed now with the profile's merchant key and a fresh
timestamp and nonce, so it reproduces a failure long after the run's own signatures expired. Prints
the answer and the verdict of the same checks the run applied.

Options:
  --profile FILE   target profile JSON (default: $PAYSCORE_PROFILE, else the profile the case names)
  --timeout MS     request timeout (default: the profile's timeoutMs, else ${DEFAULT_TIMEOUT_MS})
  -h, --help       this text

Exit codes: 0 no failure counts against the target; 1 a failure does (the case reproduced, or
another rule broke); 2 a usage, case-file or profile problem, or the target is unreachable.`;

export type ReplayArgs = { help: true } | { help: false; file: string; profile?: string; timeoutMs?: number };

export function parseReplayArgs(argv: string[]): ReplayArgs {
  const { values, positionals } = parseFlags(argv, {
    options: { profile: { type: 'string' }, timeout: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    allowPositionals: true,
  });
  if (values.help === true) return { help: true };
  const [file, ...extra] = positionals;
  if (file === undefined || extra.length > 0)
    throw new UsageError(`expected exactly one case FILE, got ${positionals.length}`);
  const timeoutMs = integerFlag('timeout', values.timeout, 1);
  return {
    help: false,
    file,
    ...(values.profile === undefined ? {} : { profile: values.profile }),
    ...(timeoutMs === undefined ? {} : { timeoutMs }),
  };
}

export const REPLAY_COMMAND_LINE: CommandLine<ReplayArgs> = {
  parse: parseReplayArgs,
  usage: () => REPLAY_USAGE,
  onError: 'full',
};
