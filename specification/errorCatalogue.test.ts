import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { errorCodes } from '.';

// fastify's habit: one catalogue of error codes, and a test that keeps code and docs in agreement.
describe('the error-code catalogue and docs/reference.md agree', () => {
  const readme = readFileSync(join(__dirname, '..', 'docs', 'reference.md'), 'utf8');
  const rows = [...readme.matchAll(/^\| (\d{3}) \| ([A-Z_]+) \| (SEED|SIBLING|DECISION) \| (.+) \|$/gm)].map(
    ([, status, code, basis, when]) => ({ status: Number(status), code, basis, when }),
  );

  it('docs/reference.md lists exactly the status/code pairs of x-error-codes, with the same basis and text', () => {
    expect(rows.length).toBeGreaterThan(0);
    expect(rows).toEqual(errorCodes().map((e) => ({ status: e.status, code: e.code, basis: e.basis, when: e.when })));
  });

  it('each code has one status', () => {
    const codes = errorCodes().map((e) => e.code);
    expect(new Set(codes).size).toBe(codes.length);
  });
});
