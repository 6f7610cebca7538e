import { existsSync } from 'node:fs';
import { connect } from 'node:net';
import { resolve } from 'node:path';
import { describeTlsTrust, loadNotifyProfile, PROFILE_VAR, RECEIVER_URL_VAR } from '../client';
import { NOTIFY_REPORT_FILES, runNotifySuite, writeNotifyReports, type CaseResult } from '../notify';
import { EXIT, toolError } from '../toolErrors';
import { commandOutput } from './commandOutput';
import { DEFAULT_PROFILE, NOTIFY_COMMAND_LINE } from './notifyArgs';
import { readCommandLine } from './readCommandLine';

/** --profile, else PAYSCORE_PROFILE, else the reference receiver's own profile when it is there. */
function profilePath(given: string | undefined, env: NodeJS.ProcessEnv): string | undefined {
  if (given !== undefined) return resolve(given);
  const fromEnv = env[PROFILE_VAR];
  if (fromEnv !== undefined && fromEnv !== '') return undefined;
  return existsSync(DEFAULT_PROFILE) ? resolve(DEFAULT_PROFILE) : undefined;
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
  const { fail } = output;
  const args = readCommandLine(argv, NOTIFY_COMMAND_LINE, output);
  if (typeof args === 'number') return args;
  let profile;
  try {
    profile = loadNotifyProfile(
      profilePath(args.profile, env),
      args.receiver === undefined ? env : { ...env, [RECEIVER_URL_VAR]: args.receiver },
    );
  } catch (error) {
    const flag = args.profile === undefined ? `--profile (or ${PROFILE_VAR})` : `--profile ${args.profile}`;
    return fail(error, { before: `${flag}: ` });
  }
  const unreachable = await reachable(profile.receiverUrl, args.timeoutMs);
  if (unreachable !== undefined)
    return fail(toolError('PSC_UNREACHABLE', 'receiver', profile.receiverUrl, unreachable));
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
      toolError(
        'PSC_NOTHING_TO_RUN',
        `--only ${args.only.join(',')}: no case to run (RECV-KEY-MIGRATION needs receiver.migrationPlatform in the profile)`,
      ),
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
