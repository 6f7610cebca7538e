import { join } from 'node:path';
import { createReceiver, type Receiver } from './createReceiver';
import { notificationLog, type NotificationLog } from './notificationLog';
import {
  loadOrInitReceiverDir,
  NOTIFY_PATH,
  RECEIVER_FILES,
  writeNotifyProfile,
  type ReceiverMaterial,
} from './receiverDataDir';
import type { ReceiverFaultName } from './receiverFaults';

export interface StartReceiverOptions {
  dataDir: string;
  host?: string;
  /** 0 = a free port. */
  port?: number;
  faults?: readonly ReceiverFaultName[];
  onAnswer?: (line: string) => void;
}

export interface RunningReceiver {
  /** The notify_url: http://host:port/notify. */
  url: string;
  profilePath: string;
  material: ReceiverMaterial;
  log: NotificationLog;
  receiver: Receiver;
  stop(): Promise<void>;
}

/**
 * The reference receiver on a data directory: keys made on first start and reused, notifications in
 * notifications.jsonl, and notify-profile.json rewritten with its URL, so `notify --profile` works at once.
 */
export async function startReceiver(options: StartReceiverOptions): Promise<RunningReceiver> {
  const { dataDir, host = '127.0.0.1', port = 9090, faults = [] } = options;
  const material = loadOrInitReceiverDir(dataDir);
  const log = notificationLog(join(dataDir, RECEIVER_FILES.notifications));
  const receiver = createReceiver({
    platformKeys: material.trusted,
    apiV3Key: material.apiV3Key,
    faults: new Set(faults),
    log,
    ...(options.onAnswer === undefined ? {} : { onAnswer: options.onAnswer }),
  });
  const url = `${await receiver.listen(port, host)}${NOTIFY_PATH}`;
  const profilePath = writeNotifyProfile(dataDir, material, url);
  return { url, profilePath, material, log, receiver, stop: () => receiver.close() };
}
