import { FAILURE_TAG } from '../judgement';
import { ProfileError } from '../client';
import { CaseFileError, DEFAULT_TIMEOUT_MS, replayCase, type ReplayResult } from '../suites';
import { commandOutput } from './commandOutput';
import { EXIT } from './exitCodes';
import { integerFlag } from './integerFlag';
import { parseFlags } from './parseFlags';
import { readCommandLine } from './readCommandLine';
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

const MAX_BODY_SHOWN = 4096;

function printAnswer(result: ReplayResult, out: (line: string) => void): void {
  const { caseFile: c, exchange } = result;
  out(
    `case: ${c.ruleId} [${c.basis}] in check ${c.check} — test: ${c.test}${c.seed === undefined ? '' : ` (seed ${c.seed}${c.path === undefined ? '' : `, path ${c.path}`})`}`,
  );
  out(
    `sent: ${exchange.request.method} ${exchange.request.url} (${exchange.request.body.length} body bytes) with profile ${result.profilePath}`,
  );
  const response = exchange.response;
  if (response !== undefined) {
    out(`\nanswer: HTTP ${response.status}`);
    for (const [name, value] of Object.entries(response.headers)) out(`${name}: ${value}`);
    const text = response.body.subarray(0, MAX_BODY_SHOWN).toString('utf8');
    out(`\n${text}${response.body.length > MAX_BODY_SHOWN ? `\n… (${response.body.length} bytes in all)` : ''}`);
  }
  out('');
  for (const f of result.failures) out(`[${FAILURE_TAG[f.verdict]}] ${f.text}\n`);
  const counted = result.failures.filter((f) => f.verdict === 'failed').length;
  out(
    `${result.reproduced ? `reproduced: ${c.ruleId} failed again` : `not reproduced: ${c.ruleId} held this time`}; ${result.failures.length} failure(s), ${counted} counting against the target`,
  );
}

type ReplayArgs = { help: true } | { help: false; file: string; profile?: string; timeoutMs?: number };

function parse(argv: string[]): ReplayArgs {
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

/** `payscore-conformance replay FILE [--profile P]`. */
export async function replayCommand(
  argv: string[],
  out: (line: string) => void = (l) => console.log(l),
): Promise<number> {
  const output = commandOutput('replay', { out });
  const fail = output.problem;
  const args = readCommandLine(argv, parse, { usage: () => REPLAY_USAGE, onError: 'full' }, output);
  if (typeof args === 'number') return args;
  let result: ReplayResult;
  try {
    result = await replayCase(args.file, {
      ...(args.profile === undefined ? {} : { profilePath: args.profile }),
      ...(args.timeoutMs === undefined ? {} : { timeoutMs: args.timeoutMs }),
    });
  } catch (error) {
    if (error instanceof CaseFileError || error instanceof ProfileError) return fail(error.message);
    throw error;
  }
  const transport = result.exchange.transportError;
  if (transport !== undefined)
    return fail(`target ${result.exchange.request.url} is unreachable: ${transport.kind}: ${transport.message}`);
  printAnswer(result, out);
  return result.failures.some((f) => f.verdict === 'failed') ? EXIT.NONCONFORMANT : EXIT.OK;
}
