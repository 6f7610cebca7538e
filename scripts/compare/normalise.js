// What differs between two runs of the same seed and code is not a verdict: times, ports, paths, keys
// made at start-up, nonces and signatures, ids the mock or the clock makes. This table replaces each with a
// placeholder, so that before/after captures compare on what the user is judged by. Order matters: the
// paths first (they may hold digits), then the specific shapes, then the generic runs of digits and hex.
'use strict';
const { tmpdir } = require('node:os');

/** Escapes a literal string for use in a RegExp. */
const literal = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Whether a 40+ character token is key material rather than a path or a name. */
const isBase64 = (m) => /\d/.test(m) && /[A-Z]/.test(m) && /[a-z]/.test(m) && !(/\//.test(m) && /[-_]/.test(m));

/** The seed every capture uses; kept readable, never taken for a date or an id. */
const SEED = '20261127';

/**
 * [pattern, replacement, why]. `paths` adds the checkout and the capture's folder in front of these.
 * Each pattern is global; replacements use `$1` where a prefix is kept.
 */
const RULES = [
  // ISO 8601 timestamps (report provenance, generatedAt, JUnit timestamps, notification create_time).
  [/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?/g, '<ISO>', 'clock'],
  // A date as humans write it (HTML/Markdown "generated" lines): 2026-12-07 23:54:58.
  [/\d{4}-\d{2}-\d{2}[ ,]+\d{2}:\d{2}(?::\d{2})?/g, '<DATETIME>', 'clock'],
  // Durations and latencies printed in text: "(228 ms)", "in 7.4 ms", "3.9 s", "12ms", "10 + 7.4 ms".
  [/\b\d+(?:\.\d+)?(?:\s?\+\s?\d+(?:\.\d+)?)*\s?(?:ms|s|sec|seconds|milliseconds)\b/g, '<DURATION>', 'timing'],
  // Loopback ports: every mock, receiver and proxy listens on a free port.
  [/\b(127\.0\.0\.1|localhost|\[::1\]|0\.0\.0\.0):\d{2,5}\b/g, '$1:<PORT>', 'free ports'],
  // Temporary folders made per run (key pools, mock data dirs, receivers, reports).
  [new RegExp(`${literal(tmpdir())}/[A-Za-z0-9._-]+`, 'g'), '<TMP>', 'temp paths'],
  // UUIDs: the mock's Request-IDs.
  [/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, '<UUID>', 'request ids'],
  // HTTP dates (the Date header of answers kept in case files).
  [/\b[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT\b/g, '<HTTP-DATE>', 'clock'],
  // JSON values made per run, also inside escaped or HTML-quoted JSON: out_order_no carries a counter
  // from the run's start second (suites/harness/orderCounter.ts); openids are the mock's fresh
  // identities; a notification's nonce is random.
  [
    /((?:\\?"|&quot;)(?:out_order_no|openid|sub_openid|nonce)(?:\\?"|&quot;)\s*:\s*(?:\\?"|&quot;))(?:(?!\\?"|&quot;).)*/g,
    '$1<VAR>',
    'clock, fresh ids',
  ],
  // The same in prose: `out_order_no "rU70GOUF" was sent before`.
  [/(out_order_no (?:\\?"|&quot;))[^"\\&]*/g, '$1<VAR>', 'clock'],
  // openids anywhere else (signed messages): WeChat's form, "o" and 27 characters.
  [/\bo[A-Za-z0-9_-]{27}\b/g, '<OPENID>', 'fresh ids'],
  // Signatures, ciphertexts, confirm-mode packages (base64 and base64url, fresh per run): 40+ characters
  // with a digit, a capital and a small letter; never both "/" and "-" or "_" (that is a path), so file
  // names, paths and rule ids stay.
  [/[A-Za-z0-9+/_-]{40,}={0,2}/g, (m) => (isBase64(m) ? '<BASE64>' : m), 'signatures'],
  // Key serials, nonces, Request-IDs, case-file hashes, SHA-256 sums of files that hold times (hex, 12+).
  [/[0-9A-Fa-f]{12,}/g, '<HEX>', 'serials, nonces, hashes'],
  // A run of digits cut short by an ellipsis (a truncated body): an id of the run, cut.
  [/\d+…/g, '<DIGITS>…', 'ids of keys made per run, truncated'],
  // Unix timestamps, mchids, order_ids, service_ids, PUB_KEY_ID digits: runs of 10+ digits made per run.
  [/\d{10,}/g, '<DIGITS>', 'clock and ids of keys made per run'],
  // Day-precision dates the generators take from the clock (start_time "20261209"), the seed aside.
  [new RegExp(`\\b(?!${SEED}\\b)20\\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01])\\b`, 'g'), '<DATE>', 'clock'],
  // Host names of this machine (provenance may name it).
  [new RegExp(`\\b${literal(require('node:os').hostname())}\\b`, 'g'), '<HOST>', 'host name'],
];

/** Keys whose values are times or sizes of time wherever they occur in a JSON report. */
const VOLATILE_KEYS =
  /^(out_order_no|openid|sub_openid|nonce|time|timestamp|duration|durationMs|latency|latencyMs|elapsedMs|ms|startedAt|finishedAt|generatedAt|hostname|node|pid)$/i;

/** The normaliser for one capture: its checkout and output folder become placeholders first. */
function normaliser(paths = {}) {
  const table = [];
  for (const [name, path] of Object.entries(paths)) {
    if (typeof path === 'string' && path !== '') table.push([new RegExp(literal(path), 'g'), `<${name}>`]);
  }
  table.push(...RULES);
  const text = (s) => table.reduce((out, [pattern, to]) => out.replace(pattern, to), String(s));
  const json = (value, key) => {
    if (key !== undefined && VOLATILE_KEYS.test(key)) return '<VOLATILE>';
    if (typeof value === 'string') return text(value);
    if (Array.isArray(value)) return value.map((v) => json(v));
    if (value !== null && typeof value === 'object')
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, json(v, k)]));
    return value;
  };
  return { text, json };
}

module.exports = { normaliser, RULES, VOLATILE_KEYS, SEED };
