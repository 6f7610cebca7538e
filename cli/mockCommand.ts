import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { EXIT } from './exitCodes';
import { untilStopped } from './untilStopped';
import {
  DEFAULT_HELPER_NICE,
  HTTP_TIMEOUTS,
  MAX_HELPER_NICE,
  announceWorker,
  faultCatalogue,
  isFaultName,
  isMockWorker,
  isReadingName,
  leaveWorkerPool,
  lowerHelperThreadPriority,
  readingCatalogue,
  runWorkerPool,
  startStandaloneMock,
  workerCount,
  type FaultName,
  type KeyMode,
  type ReadingName,
} from '../mock';
import { UsageError } from './usageError';

const KEY_MODES: readonly KeyMode[] = ['public-key', 'certificate'];

const OPTIONS = {
  host: { type: 'string', default: '127.0.0.1' },
  port: { type: 'string', default: '8080' },
  'data-dir': { type: 'string', default: './.payscore/mock' },
  'risk-fund-cap': { type: 'string' },
  'rate-limit': { type: 'string' },
  fault: { type: 'string', multiple: true, default: [] as string[] },
  reading: { type: 'string', multiple: true, default: [] as string[] },
  control: { type: 'boolean', default: false },
  'key-mode': { type: 'string', default: 'public-key' },
  'helper-nice': { type: 'string', default: String(DEFAULT_HELPER_NICE) },
  'headers-timeout': { type: 'string', default: String(HTTP_TIMEOUTS.headersMs) },
  'request-timeout': { type: 'string', default: String(HTTP_TIMEOUTS.requestMs) },
  workers: { type: 'string', default: '1' },
  quiet: { type: 'boolean', default: false },
  help: { type: 'boolean', default: false },
} as const;

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
  --fault NAME           turn on a named defect (repeatable); see the list below
  --reading NAME         behave as another correct implementation may, where the sources leave room
                         (repeatable; all = every reading); the profile is then not marked referenceMock
  --control              enable the control interface under /__control/ (loopback callers only)
  --key-mode MODE        public-key (PUB_KEY_ID_…) or certificate (platform certificate serial) (default public-key)
  --helper-nice N        run the threads that sign and verify N nice levels below the event loop, so that
                         parsing and answering keep their core (Linux; default ${DEFAULT_HELPER_NICE}; 0 = leave them)
  --headers-timeout MS   a request's headers must arrive within MS ms, or it is answered 400 and closed (default ${HTTP_TIMEOUTS.headersMs})
  --request-timeout MS   the whole request, body included, within MS ms (default ${HTTP_TIMEOUTS.requestMs}; at least --headers-timeout)
  --workers N|auto       worker processes sharing the port and one SQLite file (WAL), where idempotency
                         and nonce replay are decided; auto = one per CPU (default 1). Not with --control
                         or --rate-limit, whose state is per process
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

function integer(
  flag: string,
  text: string | undefined,
  min: number,
  max = Number.MAX_SAFE_INTEGER,
): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!/^\d+$/.test(text) || value < min || value > max)
    throw new UsageError(`--${flag} must be an integer from ${min} to ${max}, got ${JSON.stringify(text)}`);
  return value;
}

export interface MockCommandIo {
  out?: (line: string) => void;
  err?: (line: string) => void;
  /** Stops the server as SIGINT/SIGTERM would (tests). */
  signal?: AbortSignal;
}

/** `payscore-conformance mock`: 0 after a clean stop, 2 for a bad flag or a start failure. */
export async function mockCommand(argv: string[], io: MockCommandIo = {}): Promise<number> {
  const out = io.out ?? ((line: string) => console.log(line));
  const err = io.err ?? ((line: string) => console.error(line));
  let options;
  let helperNice = DEFAULT_HELPER_NICE;
  let workers = 1;
  try {
    const { values } = parseArgs({ args: argv, options: OPTIONS, strict: true, allowPositionals: false });
    if (values.help) {
      out(mockUsage());
      return EXIT.OK;
    }
    const keyMode = values['key-mode'];
    if (!(KEY_MODES as readonly string[]).includes(keyMode))
      throw new UsageError(`--key-mode must be one of ${KEY_MODES.join(', ')}, got ${JSON.stringify(keyMode)}`);
    const unknown = values.fault.filter((name) => !isFaultName(name));
    if (unknown.length > 0)
      throw new UsageError(`--fault ${unknown.join(', ')}: no such fault; see --help for the list`);
    const readings = values.reading.includes('all') ? readingCatalogue().map((r) => r.name) : values.reading;
    const unknownReadings = readings.filter((name) => !isReadingName(name));
    if (unknownReadings.length > 0)
      throw new UsageError(`--reading ${unknownReadings.join(', ')}: no such reading; see --help for the list`);
    const riskFundCap = integer('risk-fund-cap', values['risk-fund-cap'], 1);
    const rateLimit = integer('rate-limit', values['rate-limit'], 0);
    helperNice = integer('helper-nice', values['helper-nice'], 0, MAX_HELPER_NICE) ?? DEFAULT_HELPER_NICE;
    const headersTimeoutMs = integer('headers-timeout', values['headers-timeout'], 1) ?? HTTP_TIMEOUTS.headersMs;
    const requestTimeoutMs = integer('request-timeout', values['request-timeout'], 1) ?? HTTP_TIMEOUTS.requestMs;
    if (requestTimeoutMs < headersTimeoutMs)
      throw new UsageError(
        `--request-timeout ${requestTimeoutMs} must be at least --headers-timeout ${headersTimeoutMs}`,
      );
    workers = workerCount(values.workers) ?? 0;
    if (workers === 0)
      throw new UsageError(`--workers must be a whole number from 1 or auto, got ${JSON.stringify(values.workers)}`);
    if (workers > 1 && (values.control || rateLimit !== undefined))
      throw new UsageError(
        `--workers ${values.workers} cannot be combined with ${values.control ? '--control' : '--rate-limit'}: that state lives in each process`,
      );
    options = {
      dataDir: values['data-dir'],
      host: values.host,
      port: integer('port', values.port, 0, 65535) ?? 0,
      keyMode: keyMode as KeyMode,
      faults: values.fault as FaultName[],
      readings: readings as ReadingName[],
      control: values.control,
      headersTimeoutMs,
      requestTimeoutMs,
      ...(riskFundCap === undefined ? {} : { riskFundCap }),
      ...(rateLimit === undefined ? {} : { rateLimit }),
      ...(values.quiet ? {} : { logger: out }),
    };
  } catch (error) {
    err(`payscore-conformance mock: ${(error as Error).message}\n(see payscore-conformance mock --help)`);
    return EXIT.PROBLEM;
  }
  if (workers > 1 && !isMockWorker()) {
    return runWorkerPool({
      workers,
      dataDir: options.dataDir,
      keyMode: options.keyMode,
      exec: BIN,
      args: ['mock', ...argv],
      out,
      err,
      stopped: untilStopped(io.signal, { onDisconnect: isMockWorker() }),
    });
  }
  let mock;
  try {
    mock = await startStandaloneMock(options);
  } catch (error) {
    err(
      `payscore-conformance mock: cannot start on --host ${options.host} --port ${options.port} with --data-dir ${options.dataDir}: ${(error as Error).message}`,
    );
    return EXIT.PROBLEM;
  }
  const priority = await lowerHelperThreadPriority(helperNice);
  if (priority.applied && priority.failed > 0)
    err(`payscore-conformance mock: --helper-nice: ${priority.failed} helper thread(s) kept their priority`);
  if (isMockWorker()) announceWorker(mock.url, mock.profilePath);
  else out(`payscore-conformance mock listening on ${mock.url} — profile ${mock.profilePath}`);
  await untilStopped(io.signal, { onDisconnect: isMockWorker() });
  await mock.stop();
  leaveWorkerPool();
  return EXIT.OK;
}

/**
 * The command as users start it, forked once per worker by `--workers N`: the compiled entry beside
 * this file in an installed package (dist/cli/bin.js), the TypeScript wrapper in a checkout.
 */
const BIN = __filename.endsWith('.js')
  ? join(__dirname, 'bin.js')
  : join(__dirname, '..', 'bin', 'payscore-conformance.js');
