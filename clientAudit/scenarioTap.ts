import type { ServerResponse } from 'node:http';
import type { KeyObject } from 'node:crypto';
import { signResponse } from '../apiv3';
import type { TappedAnswer, TappedRequest, WireTap } from '../mock';
import { answerSeen, type ClientSession, type Exchange } from './clientSession';
import type { Scenario } from './scenarios';

/** A key the caller was never given: signs the answers of the unknown-serial scenario. */
export interface StrangerKey {
  serial: string;
  privateKey: KeyObject;
}

export interface TapOptions {
  /** How long slow-first holds the first answer when the caller does not give up first, ms. */
  holdMs: number;
  stranger: StrangerKey;
}

/** Writes an answer as the mock does: head and body at once. */
export function writeWhole(res: ServerResponse, answer: TappedAnswer, extra: Record<string, string> = {}): void {
  res.writeHead(answer.status, { ...answer.headers, ...extra });
  res.end(answer.body);
}

/** The same bytes without Content-Length, so node:http sends them chunked, in three pieces. */
async function writeChunked(res: ServerResponse, answer: TappedAnswer): Promise<void> {
  const { ['Content-Length']: _length, ...headers } = answer.headers;
  res.writeHead(answer.status, headers);
  const bytes = Buffer.from(answer.body, 'utf8');
  const third = Math.ceil(bytes.length / 3);
  for (let at = 0; at < bytes.length; at += third) {
    res.write(bytes.subarray(at, at + third));
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  res.end();
}

/** Resolves when the caller closes the connection or `ms` passes; true when the caller gave up. */
const heldUntil = (res: ServerResponse, ms: number): Promise<boolean> =>
  new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    res.once('close', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });

function resigned(answer: TappedAnswer, stranger: StrangerKey): TappedAnswer {
  const headers = signResponse({
    body: answer.body,
    privateKey: stranger.privateKey,
    serial: stranger.serial,
    timestamp: Math.floor(Date.now() / 1000),
  });
  return { ...answer, headers: { ...answer.headers, ...headers } };
}

/** The wire seam of one run: judges each request as it arrives, answers and delivers as the scenario says. */
export function scenarioTap(
  scenario: Scenario,
  session: ClientSession,
  options: TapOptions,
): { tap: WireTap; exchanges: Exchange[] } {
  const exchanges: Exchange[] = [];
  const byRequest = new WeakMap<TappedRequest, Exchange>();
  const tap: WireTap = {
    arrived(request) {
      const exchange = session.judge(request);
      exchanges.push(exchange);
      byRequest.set(request, exchange);
      if (scenario.every !== undefined) return scenario.every;
      return exchanges.length === 1 ? scenario.first : undefined;
    },
    async deliver(request, answer, res) {
      const exchange = byRequest.get(request);
      const first = exchange === exchanges[0];
      let cut = false;
      switch (scenario.delivery ?? 'whole') {
        case 'chunked':
          await writeChunked(res, answer);
          break;
        case 'drop-first':
          if (first) {
            cut = true;
            res.socket?.destroy();
          } else writeWhole(res, answer);
          break;
        case 'slow-first':
          if (first && (await heldUntil(res, options.holdMs))) cut = true;
          else writeWhole(res, answer);
          break;
        case 'unknown-serial':
          writeWhole(res, resigned(answer, options.stranger));
          break;
        case 'close':
          writeWhole(res, answer, { Connection: 'close' });
          break;
        case 'whole':
          writeWhole(res, answer);
      }
      if (exchange !== undefined)
        exchange.answer = { ...answerSeen(answer.status, answer.body, Date.now()), ...(cut ? { cut: true } : {}) };
    },
  };
  return { tap, exchanges };
}
