import { REFERENCE_NAME } from './auditModel';
import type { Provenance } from './provenance';

const shellWord = (w: string): string => (/^[\w@%+=:,./-]+$/.test(w) ? w : `'${w.replace(/'/g, `'\\''`)}'`);

/** Provenance as label/value pairs, in the order both renderings show them. */
export function provenanceLines(p: Provenance, referenceName = REFERENCE_NAME): Array<[string, string]> {
  const lines: Array<[string, string]> = [
    ['tool', `${p.tool.name} ${p.tool.version}`],
    ['openapi.yaml SHA-256', p.openapiSha256],
    [
      'target',
      `${p.target.url} (${p.target.kind === 'mock' ? referenceName : 'foreign'}${p.target.description.includes(p.target.url) ? '' : `: ${p.target.description}`})`,
    ],
    ...(p.tls === undefined ? [] : [['TLS', p.tls] as [string, string]]),
    ['mchid', p.keyIds.mchid],
    ...(p.keyIds.merchantSerialNo === ''
      ? []
      : [['merchant key (certificate serial)', p.keyIds.merchantSerialNo] as [string, string]]),
    ['platform key id', p.keyIds.platformSerial],
    ['seed', String(p.seed)],
    ['property runs', String(p.runs)],
    ['started', p.startedAt],
    ['finished', p.finishedAt],
    ['Node.js', p.node],
    ['command line', p.commandLine.map(shellWord).join(' ')],
  ];
  if (p.shards !== undefined) lines.push(['shards merged', p.shards.map((s) => `${s.index}/${s.count}`).join(', ')]);
  return lines;
}
