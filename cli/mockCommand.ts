import { join, resolve } from 'node:path';
import { callerOf, passiveAudit } from '../clientAudit';
import {
  announceWorker,
  isMockWorker,
  leaveWorkerPool,
  lowerHelperThreadPriority,
  runWorkerPool,
  startStandaloneMock,
} from '../mock';
import { commandOutput, type CommandIo } from './commandOutput';
import { EXIT, toolError } from '../toolErrors';
import { MOCK_COMMAND_LINE } from './mockArgs';
import { readCommandLine } from './readCommandLine';
import { untilStopped } from './untilStopped';

export type MockCommandIo = CommandIo;

/** `payscore-conformance mock`: 0 after a clean stop, 2 for a bad flag or a start failure. */
export async function mockCommand(argv: string[], io: MockCommandIo = {}): Promise<number> {
  const output = commandOutput('mock', io);
  const { out, err } = output;
  const args = readCommandLine(argv, MOCK_COMMAND_LINE, output);
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
    return output.fail(
      toolError('PSC_SERVER_START', options.host, options.port, options.dataDir, (error as Error).message),
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
