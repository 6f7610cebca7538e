import { existsSync, readFileSync } from 'node:fs';

const ROOT = /<testsuites\b([^>]*)>([\s\S]*)<\/testsuites>/;
const attr = (attrs: string, name: string): number =>
  Number(new RegExp(`\\b${name}="([^"]*)"`).exec(attrs)?.[1] ?? 0) || 0;

/**
 * One JUnit document from the JUnit files of several shards: their <testsuite> elements side by side
 * (a shard runs whole suite files, so none is split), the root's totals summed.
 */
export function mergeJunit(files: string[]): string {
  let tests = 0;
  let failures = 0;
  let errors = 0;
  let time = 0;
  const suites: string[] = [];
  for (const file of files.filter((f) => existsSync(f))) {
    const m = ROOT.exec(readFileSync(file, 'utf8'));
    if (m === null) throw new Error(`${file}: not a JUnit file (no <testsuites> root)`);
    const [, attrs = '', inner = ''] = m;
    tests += attr(attrs, 'tests');
    failures += attr(attrs, 'failures');
    errors += attr(attrs, 'errors');
    time += attr(attrs, 'time');
    if (inner.trim() !== '') suites.push(inner.replace(/^\n+|\s+$/g, ''));
  }
  return `<?xml version="1.0" encoding="UTF-8"?>
<testsuites name="jest tests" tests="${tests}" failures="${failures}" errors="${errors}" time="${time.toFixed(3)}">
${suites.join('\n')}
</testsuites>
`;
}
