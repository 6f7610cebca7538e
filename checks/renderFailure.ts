import { rule } from '../specification';
import type { CheckFailure } from './types';

/** How to reproduce a failing case: fast-check's seed/path, the curl command, the signed string. */
export interface Reproduction {
  seed?: number;
  path?: string;
  curl: string;
  /** `payscore-conformance replay <case file>`: re-signs and re-sends the request, judged by the same checks. */
  replay?: string;
  signedMessage?: string;
  caseName?: string;
}

const indent = (text: string, by = '    '): string =>
  text
    .split('\n')
    .map((line) => `${by}${line}`)
    .join('\n');

/** Each line of a signed string ends in a visible `\n`; the string ends with one too. */
export function visibleSignedString(message: string): string {
  const lines = message.split('\n');
  const last = lines.pop();
  const shown = lines.map((line) => `${line}\\n`);
  if (last !== undefined && last !== '') shown.push(`${last}   (no final \\n)`);
  return shown.join('\n');
}

/** Whether a failure is about the request signature, so the request's signed string helps to reproduce it. */
const aboutRequestSignature = (failure: CheckFailure): boolean =>
  failure.check === 'auth_enforcement' || failure.ruleId.startsWith('AUTH-');

/** A failure as text for people: rule and basis, what broke, and how to replay it exactly. */
export function renderFailure(failure: CheckFailure, reproduction: Reproduction): string {
  const lines = [
    `${failure.ruleId} [${failure.basis}] failed in check ${failure.check}${reproduction.caseName === undefined ? '' : ` — case: ${reproduction.caseName}`}`,
    `  rule: ${rule(failure.ruleId).text}`,
    `  what: ${failure.seen}`,
  ];
  if (failure.where !== undefined) lines.push(`  at:   ${failure.where === '' ? '/' : failure.where}`);
  const cappedBy = failure.evidence?.cappedBy;
  if (cappedBy !== undefined)
    lines.push(
      `  counts as ${failure.basis}: the request probes ${cappedBy} [${rule(cappedBy).basis}], so no firmer verdict rests on its answer`,
    );
  if (reproduction.seed !== undefined) {
    const path = reproduction.path === undefined ? '' : ` --path ${JSON.stringify(reproduction.path)}`;
    const fcPath = reproduction.path === undefined ? '' : `, path: ${JSON.stringify(reproduction.path)}`;
    lines.push(
      `  replay: --seed ${reproduction.seed}${path}   (fast-check: { seed: ${reproduction.seed}${fcPath}, endOnFailure: true })`,
    );
  }
  if (reproduction.replay !== undefined)
    lines.push(
      `  replay case: ${reproduction.replay}   (re-signed now; the curl below carries the original, expiring signature)`,
    );
  lines.push('  curl:', indent(reproduction.curl));
  const signedString = failure.evidence?.signedString;
  if (signedString !== undefined)
    lines.push('  expected signed string (response):', indent(visibleSignedString(signedString)));
  if (reproduction.signedMessage !== undefined && aboutRequestSignature(failure))
    lines.push('  signed string (request):', indent(visibleSignedString(reproduction.signedMessage)));
  return lines.join('\n');
}
