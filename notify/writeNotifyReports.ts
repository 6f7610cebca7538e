import { buildAuditModel, caseJunit, provenanceOf, writeReportFiles, type AuditModel } from '../judgement';
import { ruleCatalogue } from '../specification';

import { RANDOM_ORDERS } from './orderResources';
import { NOTIFY_SUITE, type CaseResult } from './runNotifySuite';

/** Report file names are public (CI archives them); distinct from the create suite's, never overwriting them. */
export const NOTIFY_REPORT_FILES = {
  junit: 'junit-notify.xml',
  html: 'notify-report.html',
  markdown: 'notify-report.md',
  json: 'notify-report.json',
} as const;

export const receiverRules = () => ruleCatalogue().filter((r) => r.enforcement === 'receiver');

export interface NotifyReportMeta {
  target: string;
  referenceReceiver: boolean;
  seed: number;
  /** Key ids the notifications were signed with (never key material). */
  mchid: string;
  platformSerial: string;
  startedAt: string;
  commandLine: string[];
  /** How the receiver's TLS was verified (the report's provenance). */
  tls?: string;
}

/** JUnit and the auditor report (every receiver rule, its evidence and each case's latency) into `dir`. */
export function writeNotifyReports(dir: string, results: readonly CaseResult[], meta: NotifyReportMeta): AuditModel {
  const kind = meta.referenceReceiver ? 'mock' : 'foreign';
  const provenance = provenanceOf(
    [
      {
        seed: meta.seed,
        runs: RANDOM_ORDERS,
        target: { url: meta.target, kind, description: meta.target },
        keyIds: { mchid: meta.mchid, merchantSerialNo: '', platformSerial: meta.platformSerial },
        ...(meta.tls === undefined ? {} : { tls: meta.tls }),
      },
    ],
    { startedAt: meta.startedAt, finishedAt: new Date().toISOString(), commandLine: meta.commandLine },
  );
  const model = buildAuditModel(
    results.flatMap((r) => r.records),
    provenance,
    receiverRules(),
    {
      title: 'PayScore notify_url (receiver) conformance report',
      referenceName: 'the bundled reference receiver',
    },
  );
  writeReportFiles(dir, NOTIFY_REPORT_FILES, model, caseJunit(results, meta.seed, NOTIFY_SUITE));
  return model;
}
