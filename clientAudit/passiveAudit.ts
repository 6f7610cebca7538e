import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FOREIGN_PARTY, verdictOf, type AuditModel } from '../judgement';
import type { WireTap } from '../mock';
import { answerSeen, createClientSession, type ClientSession, type CallerExchange } from './clientSession';
import { CLIENT_REPORT_FILES, writeClientReports, type ClientCase } from './clientReports';
import type { CallerProfile } from './judgeRequest';
import { writeWhole } from './scenarioTap';
import { sessionExamples, LATEST_EXAMPLES, type SessionExamples } from './sessionExamples';

export interface PassiveAudit {
  /** The mock's wire seam: judges every endpoint request, delivers every answer unchanged. */
  tap: WireTap;
  /** The caller the requests are judged as: known once the mock has its keys. */
  bind(caller: CallerProfile, target: string): void;
  /** Writes the client report into the folder; answers its summary. */
  write(): AuditModel | undefined;
}

const withCode = (e: CallerExchange): string =>
  e.answer === undefined ? 'no answer' : `${e.answer.status}${e.answer.code === undefined ? '' : ` ${e.answer.code}`}`;

/** One kept request of the session as a case of the client report: an example of the rules in `of`. */
function requestCase(
  e: CallerExchange,
  of: readonly string[],
  examples: SessionExamples,
  counted: Set<string>,
): ClientCase {
  const broken = e.findings.find((f) => verdictOf(f, FOREIGN_PARTY) === 'failed');
  const counts = examples.counts();
  // The session's totals go with the first example of each rule; the other examples are already counted there.
  const totals: ClientCase['counted'] = {};
  for (const ruleId of new Set(e.findings.map((f) => f.ruleId))) {
    totals[ruleId] = counted.has(ruleId) ? { judged: 0, failed: 0 } : (counts.get(ruleId) ?? { judged: 0, failed: 0 });
    counted.add(ruleId);
  }
  const stands = of
    .map((ruleId) => {
      const c = counts.get(ruleId);
      return c === undefined ? ruleId : `${ruleId} (${c.failed} of ${c.judged} requests broke it)`;
    })
    .join(', ');
  return {
    title: `request ${e.index}: ${e.request.method} ${e.request.url}${e.outOrderNo === undefined ? '' : ` out_order_no ${e.outOrderNo}`} → ${withCode(e)}`,
    ruleId: broken?.ruleId ?? 'CLIENT-SIGNATURE',
    findings: e.findings.map((f) => ({ ...f, where: `request ${e.index}` })),
    context: [
      `received: ${new Date(e.request.receivedAt).toISOString()}`,
      `kept as an example of ${stands}: per rule the first request that passed it, the first that broke it and the latest ${LATEST_EXAMPLES} that did`,
    ],
    latencyMs: e.answer === undefined ? 0 : Math.max(0, e.answer.sentAt - e.request.receivedAt),
    counted: totals,
  };
}

/**
 * `mock --audit DIR`: a merchant's own integration run becomes a client audit. Every request that reaches
 * the endpoint is judged by the request-side client rules, nonce and out_order_no reuse across the whole
 * session; the report is written on `GET /__control/audit` and when the mock stops. Memory and the report are
 * bounded however long the session: counts per rule, and a few example requests (sessionExamples.ts).
 */
export function passiveAudit(dir: string, commandLine: string[]): PassiveAudit {
  const startedAt = new Date().toISOString();
  let session: ClientSession | undefined;
  let url = '';
  const examples = sessionExamples();
  const byRequest = new WeakMap<object, CallerExchange>();
  const write = (): AuditModel | undefined => {
    if (session === undefined) return undefined;
    const { caller } = session;
    const counted = new Set<string>();
    const cases = examples.examples().map(({ exchange, of }) => requestCase(exchange, of, examples, counted));
    return writeClientReports(dir, cases, {
      url,
      target: `the callers of the mock at ${url}`,
      seed: 0,
      mchid: caller.mchid,
      merchantSerialNo: caller.merchantSerial,
      platformSerial: caller.platformSerials[0] ?? '',
      startedAt,
      commandLine,
    });
  };
  const tap: WireTap = {
    arrived(request) {
      const exchange = session?.judge(request);
      if (exchange !== undefined) {
        byRequest.set(request, exchange);
        examples.add(exchange);
      }
      return undefined;
    },
    deliver(request, answer, res) {
      writeWhole(res, answer);
      const exchange = byRequest.get(request);
      if (exchange !== undefined) exchange.answer = answerSeen(answer.status, answer.body, Date.now());
    },
    findingsOf: (request) => byRequest.get(request)?.findings,
    clientReport() {
      if (write() === undefined) return undefined;
      return { fileName: CLIENT_REPORT_FILES.html, html: readFileSync(join(dir, CLIENT_REPORT_FILES.html), 'utf8') };
    },
    audit() {
      const model = write();
      return {
        requests: examples.requests,
        summary: model?.summary,
        reports: Object.values(CLIENT_REPORT_FILES).map((f) => `${dir}/${f}`),
      };
    },
  };
  return {
    tap,
    bind(caller, mockUrl) {
      session = createClientSession(caller, { keep: false });
      url = mockUrl;
    },
    write,
  };
}
