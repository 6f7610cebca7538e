import { randomBytes } from 'node:crypto';
import { curlTlsOf, renderCurl, tlsAgentOptions, type LoadedNotifyProfile } from '../client';
import { rule } from '../specification';
import { verdictOf, type EvidenceRecord, type Finding } from '../judgement';
import { deliveryCases, encryptionCases, signatureCases, type NotificationCase } from './cases';
import { judgeCase } from './judgeCase';
import { notifyKit, type Delivery } from './notifyKit';
import { orderResources } from './orderResources';
import { postNotification, type ReceiverAnswerSeen } from './postNotification';

export const NOTIFY_SUITE = 'notify';
/** Cases in flight at once: the deadline cases of a slow receiver overlap instead of adding up. */
const CONCURRENCY = 4;
const CURL_BODY_LIMIT = 4096;

export interface NotifyRunOptions {
  profile: LoadedNotifyProfile;
  seed: number;
  /** Rule IDs; empty = every case. */
  only: readonly string[];
  /** How long to wait for one answer (the deadline is judged separately, RECV-DEADLINE). */
  timeoutMs: number;
  /** The command that replays a case, for reproductions. */
  replay: string;
  onResult?: (result: CaseResult) => void;
}

export interface CaseResult {
  title: string;
  ruleId: string;
  answers: ReceiverAnswerSeen[];
  findings: Finding[];
  records: EvidenceRecord[];
  /** Whether a record of the case failed (warnings and informational records do not fail it). */
  failed: boolean;
  latencyMs: number;
}

/** Every case of the receiver suite, in a stable order. */
export function notifyCases(profile: LoadedNotifyProfile, seed: number, now: number = Date.now()): NotificationCase[] {
  const kit = notifyKit(profile, randomBytes(6).toString('hex'));
  const orders = orderResources(profile, seed, now);
  return [deliveryCases, signatureCases, encryptionCases].flatMap((build) => build(kit, orders));
}

function selected(c: NotificationCase, only: readonly string[]): boolean {
  if (only.length === 0 || only.includes(c.ruleId)) return true;
  return only.includes('RECV-FAIL-BODY') && (c.answer ?? rule(c.ruleId).receiverAnswer) === 'reject';
}

function curlOf(url: string, d: Delivery, trust: LoadedNotifyProfile['tlsTrust']): string {
  if (d.body.length > CURL_BODY_LIMIT) return `(a body of ${d.body.length} bytes, not shown; replay the case)`;
  return renderCurl(
    { method: 'POST', url, pathWithQuery: new URL(url).pathname, headers: d.headers, body: d.body },
    { tls: curlTlsOf(trust) },
  );
}

function detail(
  c: NotificationCase,
  title: string,
  finding: Finding,
  url: string,
  deliveries: Delivery[],
  options: NotifyRunOptions,
): string {
  const r = rule(finding.ruleId);
  const last = deliveries[deliveries.length - 1];
  return [
    `${r.id} [${r.basis}] failed — case: ${title}`,
    `  rule: ${r.text}`,
    `  what: ${finding.seen ?? ''}`,
    `  replay: ${options.replay} --seed ${options.seed} --only ${c.ruleId}`,
    ...(last === undefined
      ? []
      : ['  curl (the signature is valid for 5 minutes):', `    ${curlOf(url, last, options.profile.tlsTrust)}`]),
  ].join('\n');
}

async function runCase(c: NotificationCase, options: NotifyRunOptions): Promise<CaseResult> {
  const title = `${c.ruleId} ${c.name}`;
  const url = options.profile.receiverUrl;
  const deliveries = c.deliveries();
  const answers: ReceiverAnswerSeen[] = [];
  const tls = tlsAgentOptions(options.profile.tlsTrust);
  for (const d of deliveries) answers.push(await postNotification(url, d, options.timeoutMs, tls));
  const findings = judgeCase(c, answers);
  const records: EvidenceRecord[] = findings.map((f) => {
    const verdict = verdictOf(f, {
      targetKind: options.profile.referenceReceiver ? 'mock' : 'foreign',
      downgraded: options.profile.downgrade,
    });
    return {
      testRuleId: c.ruleId,
      testTitle: `${title} — ${answers.map((a) => (a.status === undefined ? (a.error?.kind ?? 'no answer') : String(a.status))).join(', ')} in ${answers.map((a) => a.latencyMs).join(' + ')} ms`,
      suite: NOTIFY_SUITE,
      ruleId: f.ruleId,
      verdict,
      exchanges: answers.length,
      seed: options.seed,
      ...(verdict === 'passed' ? {} : { detail: detail(c, title, f, url, deliveries, options) }),
    };
  });
  const latencyMs = Math.round(answers.reduce((sum, a) => sum + a.latencyMs, 0) * 10) / 10;
  return {
    title,
    ruleId: c.ruleId,
    answers,
    findings,
    records,
    failed: records.some((r) => r.verdict === 'failed'),
    latencyMs,
  };
}

/** Sends every selected case (CONCURRENCY at a time) and judges each answer; results in case order. */
export async function runNotifySuite(options: NotifyRunOptions): Promise<CaseResult[]> {
  const cases = notifyCases(options.profile, options.seed).filter((c) => selected(c, options.only));
  const results: CaseResult[] = new Array<CaseResult>(cases.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    for (let i = next++; i < cases.length; i = next++) {
      const result = await runCase(cases[i]!, options);
      results[i] = result;
      options.onResult?.(result);
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, cases.length) }, worker));
  return results;
}
