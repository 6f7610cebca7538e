import { startReceiver } from '../receiver';
import { EXIT, toolError } from '../toolErrors';
import { commandOutput, type CommandIo } from './commandOutput';
import { readCommandLine } from './readCommandLine';
import { RECEIVER_COMMAND_LINE } from './receiverArgs';
import { untilStopped } from './untilStopped';

export type ReceiverCommandIo = CommandIo;

/** `payscore-conformance receiver`: 0 after a clean stop, 2 for a bad flag or a start failure. */
export async function receiverCommand(argv: string[], io: ReceiverCommandIo = {}): Promise<number> {
  const output = commandOutput('receiver', io);
  const { out } = output;
  const values = readCommandLine(argv, RECEIVER_COMMAND_LINE, output);
  if (typeof values === 'number') return values;
  let running;
  try {
    running = await startReceiver({
      dataDir: values.dataDir,
      host: values.host,
      port: values.port,
      faults: values.faults,
      ...(values.quiet ? {} : { onAnswer: out }),
    });
  } catch (error) {
    return output.fail(
      toolError('PSC_SERVER_START', values.host, values.port, values.dataDir, (error as Error).message),
    );
  }
  out(`payscore-conformance receiver listening on ${running.url} — profile ${running.profilePath}`);
  await untilStopped(io.signal);
  await running.stop();
  return EXIT.OK;
}
