import {
  DEFAULT_HELPER_NICE,
  HTTP_TIMEOUTS,
  MAX_HELPER_NICE,
  faultCatalogue,
  isFaultName,
  isReadingName,
  readingCatalogue,
  workerCount,
  type FaultName,
  type KeyMode,
  type Latency,
  type ReadingName,
  type StandaloneOptions,
} from '../mock';
import { integerFlag } from './integerFlag';
import { parseFlags } from './parseFlags';
import type { CommandLine } from './readCommandLine';
import { UsageError } from './usageError';

const KEY_MODES: readonly KeyMode[] = ['public-key', 'certificate'];

const OPTIONS = {
  host: { type: 'string', default: '127.0.0.1' },
  port: { type: 'string', default: '8080' },
  'data-dir': { type: 'string', default: './.payscore/mock' },
  'risk-fund-cap': { type: 'string' },
  'rate-limit': { type: 'string' },
  latency: { type: 'string' },
  fault: { type: 'string', multiple: true, default: [] as string[] },
  reading: { type: 'string', multiple: true, default: [] as string[] },
  control: { type: 'boolean', default: false },
  'no-console': { type: 'boolean', default: false },
  audit: { type: 'string' },
  'key-mode': { type: 'string', default: 'public-key' },
  'helper-nice': { type: 'string', default: String(DEFAULT_HELPER_NICE) },
  'headers-timeout': { type: 'string', default: String(HTTP_TIMEOUTS.headersMs) },
  'request-timeout': { type: 'string', default: String(HTTP_TIMEOUTS.requestMs) },
  workers: { type: 'string', default: '1' },
  quiet: { type: 'boolean', default: false },
  tls: { type: 'boolean', default: false },
  proxy: { type: 'string' },
  help: { type: 'boolean', default: false },
} as const;

export type MockArgs =
  | { help: true }
  | {
      help: false;
      options: StandaloneOptions & { host: string; port: number; keyMode: KeyMode };
      helperNice: number;
      workers: number;
      quiet: boolean;
      /** mock --audit DIR: the caller's passive audit writes its client report there. */
      audit?: string;
    };

/** `--latency MS[,JITTER]`: whole milliseconds, the jitter at most the mean (an answer never waits less than 0). */
function latencyFlag(raw: string | undefined): Latency | undefined {
  if (raw === undefined) return undefined;
  const m = /^(\d{1,7})(?:,(\d{1,7}))?$/.exec(raw);
  const ms = Number(m?.[1]);
  const jitterMs = Number(m?.[2] ?? 0);
  if (m === null || jitterMs > ms)
    throw new UsageError(
      `--latency ${JSON.stringify(raw)}: expected MS or MS,JITTER in whole milliseconds with JITTER <= MS, e.g. 50 or 200,20`,
    );
  return { ms, jitterMs };
}

/** The mock's flags; --help wins over every other flag (the mock's usage is read before its flags are right). */
export function parseMockArgs(argv: string[]): MockArgs {
  const { values } = parseFlags(argv, { options: OPTIONS });
  if (values.help) return { help: true };
  const keyMode = values['key-mode'];
  if (!(KEY_MODES as readonly string[]).includes(keyMode))
    throw new UsageError(`--key-mode must be one of ${KEY_MODES.join(', ')}, got ${JSON.stringify(keyMode)}`);
  const unknown = values.fault.filter((name) => !isFaultName(name));
  if (unknown.length > 0) throw new UsageError(`--fault ${unknown.join(', ')}: no such fault; see --help for the list`);
  const readings = values.reading.includes('all') ? readingCatalogue().map((r) => r.name) : values.reading;
  const unknownReadings = readings.filter((name) => !isReadingName(name));
  if (unknownReadings.length > 0)
    throw new UsageError(`--reading ${unknownReadings.join(', ')}: no such reading; see --help for the list`);
  const riskFundCap = integerFlag('risk-fund-cap', values['risk-fund-cap'], 1);
  const rateLimit = integerFlag('rate-limit', values['rate-limit'], 0);
  const latency = latencyFlag(values.latency);
  const helperNice = integerFlag('helper-nice', values['helper-nice'], 0, MAX_HELPER_NICE) ?? DEFAULT_HELPER_NICE;
  const headersTimeoutMs = integerFlag('headers-timeout', values['headers-timeout'], 1) ?? HTTP_TIMEOUTS.headersMs;
  const requestTimeoutMs = integerFlag('request-timeout', values['request-timeout'], 1) ?? HTTP_TIMEOUTS.requestMs;
  if (requestTimeoutMs < headersTimeoutMs)
    throw new UsageError(
      `--request-timeout ${requestTimeoutMs} must be at least --headers-timeout ${headersTimeoutMs}`,
    );
  const workers = workerCount(values.workers) ?? 0;
  if (workers === 0)
    throw new UsageError(`--workers must be a whole number from 1 or auto, got ${JSON.stringify(values.workers)}`);
  if (workers > 1 && values.audit !== undefined)
    throw new UsageError(
      `--workers ${values.workers} cannot be combined with --audit: each process would judge only its own requests`,
    );
  if (workers > 1 && (values.control || rateLimit !== undefined))
    throw new UsageError(
      `--workers ${values.workers} cannot be combined with ${values.control ? '--control' : '--rate-limit'}: that state lives in each process`,
    );
  const proxyPort = integerFlag('proxy', values.proxy, 0, 65535);
  if (workers > 1 && (values.tls || proxyPort !== undefined))
    throw new UsageError(
      `--workers ${values.workers} cannot be combined with ${values.tls ? '--tls' : '--proxy'}: run the sandbox's TLS side in one process`,
    );
  const options = {
    dataDir: values['data-dir'],
    host: values.host,
    port: integerFlag('port', values.port, 0, 65535) ?? 0,
    keyMode: keyMode as KeyMode,
    faults: values.fault as FaultName[],
    readings: readings as ReadingName[],
    control: values.control,
    // Each worker would show only its own requests: the console is for one process.
    console: !values['no-console'] && workers === 1,
    headersTimeoutMs,
    requestTimeoutMs,
    ...(riskFundCap === undefined ? {} : { riskFundCap }),
    ...(rateLimit === undefined ? {} : { rateLimit }),
    ...(values.tls ? { tls: true } : {}),
    ...(proxyPort === undefined ? {} : { proxyPort }),
    ...(latency === undefined ? {} : { latency }),
  };
  return {
    help: false,
    options,
    helperNice,
    workers,
    quiet: values.quiet,
    ...(values.audit === undefined ? {} : { audit: values.audit }),
  };
}

export function mockUsage(): string {
  const faults = faultCatalogue()
    .map((f) => `    ${f.name.padEnd(32)} ${f.ruleId.padEnd(22)} ${f.description}`)
    .join('\n');
  const readings = readingCatalogue()
    .map((r) => `    ${r.name.padEnd(32)} ${r.description}\n${' '.repeat(37)}rules: ${r.rules.join(', ')}`)
    .join('\n');
  return `payscore-conformance mock — the reference mock of POST /v3/payscore/acquiringbank/serviceorder

Usage: payscore-conformance mock [options]

Options:
  --host HOST            address to listen on (default 127.0.0.1)
  --port N               port (default 8080; 0 = a free port)
  --data-dir DIR         keys, profile.json and the SQLite orders (default ./.payscore/mock)
  --risk-fund-cap FEN    the service's risk-fund cap in fen (default 500000)
  --rate-limit N         requests per second per mchid; beyond it 429 FREQUENCY_LIMITED (default: no limit)
  --latency MS[,JITTER]  every answer waits MS ms, give or take up to JITTER ms (JITTER <= MS): a distant
                         WeChat Pay in the sandbox, or a slow one for a client's timeouts (default: none)
  --fault NAME           turn on a named defect (repeatable); see the list below
  --reading NAME         behave as another correct implementation may, where the sources leave room
                         (repeatable; all = every reading); the profile is then not marked referenceMock
  --control              enable the control interface under /__control/ (loopback callers only)
  --no-console           do not serve the live console at /__console (loopback callers only): the requests as
                         they arrive with their signature diagnosis and client-rule findings, the orders, the
                         faults and readings to switch for the next requests, the client report to download
                         (one process: off with --workers N)
  --audit DIR            the caller's passive audit: judge every request by the client rules (CLIENT-*) and
                         write the client report into DIR when the mock stops and on GET /__control/audit
  --key-mode MODE        public-key (PUB_KEY_ID_…) or certificate (platform certificate serial) (default public-key)
  --helper-nice N        run the threads that sign and verify N nice levels below the event loop, so that
                         parsing and answering keep their core (Linux; default ${DEFAULT_HELPER_NICE}; 0 = leave them)
  --headers-timeout MS   a request's headers must arrive within MS ms, or it is answered 400 and closed (default ${HTTP_TIMEOUTS.headersMs})
  --request-timeout MS   the whole request, body included, within MS ms (default ${HTTP_TIMEOUTS.requestMs}; at least --headers-timeout)
  --workers N|auto       worker processes sharing the port and one SQLite file (WAL), where idempotency
                         and nonce replay are decided; auto = one per CPU (default 1). Not with --control
                         or --rate-limit, whose state is per process
  --tls                  serve HTTPS: a local CA is made in the data dir on first start (ca.pem; its key
                         ca_key.pem never leaves it) and certifies 127.0.0.1, localhost, api.mch.weixin.qq.com
                         and api2.mch.weixin.qq.com; the profile gets an https baseUrl and tls.caPath
  --proxy PORT           also run an HTTP CONNECT proxy on 127.0.0.1:PORT (0 = a free port) that answers
                         https://api.mch.weixin.qq.com and https://api2.mch.weixin.qq.com with this mock
                         (clients trust <data-dir>/ca.pem) and refuses every other host: it forwards nothing
  --quiet                no request log lines
  --help                 this text

Faults (name, the rule it breaks, what it does):
${faults}

Readings (name, what it does, the rules whose room it uses):
${readings}

On start it prints the URL and the profile path; use them with
  payscore-conformance run --profile <data-dir>/profile.json
It stops cleanly on SIGINT or SIGTERM.`;
}

export const MOCK_COMMAND_LINE: CommandLine<MockArgs> = { parse: parseMockArgs, usage: mockUsage, onError: 'pointer' };
