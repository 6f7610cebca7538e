// The one JUnit module of every audit: the receiver suite, the caller's audit and `pact verify` write their
// JUnit here; the server suites' is written by jest-junit with the same `xml` package, and merged or read
// here. JUnit is public (CI reads it): element and attribute names never change, only what is added.
import { toolError } from '../toolErrors';
import { existsSync, readFileSync } from 'node:fs';
import xml, { type XmlObject } from 'xml';

/** One testcase; `timeMs` absent writes no time attribute. */
export interface JunitCase {
  classname: string;
  name: string;
  timeMs?: number;
  properties?: ReadonlyArray<readonly [string, string]>;
  failure?: { message: string; text: string };
  /** A case that could not be judged at all (a problem of ours or of the input, not a verdict). */
  error?: { message: string; text: string };
  /** Notes that do not fail the case (warnings, informational findings). */
  out?: string;
}

export interface JunitSuite {
  name: string;
  cases: readonly JunitCase[];
  /** Written as the suite's time when present. */
  timeMs?: number;
}

// XML 1.0 cannot carry most control characters, even escaped: shown as \uXXXX so nothing is lost.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g;
const text = (s: string): string => s.replace(CONTROL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
const seconds = (ms: number): string => (ms / 1000).toFixed(3);
const withTime = (attrs: Record<string, string | number>, ms: number | undefined) =>
  ms === undefined ? attrs : { ...attrs, time: seconds(ms) };

function testcase(c: JunitCase): XmlObject {
  const body: XmlObject[] = [{ _attr: withTime({ classname: text(c.classname), name: text(c.name) }, c.timeMs) }];
  if (c.properties !== undefined && c.properties.length > 0)
    body.push({
      properties: c.properties.map(([name, value]) => ({
        property: { _attr: { name: text(name), value: text(value) } },
      })),
    });
  if (c.failure !== undefined)
    body.push({ failure: [{ _attr: { message: text(c.failure.message) } }, text(c.failure.text)] });
  if (c.error !== undefined) body.push({ error: [{ _attr: { message: text(c.error.message) } }, text(c.error.text)] });
  if (c.out !== undefined && c.out !== '') body.push({ 'system-out': text(c.out) });
  return { testcase: body };
}

const count = (cases: readonly JunitCase[], key: 'failure' | 'error'): number =>
  cases.filter((c) => c[key] !== undefined).length;

/** A JUnit document: a <testsuites> root named `name`, one <testsuite> per suite, totals summed. */
export function junitXml(run: { name: string; suites: readonly JunitSuite[]; timeMs?: number }): string {
  const all = run.suites.flatMap((s) => s.cases);
  const suites = run.suites.map((s): XmlObject => ({
    testsuite: [
      {
        _attr: withTime(
          {
            name: text(s.name),
            tests: s.cases.length,
            failures: count(s.cases, 'failure'),
            errors: count(s.cases, 'error'),
            skipped: 0,
          },
          s.timeMs,
        ),
      },
      ...s.cases.map(testcase),
    ],
  }));
  const root = withTime(
    { name: text(run.name), tests: all.length, failures: count(all, 'failure'), errors: count(all, 'error') },
    run.timeMs,
  );
  return `${xml({ testsuites: [{ _attr: root }, ...suites] }, { declaration: true, indent: '  ' })}\n`;
}

const unescape = (s: string): string =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

/** Each testcase of a JUnit document (ours or jest-junit's): its names and its `file` when jest-junit wrote one. */
export function readTestcases(junit: string): Array<{ classname: string; name: string; file?: string }> {
  return [...junit.matchAll(/<testcase\b([^>]*?)\/?>/g)].map((m) => {
    const attr = (n: string) => new RegExp(`\\b${n}="([^"]*)"`).exec(m[1] ?? '')?.[1];
    const file = attr('file');
    return {
      classname: unescape(attr('classname') ?? ''),
      name: unescape(attr('name') ?? ''),
      ...(file === undefined ? {} : { file: unescape(file) }),
    };
  });
}

const ROOT = /<testsuites\b([^>]*)>([\s\S]*)<\/testsuites>/;
const total = (attrs: string, name: string): number =>
  Number(new RegExp(`\\b${name}="([^"]*)"`).exec(attrs)?.[1] ?? 0) || 0;

/**
 * One JUnit document from the JUnit files of several shards: their <testsuite> elements side by side
 * (a shard runs whole suite files, so none is split), the root's totals summed. Files that are missing are skipped.
 */
export function mergeJunit(files: string[]): string {
  const sums = { tests: 0, failures: 0, errors: 0, time: 0 };
  const suites: string[] = [];
  for (const file of files.filter((f) => existsSync(f))) {
    const m = ROOT.exec(readFileSync(file, 'utf8'));
    if (m === null) throw toolError('PSC_REPORT_MERGE', `${file}: not a JUnit file (no <testsuites> root)`);
    const [, attrs = '', inner = ''] = m;
    for (const k of ['tests', 'failures', 'errors', 'time'] as const) sums[k] += total(attrs, k);
    if (inner.trim() !== '') suites.push(inner.replace(/^\n+|\s+$/g, ''));
  }
  return `<?xml version="1.0" encoding="UTF-8"?>
<testsuites name="jest tests" tests="${sums.tests}" failures="${sums.failures}" errors="${sums.errors}" time="${sums.time.toFixed(3)}">
${suites.join('\n')}
</testsuites>
`;
}
