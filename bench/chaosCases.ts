import { BODY_LIMITS } from '../mock';
import { validBody } from '../mock/testing';
import { ENDPOINT_PATH, type BoundIdentities } from '../specification';
import { hostileBodies } from './hostileBodies';
import type { RequestSigner } from './signedRequest';

// The chaos run's requests, by category, from a seeded generator (the run prints its seed).

export interface ChaosCase {
  name: string;
  bytes: Buffer;
  /** Sent a byte at a time, this many ms apart. */
  slowMs?: number;
}

/** mulberry32: a small seeded generator, so a failing run can be repeated. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const HOSTILE_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  '',
  'toString',
  'hasOwnProperty',
  '__defineGetter__',
  'a/b~c',
  '%zz',
  '\u0000',
  '\ud83d\ude00',
  'k'.repeat(5000),
  'valueOf',
  'then',
];

export function chaosCases(
  signer: RequestSigner,
  ids: BoundIdentities,
  random: () => number,
  counts: { perCategory: number },
): Record<string, ChaosCase[]> {
  const n = counts.perCategory;
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;
  const int = (max: number): number => Math.floor(random() * max);
  const valid = (): string => JSON.stringify(validBody(ids));
  const signed = (name: string, body: Buffer | string): ChaosCase => ({
    name,
    bytes: signer.bytes(body, { close: true }),
  });
  const raw = (name: string, text: string): ChaosCase => ({ name, bytes: Buffer.from(text, 'latin1') });

  const malformedJson = Array.from({ length: n }, (_, i) => {
    const text = valid();
    const cut = int(text.length);
    const mutations = [
      () => text.slice(0, cut),
      () =>
        `${text.slice(0, cut)}${pick(['}', ']', ',', ':', '"', '\\', 'NaN', 'undefined', "'", '\u0000'])}${text.slice(cut)}`,
      () => text.replace(/:/g, () => (random() < 0.1 ? '=' : ':')),
      () => `${text}${pick([' x', ',', '}', '{}'])}`,
      () => text.replace(/"/g, () => (random() < 0.05 ? "'" : '"')),
    ];
    return signed(`malformed JSON #${i}`, pick(mutations)());
  });
  const malformedUtf8 = Array.from({ length: n }, (_, i) => {
    const text = Buffer.from(valid());
    const at = int(text.length);
    const bad = pick([[0xff], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xf8, 0x88, 0x80, 0x80, 0x80], [0xe4, 0xb8], [0x80]]);
    return signed(`malformed UTF-8 #${i}`, Buffer.concat([text.subarray(0, at), Buffer.from(bad), text.subarray(at)]));
  });
  const oversized = [
    ...Array.from({ length: Math.min(n, 10) }, (_, i) =>
      signed(
        `over 1 MiB #${i}`,
        JSON.stringify({ ...validBody(ids), attach: 'a'.repeat(BODY_LIMITS.maxBytes + int(100_000)) }),
      ),
    ),
    ...Array.from({ length: 3 }, (_, i) =>
      signed(`over the hard cap #${i}`, Buffer.alloc(BODY_LIMITS.hardCapBytes + 1 + int(1000), 0x20)),
    ),
    ...hostileBodies(ids).map((h) => signed(`at the limit: ${h.name}`, h.body)),
  ];
  const deep = Array.from({ length: n }, (_, i) => {
    const depth = BODY_LIMITS.maxDepth - 2 + int(1000);
    const open = pick(['[', '{"a":']);
    const close = open === '[' ? ']' : '}';
    return signed(`nested ${depth} #${i}`, `${valid().slice(0, -1)},"x":${open.repeat(depth)}1${close.repeat(depth)}}`);
  });
  const hostileKeys = Array.from({ length: n }, (_, i) => {
    const keys = Array.from({ length: 1 + int(4) }, () => pick(HOSTILE_KEYS));
    const members = keys
      .map(
        (k) =>
          `${JSON.stringify(k)}:${pick(['1', '{"polluted":true}', 'null', '[]', '"x"', '{"prototype":{"polluted":1}}'])}`,
      )
      .join(',');
    const text = valid();
    return signed(
      `hostile keys ${keys.map((k) => k.slice(0, 12)).join(' ')} #${i}`,
      random() < 0.5 ? `{${members},${text.slice(1)}` : `${text.slice(0, -1)},${members}}`,
    );
  });
  const protocol = [
    raw('bad Content-Length', `POST ${ENDPOINT_PATH} HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n`),
    raw(
      'duplicate Content-Length',
      `POST ${ENDPOINT_PATH} HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab`,
    ),
    raw(
      'Content-Length with chunked',
      `POST ${ENDPOINT_PATH} HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n`,
    ),
    raw('64 KB header', `GET / HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(65_536)}\r\n\r\n`),
    raw('bare LF', `POST ${ENDPOINT_PATH} HTTP/1.1\nHost: x\nContent-Length: 0\n\n`),
    raw('no Host', `POST ${ENDPOINT_PATH} HTTP/1.1\r\nContent-Length: 0\r\n\r\n`),
    raw('HTTP/2 preface', 'PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n'),
    raw('unknown method', `BREW ${ENDPOINT_PATH} HTTP/1.1\r\nHost: x\r\n\r\n`),
    raw('Expect: chaos', `POST ${ENDPOINT_PATH} HTTP/1.1\r\nHost: x\r\nExpect: chaos\r\nContent-Length: 2\r\n\r\n{}`),
    raw('chunked garbage', `POST ${ENDPOINT_PATH} HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n`),
    raw('request line only', 'GET\r\n\r\n'),
    raw('HTTP/0.9', 'GET /\r\n\r\n'),
    raw('HTTP/1.0 without Host', `POST ${ENDPOINT_PATH} HTTP/1.0\r\nContent-Length: 2\r\n\r\n{}`),
    raw(
      'absolute URI',
      `POST http://evil.example${ENDPOINT_PATH} HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}`,
    ),
    raw(
      'path with percent garbage',
      `POST ${ENDPOINT_PATH}%zz%00 HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}`,
    ),
    {
      name: 'two Authorization headers',
      bytes: signer.bytes(valid(), { close: true, head: 'Authorization: WECHATPAY2-SHA256-RSA2048 mchid="1"\r\n' }),
    },
    {
      name: 'a 10 KB Authorization',
      bytes: Buffer.from(
        `POST ${ENDPOINT_PATH} HTTP/1.1\r\nHost: x\r\nAuthorization: ${'W'.repeat(10_000)}\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}`,
      ),
    },
    {
      name: 'valid request then garbage, pipelined',
      bytes: Buffer.concat([signer.bytes(valid()), Buffer.from('\u0001\u0002GARBAGE\r\n\r\n', 'latin1')]),
    },
    ...Array.from({ length: n }, (_, i) => ({
      name: `random bytes #${i}`,
      bytes: Buffer.from(Array.from({ length: 1 + int(300) }, () => int(256))),
    })),
    ...Array.from({ length: n }, (_, i) => {
      const request = signer.bytes(valid(), { close: true });
      const at = int(request.indexOf('\r\n\r\n'));
      return {
        name: `head with a flipped byte #${i}`,
        bytes: Buffer.concat([request.subarray(0, at), Buffer.from([int(256)]), request.subarray(at + 1)]),
      };
    }),
  ];
  const slow = Array.from({ length: 20 }, (_, i) => ({
    name: `slow headers #${i}`,
    bytes: Buffer.from(`POST ${ENDPOINT_PATH} HTTP/1.1\r\nHost: x\r\nX-Slow: ${'s'.repeat(400)}\r\n\r\n`),
    slowMs: 25,
  }));
  return {
    'malformed JSON': malformedJson,
    'malformed UTF-8': malformedUtf8,
    'oversized and at the limit': oversized,
    'deeply nested': deep,
    'hostile keys': hostileKeys,
    'protocol garbage': protocol,
    'slow headers': slow,
  };
}
