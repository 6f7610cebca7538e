import {
  DEFAULT_RECEIVER_DATA_DIR,
  isReceiverFaultName,
  receiverFaultCatalogue,
  RECEIVER_FILES,
  type ReceiverFaultName,
} from '../receiver';
import { integerFlag } from './integerFlag';
import { parseFlags } from './parseFlags';
import type { CommandLine } from './readCommandLine';
import { UsageError } from './usageError';

const DEFAULTS = { host: '127.0.0.1', port: '9090', dataDir: DEFAULT_RECEIVER_DATA_DIR } as const;

const OPTIONS = {
  host: { type: 'string', default: DEFAULTS.host },
  port: { type: 'string', default: DEFAULTS.port },
  'data-dir': { type: 'string', default: DEFAULTS.dataDir },
  fault: { type: 'string', multiple: true, default: [] as string[] },
  quiet: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

export function receiverUsage(): string {
  const faults = receiverFaultCatalogue()
    .map((f) => `    ${f.name.padEnd(22)} ${f.ruleId.padEnd(20)} ${f.description}`)
    .join('\n');
  return `payscore-conformance receiver — the reference notify_url receiver of PayScore notifications

Verifies each notification's signature (by Wechatpay-Serial, with the WeChat Pay public key or the
platform certificate), decrypts its AEAD_AES_256_GCM resource with the APIv3 key, records each
distinct notification once (<data-dir>/${RECEIVER_FILES.notifications}) and answers 204; anything else
is a 4XX with {"code":"FAIL","message":"失败"}.

Usage: payscore-conformance receiver [options]

Options:
  --host HOST        address to listen on (default ${DEFAULTS.host})
  --port N           port (default ${DEFAULTS.port}; 0 = a free port)
  --data-dir DIR     test keys, the APIv3 key, ${RECEIVER_FILES.profile} and the notifications (default ${DEFAULTS.dataDir})
  --fault NAME       turn on a named defect (repeatable); see the list below
  --quiet            no line per notification
  -h, --help         this text

Faults (name, the rule it breaks, what it does):
${faults}

On start it prints its URL and the profile path; send to it with
  payscore-conformance notify --profile <data-dir>/${RECEIVER_FILES.profile}
It stops cleanly on SIGINT or SIGTERM.`;
}

export function parseReceiverArgs(argv: string[]) {
  const { values } = parseFlags(argv, { options: OPTIONS });
  if (values.help) return { help: true } as const;
  const port = integerFlag('port', values.port, 0, 65535) ?? 0;
  const unknown = values.fault.filter((name) => !isReceiverFaultName(name));
  if (unknown.length > 0) throw new UsageError(`--fault ${unknown.join(', ')}: no such fault; see --help for the list`);
  return {
    help: false,
    host: values.host,
    port,
    dataDir: values['data-dir'],
    faults: values.fault as ReceiverFaultName[],
    quiet: values.quiet,
  } as const;
}

export type ReceiverArgs = ReturnType<typeof parseReceiverArgs>;

export const RECEIVER_COMMAND_LINE: CommandLine<ReceiverArgs> = {
  parse: parseReceiverArgs,
  usage: receiverUsage,
  onError: 'pointer',
};
