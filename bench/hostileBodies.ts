import { BODY_LIMITS } from '../mock';
import { validBody } from '../mock/testing';
import type { BoundIdentities } from '../specification';

// Bodies at the size limit built to cost the mock the most: long arrays of invalid items, every
// string at its worst, many keys, deep nesting, huge numbers, late syntax errors. Shared by the
// bodyCost and chaos benchmarks.

export interface HostileBody {
  name: string;
  body: Buffer;
}

/** prefix + unit × n + suffix, with n as large as stays within BODY_LIMITS.maxBytes. */
function fill(prefix: string, unit: string, suffix: string, separator = ''): Buffer {
  const room = BODY_LIMITS.maxBytes - Buffer.byteLength(prefix) - Buffer.byteLength(suffix);
  const step = Buffer.byteLength(unit) + Buffer.byteLength(separator);
  const n = Math.max(1, Math.floor((room + Buffer.byteLength(separator)) / step));
  return Buffer.from(`${prefix}${Array.from({ length: n }, () => unit).join(separator)}${suffix}`);
}

/** A valid body plus distinct unknown keys in reverse order, as many as the value limit lets through, their values filling the size limit. */
function manyKeys(open: string): Buffer {
  const n = BODY_LIMITS.maxValues - 100;
  const valueLength = Math.floor((BODY_LIMITS.maxBytes - Buffer.byteLength(open) - 2) / n) - '"k0000000":"",'.length;
  const unit = (i: number): string => `"k${String(i).padStart(7, '0')}":"${'v'.repeat(valueLength)}"`;
  return Buffer.from(`${open},${Array.from({ length: n }, (_, i) => unit(n - i)).join(',')}}`);
}

/** A valid body as text without its closing brace, so members can be appended. */
const openValid = (ids: BoundIdentities, overrides: Record<string, unknown> = {}): string =>
  JSON.stringify(validBody(ids, overrides)).slice(0, -1);

export function hostileBodies(ids: BoundIdentities): HostileBody[] {
  const valid = (): string => openValid(ids);
  const nested = `${'['.repeat(BODY_LIMITS.maxDepth - 1)}${']'.repeat(BODY_LIMITS.maxDepth - 1)}`;
  return [
    {
      name: 'post_payments of empty objects (the 340,000-item report)',
      body: fill('{"post_payments":[', '{}', ']}', ','),
    },
    { name: 'post_discounts of empty objects', body: fill('{"post_discounts":[', '{}', ']}', ',') },
    {
      name: 'post_payments of invalid items in a valid body',
      body: fill(
        `${openValid(ids, { post_payments: undefined })},"post_payments":[`,
        '{"name":"","amount":-1,"count":0,"description":""}',
        ']}',
        ',',
      ),
    },
    {
      name: '100 payments, every field wrong and long',
      body: Buffer.from(
        JSON.stringify({
          ...validBody(ids),
          post_payments: Array.from({ length: 100 }, () => ({
            name: 'n'.repeat(3000),
            amount: -1,
            count: 1000,
            description: 'd'.repeat(3000),
          })),
        }),
      ),
    },
    {
      name: 'out_order_no of 1 MiB',
      body: fill(`${openValid(ids, { out_order_no: undefined })},"out_order_no":"`, 'A', '"}'),
    },
    {
      name: 'out_order_no of 1 MiB ending in a bad character',
      body: fill(`${openValid(ids, { out_order_no: undefined })},"out_order_no":"`, 'A', '!"}'),
    },
    {
      name: 'service_introduction of CJK (code points counted)',
      body: fill(`${openValid(ids, { service_introduction: undefined })},"service_introduction":"`, '酒', '"}'),
    },
    {
      name: 'a string of \\u escapes',
      body: fill(`${openValid(ids, { attach: undefined })},"attach":"`, '\\u0000', '"}'),
    },
    {
      name: 'time_range.start_time of 1 MiB digits',
      body: fill(`${openValid(ids, { time_range: undefined })},"time_range":{"start_time":"`, '2', '"}}'),
    },
    {
      name: 'valid body with 4,900 distinct unknown keys (stored: canonical JSON sorts them)',
      body: manyKeys(valid()),
    },
    {
      name: 'post_payments of 4,900 empty objects (under the value limit)',
      body: Buffer.from(
        `{"post_payments":[${Array.from({ length: 4_900 }, () => '{}').join(',')}],"attach":"${'a'.repeat(BODY_LIMITS.maxBytes - 4_900 * 3 - 40)}"}`,
      ),
    },
    { name: 'valid body with an unknown array of 500,000 numbers', body: fill(`${valid()},"x":[`, '0', ']}', ',') },
    { name: 'valid body with unknown nesting 63 deep, repeated', body: fill(`${valid()},"x":[`, nested, ']}', ',') },
    {
      name: 'an unknown object nested 64 deep',
      body: Buffer.from(`{"a":${'{"a":'.repeat(BODY_LIMITS.maxDepth - 1)}1${'}'.repeat(BODY_LIMITS.maxDepth)}`),
    },
    {
      name: 'nesting of 65 at the end of 1 MiB',
      body: fill(
        '{"x":"',
        'a',
        `","y":${'['.repeat(BODY_LIMITS.maxDepth + 1)}${']'.repeat(BODY_LIMITS.maxDepth + 1)}}`,
      ),
    },
    { name: 'integers beyond 2^53 everywhere', body: fill('{"x":[', '9007199254740993', ']}', ',') },
    { name: 'one long key', body: fill('{"', 'k', '":1}') },
    { name: 'a syntax error in the last byte', body: fill(`${valid()},"x":"`, 'a', '"') },
    {
      name: 'invalid UTF-8 in the last bytes',
      body: Buffer.concat([
        fill(`${valid()},"x":"`, 'a', '"}').subarray(0, BODY_LIMITS.maxBytes - 4),
        Buffer.from([0x22, 0xff, 0xfe, 0x7d]),
      ]),
    },
    { name: '1 MiB of whitespace around {}', body: fill('{', ' ', '}') },
    {
      name: 'duplicate payment names (business rule) with long descriptions',
      body: Buffer.from(
        JSON.stringify({
          ...validBody(ids, { post_discounts: [{ name: 'd', description: 'd', count: 1 }] }),
          post_payments: Array.from({ length: 100 }, () => ({
            name: '就餐',
            amount: 1,
            description: 'd'.repeat(30),
            count: 1,
          })),
          attach: 'a'.repeat(900_000),
        }),
      ),
    },
  ];
}
