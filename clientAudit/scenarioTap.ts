import type { ServerResponse } from 'node:http';
import type { TappedAnswer, TappedRequest, WireTap } from '../mock';
import { answerForm, resigned, type SigningKey } from './answerForms';
import { answerSeen, type ClientSession, type CallerExchange } from './clientSession';
import type { Scenario, ScenarioError } from './scenarios';

/** A key the caller was never given: signs the answers of the unknown-serial scenario. */
export type StrangerKey = SigningKey;

export interface TapOptions {
  /** How long hold-first holds the first answer when the caller does not give up first, ms. */
  holdMs: number;
  stranger: StrangerKey;
  /** The mock's own platform key: re-signs the answers a scenario puts in another form, validly. */
  platform: SigningKey;
}

const SECOND_MS = 1000;

/** Writes an answer as the mock does: head and body at once. */
export function writeWhole(res: ServerResponse, answer: TappedAnswer, extra: Record<string, string> = {}): void {
  res.writeHead(answer.status, { ...answer.headers, ...extra });
  res.end(answer.body);
}

/** Where a chunked body is cut: in three pieces, or right after the first byte of each multi-byte character. */
function cuts(bytes: Buffer, splitUtf8: boolean): number[] {
  if (!splitUtf8) {
    const third = Math.ceil(bytes.length / 3);
    return [third, 2 * third].filter((at) => at < bytes.length);
  }
  const inside: number[] = [];
  bytes.forEach((b, at) => {
    if (b >= 0xc0) inside.push(at + 1);
  });
  return inside.length > 0 ? inside : cuts(bytes, false);
}

/** The same bytes without Content-Length, so node:http sends them chunked, in pieces. */
async function writeChunked(res: ServerResponse, answer: TappedAnswer, splitUtf8 = false): Promise<void> {
  const headers = Object.fromEntries(
    Object.entries(answer.headers).filter(([k]) => k.toLowerCase() !== 'content-length'),
  );
  res.writeHead(answer.status, headers);
  const bytes = Buffer.from(answer.body, 'utf8');
  let from = 0;
  for (const at of [...cuts(bytes, splitUtf8), bytes.length]) {
    res.write(bytes.subarray(from, at));
    from = at;
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

/** The wire seam of one run: judges each request as it arrives, answers and delivers as the scenario says. */
export function scenarioTap(
  scenario: Scenario,
  session: ClientSession,
  options: TapOptions,
): { tap: WireTap; exchanges: CallerExchange[] } {
  const exchanges: CallerExchange[] = [];
  const byRequest = new WeakMap<TappedRequest, CallerExchange>();
  let firstAt: number | undefined;
  const instead = (request: TappedRequest): ScenarioError | undefined => {
    firstAt ??= request.receivedAt;
    if (scenario.every !== undefined) return scenario.every;
    if (scenario.firstSecond !== undefined && request.receivedAt - firstAt < SECOND_MS) return scenario.firstSecond;
    return exchanges.length === 1 ? scenario.first : undefined;
  };
  const tap: WireTap = {
    arrived(request) {
      const exchange = session.judge(request);
      exchanges.push(exchange);
      byRequest.set(request, exchange);
      return instead(request);
    },
    async deliver(request, mockAnswer, res) {
      const answer = answerForm(mockAnswer, scenario, options.platform);
      const exchange = byRequest.get(request);
      const first = exchange === exchanges[0];
      // The caller gave up before the answer was ready (its own timeout, a loaded machine): it never got it.
      let cut = res.destroyed || res.socket === null || res.socket.destroyed;
      switch (scenario.transport ?? 'whole') {
        case 'chunked':
        case 'split-utf8':
          await writeChunked(res, answer, scenario.transport === 'split-utf8');
          break;
        case 'drop-first':
          if (first) {
            cut = true;
            res.socket?.destroy();
          } else writeWhole(res, answer);
          break;
        case 'hold-first':
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
