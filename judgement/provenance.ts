import { toolError } from '../toolErrors';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { OPENAPI_PATH, packageInfo } from '../specification';
import type { RunRecord } from './evidence';

/** What the command that wrote a report knows about its own run. */
export interface RunProvenance {
  startedAt: string;
  finishedAt: string;
  commandLine: string[];
}

/** Where a report came from, for an auditor filing it: no key material, only key ids. */
export interface Provenance extends RunProvenance {
  tool: { name: string; version: string };
  openapiSha256: string;
  node: string;
  seed: number;
  runs: number;
  target: RunRecord['target'];
  keyIds: RunRecord['keyIds'];
  /** How TLS was verified (RunRecord.tls). */
  tls?: string;
  /** The shards merged into this report (absent: one unsharded run). */
  shards?: Array<{ index: number; count: number }>;
}

export const sha256 = (bytes: Buffer | string): string => createHash('sha256').update(bytes).digest('hex');

/** Provenance of a run (or of merged shards, which must share seed, runs and target). */
export function provenanceOf(runs: RunRecord[], run: RunProvenance): Provenance {
  const first = runs[0];
  if (first === undefined)
    throw toolError('PSC_REPORT_MERGE', 'no run record (evidence/run.json): the suites did not start');
  const differing = runs.filter(
    (r) => r.seed !== first.seed || r.runs !== first.runs || r.target.kind !== first.target.kind,
  );
  if (differing.length > 0)
    throw toolError(
      'PSC_REPORT_MERGE',
      'the runs to merge differ in seed, runs or target kind: merge only the shards of one run',
    );
  const shards = runs.flatMap((r) => (r.shard === undefined ? [] : [r.shard]));
  // Shards may each start their own instance of the target (the embedded mock does): name them all.
  const urls = [...new Set(runs.map((r) => r.target.url))];
  const target =
    urls.length === 1
      ? first.target
      : { ...first.target, description: `${runs.length} shards against ${urls.join(', ')}` };
  return {
    tool: packageInfo(),
    openapiSha256: sha256(readFileSync(OPENAPI_PATH)),
    node: process.version,
    seed: first.seed,
    runs: first.runs,
    target,
    keyIds: first.keyIds,
    ...(first.tls === undefined ? {} : { tls: first.tls }),
    ...run,
    ...(shards.length === 0 ? {} : { shards: shards.sort((a, b) => a.index - b.index) }),
  };
}
