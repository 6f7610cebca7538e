import { FAILURE_TAG } from '../judgement';
import { replayCase, type ReplayResult } from '../suites';
import { EXIT, toolError } from '../toolErrors';
import { commandOutput } from './commandOutput';
import { readCommandLine } from './readCommandLine';
import { REPLAY_COMMAND_LINE } from './replayArgs';

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

/** `payscore-conformance replay FILE [--profile P]`. */
export async function replayCommand(
  argv: string[],
  out: (line: string) => void = (l) => console.log(l),
): Promise<number> {
  const output = commandOutput('replay', { out });
  const { fail } = output;
  const args = readCommandLine(argv, REPLAY_COMMAND_LINE, output);
  if (typeof args === 'number') return args;
  let result: ReplayResult;
  try {
    result = await replayCase(args.file, {
      ...(args.profile === undefined ? {} : { profilePath: args.profile }),
      ...(args.timeoutMs === undefined ? {} : { timeoutMs: args.timeoutMs }),
    });
  } catch (error) {
    return fail(error);
  }
  const transport = result.exchange.transportError;
  if (transport !== undefined)
    return fail(
      toolError('PSC_UNREACHABLE', 'target', result.exchange.request.url, `${transport.kind}: ${transport.message}`),
    );
  printAnswer(result, out);
  return result.failures.some((f) => f.verdict === 'failed') ? EXIT.NONCONFORMANT : EXIT.OK;
}
