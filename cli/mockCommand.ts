import { join, resolve } from 'node:path';
import { callerOf, passiveAudit } from '../clientAudit';
import {
  DEFAULT_HELPER_NICE,
  HTTP_TIMEOUTS,
  announceWorker,
  faultCatalogue,
  isMockWorker,
  leaveWorkerPool,
  lowerHelperThreadPriority,
  readingCatalogue,
  runWorkerPool,
  startStandaloneMock,
} from '../mock';
import { commandOutput, type CommandIo } from './commandOutput';
import { EXIT } from './exitCodes';
import { parseMockArgs } from './mockArgs';
import { readCommandLine } from './readCommandLine';
import { untilStopped } from './untilStopped';

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

export type MockCommandIo = CommandIo;

/** `payscore-conformance mock`: 0 after a clean stop, 2 for a bad flag or a start failure. */
export async function mockCommand(argv: string[], io: MockCommandIo = {}): Promise<number> {
  const output = commandOutput('mock', io);
  const { out, err } = output;
  const args = readCommandLine(argv, parseMockArgs, { usage: mockUsage, onError: 'pointer' }, output);
  if (typeof args === 'number') return args;
  const { helperNice, workers } = args;
  const options = { ...args.options, ...(args.quiet ? {} : { logger: out }) };
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
  const audit =
    args.audit === undefined ? undefined : passiveAudit(resolve(args.audit), ['payscore-conformance', 'mock', ...argv]);
  let mock;
  try {
    mock = await startStandaloneMock({ ...options, ...(audit === undefined ? {} : { tap: audit.tap }) });
  } catch (error) {
    return output.problem(
      `cannot start on --host ${options.host} --port ${options.port} with --data-dir ${options.dataDir}: ${(error as Error).message}`,
    );
  }
  const priority = await lowerHelperThreadPriority(helperNice);
  if (priority.applied && priority.failed > 0)
    err(`payscore-conformance mock: --helper-nice: ${priority.failed} helper thread(s) kept their priority`);
  if (isMockWorker()) announceWorker(mock.url, mock.profilePath);
  else out(`payscore-conformance mock listening on ${mock.url} — profile ${mock.profilePath}`);
  if (mock.proxyUrl !== undefined)
    out(
      `payscore-conformance mock proxy on ${mock.proxyUrl} for https://api.mch.weixin.qq.com — trust ${mock.caPath ?? 'ca.pem'} (HTTPS_PROXY=${mock.proxyUrl})`,
    );
  const { mockConfig } = mock.server;
  if (mockConfig.console === true)
    out(`payscore-conformance mock console on ${mock.url}/__console (loopback callers only)`);
  audit?.bind(callerOf(mockConfig, mock.profile.platform.serial, options.keyMode, mockConfig.riskFundCap), mock.url);
  await untilStopped(io.signal, { onDisconnect: isMockWorker() });
  await mock.stop();
  const model = audit?.write();
  if (model !== undefined && args.audit !== undefined)
    out(
      `payscore-conformance mock: client report (${model.summary.failed} client rules failed) in ${resolve(args.audit)}`,
    );
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
