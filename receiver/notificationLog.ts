import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { ReceivedNotification } from './judgeNotification';

/** What a receiver keeps: each distinct notification once, by id (duplicates are answered, not re-recorded). */
export interface NotificationLog {
  /** 'new' the first time an id is seen, 'duplicate' afterwards. */
  record(notification: ReceivedNotification, receivedAt: number): 'new' | 'duplicate';
  count(): number;
  all(): ReceivedNotification[];
}

/** A log in memory, appended to a JSONL file when `path` is given (and read back on start). */
export function notificationLog(path?: string): NotificationLog {
  const entries = new Map<string, ReceivedNotification>();
  if (path !== undefined && existsSync(path)) {
    for (const line of readFileSync(path, 'utf8').split('\n')) {
      if (line.trim() === '') continue;
      const entry = JSON.parse(line) as ReceivedNotification;
      entries.set(entry.id, entry);
    }
  }
  if (path !== undefined) mkdirSync(dirname(path), { recursive: true });
  return {
    record(notification, receivedAt) {
      if (entries.has(notification.id)) return 'duplicate';
      entries.set(notification.id, notification);
      if (path !== undefined)
        appendFileSync(
          path,
          `${JSON.stringify({ ...notification, received_at: new Date(receivedAt).toISOString() })}\n`,
        );
      return 'new';
    },
    count: () => entries.size,
    all: () => [...entries.values()],
  };
}
