import { RECEIVER_TIMEOUT_MS } from '../apiv3';
import { PROFILE_VAR, RECEIVER_URL_VAR } from '../client';
import { NOTIFY_REPORT_FILES, receiverRules } from '../notify';
import { DEFAULT_RECEIVER_DATA_DIR, RECEIVER_FILES } from '../receiver';
import { DEFAULT_SEED } from '../suites';
import { httpUrlFlag } from './httpUrlFlag';
import { integerFlag } from './integerFlag';
import { listFlag } from './listFlag';
import { parseFlags } from './parseFlags';
import type { CommandLine } from './readCommandLine';
import { SUITE_FLAGS } from './suiteFlags';
import { UsageError } from './usageError';

/** Long enough to measure how late a slow receiver is; the 5-second deadline is judged on its own (RECV-DEADLINE). */
export const DEFAULT_NOTIFY_TIMEOUT_MS = 2 * RECEIVER_TIMEOUT_MS;

/** The profile `payscore-conformance receiver` writes with its default --data-dir. */
export const DEFAULT_PROFILE = `${DEFAULT_RECEIVER_DATA_DIR}/${RECEIVER_FILES.profile}`;

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

const OPTIONS = { ...SUITE_FLAGS, receiver: { type: 'string' }, quiet: { type: 'boolean' } } as const;

export function parseNotifyArgs(argv: string[]) {
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

export type NotifyArgs = ReturnType<typeof parseNotifyArgs>;

export const NOTIFY_COMMAND_LINE: CommandLine<NotifyArgs> = {
  parse: parseNotifyArgs,
  usage: () => NOTIFY_USAGE,
  onError: 'full',
};
