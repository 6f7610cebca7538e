import { existsSync } from 'node:fs';
import { connect } from 'node:net';
import { resolve } from 'node:path';
import { RECEIVER_TIMEOUT_MS } from '../apiv3';
import { describeTlsTrust, loadNotifyProfile, ProfileError, PROFILE_VAR, RECEIVER_URL_VAR } from '../client';
import { DEFAULT_RECEIVER_DATA_DIR, RECEIVER_FILES } from '../receiver';
import { NOTIFY_REPORT_FILES, receiverRules, runNotifySuite, writeNotifyReports, type CaseResult } from '../notify';
import { DEFAULT_SEED } from '../suites';
import { EXIT } from './exitCodes';
import { commandOutput } from './commandOutput';
import { httpUrlFlag } from './httpUrlFlag';
import { integerFlag } from './integerFlag';
import { listFlag } from './listFlag';
import { parseFlags } from './parseFlags';
import { readCommandLine } from './readCommandLine';
import { SUITE_FLAGS } from './suiteFlags';
import { UsageError } from './usageError';

/** Long enough to measure how late a slow receiver is; the 5-second deadline is judged on its own (RECV-DEADLINE). */
export const DEFAULT_NOTIFY_TIMEOUT_MS = 2 * RECEIVER_TIMEOUT_MS;

/** The profile `payscore-conformance receiver` writes with its default --data-dir. */
const DEFAULT_PROFILE = `${DEFAULT_RECEIVER_DATA_DIR}/${RECEIVER_FILES.profile}`;

export const NOTIFY_USAGE = `Usage: payscore-conformance notify [options]

Acts as WeChat Pay towards your notify_url: sends it genuine PayScore notifications (every event, the
orders of the generators with every field and Unicode edge) and hostile ones (bad signatures, stale
timestamps, probe signatures, tampered ciphertext, wrong associated_data or APIv3 key, bodies that are
not notifications, a huge body, duplicates, the key migration) and judges each answer by receiver rule.

Options:
  --profile FILE     profile JSON with a "receiver" section (default: $${PROFILE_VAR}, else the
                     reference receiver's ${DEFAULT_PROFILE} when it exists)
  --receiver URL     the receiver's URL, overriding receiver.url (or $${RECEIVER_URL_VAR})
  --seed N           seed of the generated orders (default ${DEFAULT_SEED})
  --only RULE        run only the cases of these receiver rule IDs (repeat, or comma-separate)
  --reports DIR      where the reports go (default ./reports)
  --timeout MS       how long to wait for one answer (default ${DEFAULT_NOTIFY_TIMEOUT_MS}; the deadline is ${RECEIVER_TIMEOUT_MS} ms regardless)
  --quiet            no line per case
  -h, --help         this text

Exit codes: 0 the receiver conforms; 1 it does not (a SEED or SIBLING rule failed, or a DECISION rule
against the bundled reference receiver); 2 a configuration or harness problem, or the receiver is unreachable.
Reports: <reports>/${NOTIFY_REPORT_FILES.junit}, ${NOTIFY_REPORT_FILES.html}, ${NOTIFY_REPORT_FILES.markdown}, ${NOTIFY_REPORT_FILES.json}.`;

/** --profile, else PAYSCORE_PROFILE, else the reference receiver's own profile when it is there. */
function profilePath(given: string | undefined, env: NodeJS.ProcessEnv): string | undefined {
  if (given !== undefined) return resolve(given);
  const fromEnv = env[PROFILE_VAR];
  if (fromEnv !== undefined && fromEnv !== '') return undefined;
  return existsSync(DEFAULT_PROFILE) ? resolve(DEFAULT_PROFILE) : undefined;
}

const OPTIONS = { ...SUITE_FLAGS, receiver: { type: 'string' }, quiet: { type: 'boolean' } } as const;

function parse(argv: string[]) {
  const values = parseFlags(argv, { options: OPTIONS }).values;
  const only = listFlag(values.only);
  const known = new Set(receiverRules().map((r) => r.id));
  const unknown = only.filter((id) => !known.has(id));
  if (unknown.length > 0)
    throw new UsageError(
      `--only: not a receiver rule ID: ${unknown.join(', ')} (the RECV-* rules of openapi.yaml x-rules)`,
    );
  const receiver = httpUrlFlag('receiver', values.receiver);
  return {
    help: values.help === true,
    quiet: values.quiet === true,
    profile: values.profile,
    receiver,
    only,
    reports: values.reports ?? 'reports',
    seed: integerFlag('seed', values.seed, 0) ?? DEFAULT_SEED,
    timeoutMs: integerFlag('timeout', values.timeout, 1) ?? DEFAULT_NOTIFY_TIMEOUT_MS,
  };
}

/** Whether anything listens at the URL's host and port (a refused connection is our problem: exit 2). */
function reachable(url: string, timeoutMs: number): Promise<string | undefined> {
  const u = new URL(url);
  const port = Number(u.port || (u.protocol === 'https:' ? 443 : 80));
  return new Promise((done) => {
    const socket = connect({ host: u.hostname.replace(/^\[|\]$/g, ''), port });
    const finish = (problem?: string): void => {
      socket.destroy();
      done(problem);
    };
    socket.setTimeout(timeoutMs, () => finish(`no connection within ${timeoutMs} ms`));
    socket.once('connect', () => finish());
    socket.once('error', (error) => finish(error.message));
  });
}

const progressLine = (r: CaseResult): string =>
  `${r.failed ? '✗' : '✓'} ${r.title} — ${r.answers.map((a) => a.status ?? a.error?.kind ?? '?').join(', ')} in ${r.latencyMs} ms`;

/** `payscore-conformance notify`: 0 the receiver conforms, 1 it does not, 2 configuration/harness problem or unreachable. */
export async function notifyCommand(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const startedAt = new Date().toISOString();
  const output = commandOutput('notify');
  const fail = output.problem;
  const args = readCommandLine(argv, parse, { usage: () => NOTIFY_USAGE, onError: 'full' }, output);
  if (typeof args === 'number') return args;
  let profile;
  try {
    profile = loadNotifyProfile(
      profilePath(args.profile, env),
      args.receiver === undefined ? env : { ...env, [RECEIVER_URL_VAR]: args.receiver },
    );
  } catch (error) {
    if (error instanceof ProfileError)
      return fail(
        `${args.profile === undefined ? `--profile (or ${PROFILE_VAR})` : `--profile ${args.profile}`}: ${error.message}`,
      );
    throw error;
  }
  const unreachable = await reachable(profile.receiverUrl, args.timeoutMs);
  if (unreachable !== undefined) return fail(`receiver ${profile.receiverUrl} is unreachable: ${unreachable}`);
  const replay = `payscore-conformance notify --profile ${profile.sourcePath ?? '<profile>'}`;
  if (!args.quiet) console.log(`payscore-conformance notify → ${profile.receiverUrl} (seed ${args.seed})`);
  const results = await runNotifySuite({
    profile,
    seed: args.seed,
    only: args.only,
    timeoutMs: args.timeoutMs,
    replay,
    ...(args.quiet ? {} : { onResult: (r: CaseResult) => console.log(progressLine(r)) }),
  });
  if (results.length === 0)
    return fail(
      `--only ${args.only.join(',')}: no case to run (RECV-KEY-MIGRATION needs receiver.migrationPlatform in the profile)`,
    );
  const model = writeNotifyReports(resolve(args.reports), results, {
    target: profile.receiverUrl,
    referenceReceiver: profile.referenceReceiver,
    seed: args.seed,
    mchid: profile.mchid,
    platformSerial: profile.platform.serial,
    startedAt,
    commandLine: ['payscore-conformance', 'notify', ...argv],
    tls: describeTlsTrust(profile.tlsTrust),
  });
  for (const r of results.filter((x) => x.failed)) {
    console.log(
      `\n${r.records
        .filter((rec) => rec.verdict === 'failed')
        .map((rec) => rec.detail)
        .join('\n')}`,
    );
  }
  const s = model.summary;
  const failed = results.filter((r) => r.failed).length;
  console.log(
    `\n${results.length - failed} cases passed, ${failed} failed; receiver rules: ${s.covered}/${s.rules} covered, ${s.passed} passed, ${s.failed} failed, ${s.warnings} warnings, ${s.informational} informational`,
  );
  console.log(`reports: ${resolve(args.reports)}/{${Object.values(NOTIFY_REPORT_FILES).join(',')}}`);
  return failed > 0 ? EXIT.NONCONFORMANT : EXIT.OK;
}
