import { parseArgs } from 'node:util';
import { EXIT } from './exitCodes';
import { untilStopped } from './untilStopped';
import {
  DEFAULT_RECEIVER_DATA_DIR,
  isReceiverFaultName,
  receiverFaultCatalogue,
  RECEIVER_FILES,
  startReceiver,
  type ReceiverFaultName,
} from '../receiver';

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

export interface ReceiverCommandIo {
  out?: (line: string) => void;
  err?: (line: string) => void;
  /** Stops the receiver as SIGINT/SIGTERM would (tests). */
  signal?: AbortSignal;
}

/** `payscore-conformance receiver`: 0 after a clean stop, 2 for a bad flag or a start failure. */
export async function receiverCommand(argv: string[], io: ReceiverCommandIo = {}): Promise<number> {
  const out = io.out ?? ((line: string) => console.log(line));
  const err = io.err ?? ((line: string) => console.error(line));
  const usage = (message: string): number => {
    err(`payscore-conformance receiver: ${message}\n(see payscore-conformance receiver --help)`);
    return EXIT.PROBLEM;
  };
  let values;
  try {
    values = parseArgs({ args: argv, options: OPTIONS, strict: true, allowPositionals: false }).values;
  } catch (error) {
    return usage((error as Error).message);
  }
  if (values.help) {
    out(receiverUsage());
    return EXIT.OK;
  }
  const port = Number(values.port);
  if (!/^\d+$/.test(values.port) || port > 65535)
    return usage(`--port must be an integer from 0 to 65535, got ${JSON.stringify(values.port)}`);
  const unknown = values.fault.filter((name) => !isReceiverFaultName(name));
  if (unknown.length > 0) return usage(`--fault ${unknown.join(', ')}: no such fault; see --help for the list`);
  let running;
  try {
    running = await startReceiver({
      dataDir: values['data-dir'],
      host: values.host,
      port,
      faults: values.fault as ReceiverFaultName[],
      ...(values.quiet ? {} : { onAnswer: out }),
    });
  } catch (error) {
    err(
      `payscore-conformance receiver: cannot start on --host ${values.host} --port ${values.port} with --data-dir ${values['data-dir']}: ${(error as Error).message}`,
    );
    return EXIT.PROBLEM;
  }
  out(`payscore-conformance receiver listening on ${running.url} — profile ${running.profilePath}`);
  await untilStopped(io.signal);
  await running.stop();
  return EXIT.OK;
}
