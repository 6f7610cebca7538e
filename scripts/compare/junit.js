// JUnit XML as the comparison needs it: one record per testcase, {suite, classname, name, status,
// failure (first line), detail (the failure text without stack frames), properties}. Our writers and
// jest-junit write a small, regular subset of XML, so a few regular expressions read it; no dependency.
'use strict';

const ENTITIES = { '&lt;': '<', '&gt;': '>', '&quot;': '"', '&apos;': "'", '&amp;': '&' };

/** Undoes XML escaping (named entities and character references). */
function unescapeXml(s) {
  return s
    .replace(/&#x([0-9a-fA-F]+);/g, (_, h) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d) => String.fromCodePoint(Number(d)))
    .replace(/&(lt|gt|quot|apos|amp);/g, (e) => ENTITIES[e]);
}

/** The attributes of one start tag, unescaped. */
function attributes(tag) {
  const out = {};
  for (const m of tag.matchAll(/([\w:.-]+)="([^"]*)"/g)) out[m[1]] = unescapeXml(m[2]);
  return out;
}

/** Stack frames name files and lines of our own code, which a refactor moves; they are not what is judged. */
const STACK_FRAME = /^\s*at\s.*(?:\(.*:\d+:\d+\)|:\d+:\d+)\s*$/;

function failureOf(body) {
  const m = /<(failure|error)\b([^>]*?)(?:\/>|>([\s\S]*?)<\/\1>)/.exec(body);
  if (m === null) return undefined;
  const text = unescapeXml(m[3] ?? '');
  const message = attributes(m[2]).message;
  const lines = text.split('\n').filter((l) => !STACK_FRAME.test(l));
  const first = (message ?? lines.find((l) => l.trim() !== '') ?? '').split('\n')[0];
  return { status: m[1] === 'error' ? 'error' : 'failed', failure: first, detail: lines.join('\n').trim() };
}

/** Every testcase of a JUnit document, in document order. */
function testcases(xml) {
  const out = [];
  const suites = xml.matchAll(/<testsuite\b([^>]*?)(?:\/>|>([\s\S]*?)<\/testsuite>)/g);
  for (const s of suites) {
    const suite = attributes(s[1]).name ?? '';
    const cases = (s[2] ?? '').matchAll(/<testcase\b([^>]*?)(?:\/>|>([\s\S]*?)<\/testcase>)/g);
    for (const c of cases) {
      const a = attributes(c[1]);
      const body = c[2] ?? '';
      const properties = {};
      for (const p of body.matchAll(/<property\b([^>]*?)\/?>/g)) {
        const pa = attributes(p[1]);
        if (pa.name !== undefined) properties[pa.name] = pa.value ?? '';
      }
      const failed = failureOf(body);
      const skipped = /<skipped\b/.test(body);
      out.push({
        suite,
        classname: a.classname ?? '',
        name: a.name ?? '',
        status: failed?.status ?? (skipped ? 'skipped' : 'passed'),
        failure: failed?.failure ?? null,
        detail: failed?.detail ?? null,
        properties,
      });
    }
  }
  return out;
}

module.exports = { testcases, unescapeXml };
