import { join } from 'node:path';
import { isRuleId } from '../specification';
import {
  DEFAULT_CONCURRENCY,
  DEFAULT_RUNS,
  DEFAULT_SEED,
  DEFAULT_THROTTLE_BUDGET_MS,
  DEFAULT_TIMEOUT_MS,
  SUITE_NAMES,
} from '../suites';
import { httpUrlFlag } from './httpUrlFlag';
import { integerFlag } from './integerFlag';
import { listFlag } from './listFlag';
import { parseFlags } from './parseFlags';
import type { CommandLine } from './readCommandLine';
import { SUITE_FLAGS } from './suiteFlags';
import { UsageError } from './usageError';

export const RUN_USAGE = `Usage: payscore-conformance run [options]

Runs the conformance suites (${SUITE_NAMES.join(', ')}) against a target.
With neither --profile nor PAYSCORE_PROFILE, the suites start the embedded reference mock on a free
loopback port with fresh keys.

Options:
  --profile FILE     target profile JSON (default: $PAYSCORE_PROFILE, else the embedded mock)
  --target URL       base URL overriding the profile's baseUrl (needs a profile: keys and identities)
  --seed N           fast-check seed of every property (default ${DEFAULT_SEED}; a failure prints its seed)
  --runs N           runs of each property: valid requests, random invalid requests (default ${DEFAULT_RUNS})
  --only RULE        run only the tests of these rule IDs (repeat, or comma-separate)
  --suite NAME       run only these suite files (repeat, or comma-separate); with --only, the
                     rule's tests in the other files do not run. The suites: ${SUITE_NAMES.join(', ')}
  --reports DIR      where JUnit, the auditor report and the case files go (default ./reports;
                     with --shard I/N, ./reports/shard-I-of-N)
  --timeout MS       per-request timeout, and the limit for reaching the target (default ${DEFAULT_TIMEOUT_MS})
  --concurrency N    requests in flight at most (default ${DEFAULT_CONCURRENCY}; fewer while the target throttles);
                     1 runs every test one after another. Verdicts and JUnit are the same for any N
  --throttle-budget MS
                     wall time the run may spend waiting out 429 answers (default ${DEFAULT_THROTTLE_BUDGET_MS}): a 429
                     is sent again after Retry-After or a backoff, never judged; once the budget is spent,
                     a test still throttled is not exercised (reason: throttled) and the run exits 2
  --shard I/N        run only shard I of N (Jest's stable split by suite file; default: all); each shard
                     writes its own reports, \`payscore-conformance report merge\` joins them
  -h, --help         this text

Exit codes: 0 the target conforms; 1 it does not (a SEED or SIBLING rule failed, or a DECISION rule
against the bundled mock); 2 a configuration or harness problem, or the target is unreachable.
Reports: <reports>/junit-conformance.xml, conformance-report.html, conformance-report.md, conformance-report.json,
manifest.json (SHA-256 of every report file), cases/*.json (one per failure: payscore-conformance replay FILE).`;

export interface RunArgs {
  help: boolean;
  profile?: string;
  target?: string;
  seed?: number;
  runs?: number;
  only: string[];
  /** Suite files to run (`--suite`); empty, all of them. */
  suites: string[];
  reports: string;
  timeoutMs?: number;
  concurrency?: number;
  throttleBudgetMs?: number;
  shard?: { index: number; count: number };
}

function shardFlag(raw: string): { index: number; count: number } {
  const m = /^(\d+)\/(\d+)$/.exec(raw);
  const index = Number(m?.[1]);
  const count = Number(m?.[2]);
  if (m === null || index < 1 || count < 1 || index > count)
    throw new UsageError(`--shard ${JSON.stringify(raw)}: expected I/N with 1 <= I <= N, e.g. 1/3`);
  return { index, count };
}

const OPTIONS = {
  ...SUITE_FLAGS,
  target: { type: 'string' },
  runs: { type: 'string' },
  concurrency: { type: 'string' },
  'throttle-budget': { type: 'string' },
  shard: { type: 'string' },
  suite: { type: 'string', multiple: true },
} as const;

export function parseRunArgs(argv: string[]): RunArgs {
  const v = parseFlags(argv, { options: OPTIONS }).values;
  const only = listFlag(v.only);
  const unknown = only.filter((id) => !isRuleId(id));
  if (unknown.length > 0)
    throw new UsageError(
      `--only: unknown rule ID(s) ${unknown.join(', ')} (rule IDs are listed in openapi.yaml x-rules)`,
    );
  const suites = listFlag(v.suite);
  const unknownSuites = suites.filter((s) => !(SUITE_NAMES as readonly string[]).includes(s));
  if (unknownSuites.length > 0)
    throw new UsageError(
      `--suite: unknown suite(s) ${unknownSuites.join(', ')} (the suites: ${SUITE_NAMES.join(', ')})`,
    );
  const target = httpUrlFlag('target', v.target);
  const args: RunArgs = { help: v.help === true, only, suites, reports: v.reports ?? 'reports' };
  if (v.profile !== undefined) args.profile = v.profile;
  if (target !== undefined) args.target = target;
  const seed = integerFlag('seed', v.seed, 0);
  if (seed !== undefined) args.seed = seed;
  const runs = integerFlag('runs', v.runs, 1);
  if (runs !== undefined) args.runs = runs;
  const timeoutMs = integerFlag('timeout', v.timeout, 1);
  if (timeoutMs !== undefined) args.timeoutMs = timeoutMs;
  const concurrency = integerFlag('concurrency', v.concurrency, 1);
  if (concurrency !== undefined) args.concurrency = concurrency;
  const throttleBudgetMs = integerFlag('throttle-budget', v['throttle-budget'], 0);
  if (throttleBudgetMs !== undefined) args.throttleBudgetMs = throttleBudgetMs;
  if (v.shard !== undefined) {
    args.shard = shardFlag(v.shard);
    if (v.reports === undefined) args.reports = join('reports', `shard-${args.shard.index}-of-${args.shard.count}`);
  }
  return args;
}

export const RUN_COMMAND_LINE: CommandLine<RunArgs> = { parse: parseRunArgs, usage: () => RUN_USAGE, onError: 'full' };
