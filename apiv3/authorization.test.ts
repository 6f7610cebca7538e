// parseAuthorization: the five parameters in any order, quoted values; every malformed header gets
// a precise reason and detail, and no input makes it throw.
import fc from 'fast-check';
import { AUTH_SCHEME, formatAuthorization, parseAuthorization, type AuthorizationParams } from '.';

const PARAMS: AuthorizationParams = {
  mchid: '1230000109',
  nonce_str: '593BEC0C930BF1AFEB40B4A08C8FB242',
  timestamp: '1554208460',
  serial_no: '1DDE55AD98ED71D6EDD4A4A16996DE7B47773A8C',
  signature:
    'uOVRnA4qG/MNnYzdQxJanN+zU+lTgIcnU9BxGw5dKjK+VdEUz2FeIoC+D5sB/LN+nGzX3hfZg6r5wT1pl2ZobmIc6p0ldN7J6yDgUzbX8Uk3sD4a4eZVPTBvqNDoUqcYMlZ9uuDdCvNv4TM3c1WzsXUrExwVkI1XO5jCNbgDJ25nkT/c1gIFvqoogl7MdSFGc4W4xZsqCItnqbypR3RuGIlR9h9vlRsy7zJR9PBI83X8alLDIfR1ukt1P7tMnmogZ0cuDY8cZsd8ZlCgLadmvej58SLsIkVxFJ8XmUgx9FQm4UMr/FnrUBNC1A0mt3cBbBdIWK+QhTGYJB7bNyr6xA==',
};
const NAMES = Object.keys(PARAMS) as Array<keyof AuthorizationParams>;

function permutations<T>(items: T[]): T[][] {
  if (items.length <= 1) return [items];
  return items.flatMap((item, i) =>
    permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]),
  );
}
const header = (
  order: string[],
  sep = ',',
  p: Record<string, string> = PARAMS as unknown as Record<string, string>,
): string => `${AUTH_SCHEME} ${order.map((n) => `${n}="${p[n] ?? ''}"`).join(sep)}`;

test('formatAuthorization output parses back to the same parameters', () => {
  expect(parseAuthorization(formatAuthorization(PARAMS))).toEqual({ ok: true, params: PARAMS });
});

test('all 120 orders of the five parameters parse to the same values', () => {
  const orders = permutations(NAMES);
  expect(orders).toHaveLength(120);
  for (const order of orders) expect(parseAuthorization(header(order))).toEqual({ ok: true, params: PARAMS });
});

test('spaces after the commas and around the header are tolerated', () => {
  expect(parseAuthorization(`  ${header(NAMES, ', ')}  `)).toEqual({ ok: true, params: PARAMS });
});

test('quoted values keep "=", "/" and "+" of Base64 intact', () => {
  const parsed = parseAuthorization(header(NAMES));
  expect(parsed.ok && parsed.params.signature).toBe(PARAMS.signature);
});

const full = header(NAMES);
// [title, expected reason, expected detail (substring), header]
const MALFORMED: Array<[string, string, string, string | undefined]> = [
  ['no header at all', 'missing', 'no Authorization header', undefined],
  ['an empty header', 'missing', 'no Authorization header', ''],
  ['a blank header', 'missing', 'no Authorization header', '   '],
  ['another scheme', 'scheme', `the scheme must be ${AUTH_SCHEME}, got "Bearer"`, 'Bearer abc.def'],
  [
    'the scheme in lower case',
    'scheme',
    `got "${AUTH_SCHEME.toLowerCase()}"`,
    full.replace(AUTH_SCHEME, AUTH_SCHEME.toLowerCase()),
  ],
  ['the v2-style MD5 scheme', 'scheme', 'got "WECHATPAY2-MD5"', 'WECHATPAY2-MD5 mchid="1"'],
  [
    'the scheme with no parameters',
    'malformed',
    'missing or empty parameter(s) mchid, nonce_str, timestamp, serial_no, signature',
    AUTH_SCHEME,
  ],
  [
    'unquoted values',
    'malformed',
    'cannot parse the parameters from character 0: "mchid=1230000109,nonce_str=\\"a\\""',
    `${AUTH_SCHEME} mchid=1230000109,nonce_str="a"`,
  ],
  [
    'an unterminated quote',
    'malformed',
    'cannot parse the parameters from character 0',
    `${AUTH_SCHEME} mchid="1230000109`,
  ],
  ['garbage after the last parameter', 'malformed', 'cannot parse the parameters from character', `${full} junk`],
  ['a parameter twice', 'malformed', 'parameter mchid appears twice', `${full},mchid="1"`],
  ['an unknown parameter', 'malformed', 'unknown parameter(s) realm', `${full},realm="x"`],
  [
    'a missing signature',
    'malformed',
    'missing or empty parameter(s) signature',
    header(NAMES.filter((n) => n !== 'signature')),
  ],
  [
    'an empty nonce_str',
    'malformed',
    'missing or empty parameter(s) nonce_str',
    header(NAMES, ',', { ...PARAMS, nonce_str: '' }),
  ],
  [
    'a timestamp in milliseconds-free text',
    'malformed',
    'timestamp must be Unix seconds',
    header(NAMES, ',', { ...PARAMS, timestamp: '2019-04-02' }),
  ],
  ['parameters separated by semicolons', 'malformed', 'cannot parse the parameters from character', header(NAMES, ';')],
];

test.each(MALFORMED)('%s → %s with a precise detail', (_name, reason, detail, input) => {
  const parsed = parseAuthorization(input);
  expect(parsed).toMatchObject({ ok: false, reason });
  expect(parsed.ok ? '' : parsed.detail).toContain(detail);
});

test('no string makes it throw; a failure always carries a reason and a non-empty detail', () => {
  const anyHeader = fc.oneof(
    fc.string(),
    fc.string().map((s) => `${AUTH_SCHEME} ${s}`),
    fc.string({ unit: 'binary' }),
  );
  fc.assert(
    fc.property(anyHeader, (input) => {
      const parsed = parseAuthorization(input);
      return parsed.ok
        ? NAMES.every((n) => parsed.params[n] !== '')
        : parsed.detail.length > 0 && ['missing', 'scheme', 'malformed'].includes(parsed.reason);
    }),
    { seed: 20240603, numRuns: 2000 },
  );
});
