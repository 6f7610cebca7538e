import {
  RECEIVER_TIMEOUT_MS,
  RETRY_SCHEDULE_SECONDS,
  notificationEnvelope,
  signNotification,
  type PayscoreEvent,
} from '../../apiv3';
import type { PlatformKey } from '../config';
import { postOnce, type AttemptOutcome } from './postOnce';

export interface DeliveryRecord {
  id: string;
  event: PayscoreEvent;
  orderId: string;
  url: string;
  attempts: Array<{ at: number } & AttemptOutcome>;
  /** pending → delivered | gave-up | skipped (not a loopback host) | cancelled (server closed). */
  status: 'pending' | 'delivered' | 'gave-up' | 'skipped' | 'cancelled';
}

export interface CallbackOptions {
  platformKey: () => PlatformKey;
  apiV3Key: Buffer;
  /** Business clock ms (create_time) and wall clock ms (signature timestamp). */
  now: () => number;
  wallClock: () => number;
  delayScale?: number;
  timeoutMs?: number;
  anyHost?: boolean;
}

export interface CallbackDispatcher {
  notify(event: PayscoreEvent, order: Record<string, unknown>, notifyUrl: string): DeliveryRecord;
  deliveries(): DeliveryRecord[];
  /** Resolves when no delivery is pending. */
  settle(): Promise<void>;
  close(): void;
}

const isLoopbackHost = (host: string): boolean => /^(127\.\d+\.\d+\.\d+|localhost|\[::1\])$/i.test(host);

export function createCallbackDispatcher(options: CallbackOptions): CallbackDispatcher {
  const records: DeliveryRecord[] = [];
  const running = new Set<Promise<void>>();
  const abort = new AbortController();
  const scale = options.delayScale ?? 1;
  const wait = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      abort.signal.addEventListener(
        'abort',
        () => {
          clearTimeout(timer);
          resolve();
        },
        { once: true },
      );
    });

  async function deliver(record: DeliveryRecord, body: string): Promise<void> {
    const url = new URL(record.url);
    for (let attempt = 0; attempt <= RETRY_SCHEDULE_SECONDS.length; attempt++) {
      if (attempt > 0) await wait((RETRY_SCHEDULE_SECONDS[attempt - 1] ?? 0) * 1000 * scale);
      if (abort.signal.aborted) {
        record.status = 'cancelled';
        return;
      }
      const key = options.platformKey();
      const headers = signNotification({
        body,
        privateKey: key.privateKey,
        serial: key.serial,
        timestamp: Math.floor(options.wallClock() / 1000),
      });
      const outcome = await postOnce(url, body, headers, options.timeoutMs ?? RECEIVER_TIMEOUT_MS, abort.signal);
      record.attempts.push({ at: options.wallClock(), ...outcome });
      if ('status' in outcome && outcome.status >= 200 && outcome.status < 300) {
        record.status = 'delivered';
        return;
      }
    }
    record.status = abort.signal.aborted ? 'cancelled' : 'gave-up';
  }

  return {
    notify(event, order, notifyUrl) {
      const envelope = notificationEnvelope(event, order, options.apiV3Key, options.now());
      const record: DeliveryRecord = {
        id: envelope.id,
        event,
        orderId: String(order['order_id']),
        url: notifyUrl,
        attempts: [],
        status: 'pending',
      };
      records.push(record);
      let url: URL | undefined;
      try {
        url = new URL(notifyUrl);
      } catch {
        url = undefined;
      }
      if (url === undefined || !/^https?:$/.test(url.protocol) || (!options.anyHost && !isLoopbackHost(url.hostname))) {
        record.status = 'skipped';
        return record;
      }
      const run = deliver(record, JSON.stringify(envelope)).finally(() => running.delete(run));
      running.add(run);
      return record;
    },
    deliveries: () => records.map((r) => ({ ...r, attempts: [...r.attempts] })),
    async settle() {
      while (running.size > 0) await Promise.all([...running]);
    },
    close: () => abort.abort(),
  };
}
