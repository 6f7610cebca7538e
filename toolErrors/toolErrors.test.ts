import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createToolError, EXIT, exitCodeOf, TOOL_ERROR_CODES, TOOL_ERRORS, toolError, ToolError } from '.';

// fastify's test/internals/errors.test.js, for our catalogue: the docs table and the catalogue agree both ways,
// and the factory makes what the catalogue says.

/** The rows of docs/errors.md's table: code, name, exit code. */
function documented(): { code: string; name: string; exit: number }[] {
  const text = readFileSync(join(__dirname, '..', 'docs', 'errors.md'), 'utf8');
  return [...text.matchAll(/^\|\s*`(PSC_[A-Z_]+)`\s*\|\s*`([A-Za-z]+)`\s*\|\s*(\d)\s*\|/gm)].map((m) => ({
    code: m[1] ?? '',
    name: m[2] ?? '',
    exit: Number(m[3]),
  }));
}

describe('docs/errors.md and the catalogue', () => {
  it('document every code of the catalogue, with its name and exit code', () => {
    const rows = documented();
    for (const code of TOOL_ERROR_CODES)
      expect(rows.find((r) => r.code === code)).toEqual({
        code,
        name: TOOL_ERRORS[code].name,
        exit: TOOL_ERRORS[code].exit,
      });
  });

  it('document no code the catalogue lacks, and each code once', () => {
    const codes = documented().map((r) => r.code);
    expect(codes.filter((c) => !(TOOL_ERROR_CODES as string[]).includes(c))).toEqual([]);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('give each entry a name of its own (run tells a harness problem by it)', () => {
    const names = TOOL_ERROR_CODES.map((c) => TOOL_ERRORS[c].name);
    expect(new Set(names).size).toBe(names.length);
  });
});

describe('createToolError', () => {
  it('makes one class per code: its name, code, exit code and templated message', () => {
    const Unreachable = createToolError('PSC_UNREACHABLE');
    expect(createToolError('PSC_UNREACHABLE')).toBe(Unreachable);
    const error = new Unreachable('target', 'http://127.0.0.1:1', 'ECONNREFUSED');
    expect(error).toBeInstanceOf(ToolError);
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ name: 'Unreachable', code: 'PSC_UNREACHABLE', exitCode: EXIT.PROBLEM });
    expect(error.message).toBe('target http://127.0.0.1:1 is unreachable: ECONNREFUSED');
    expect(String(error.stack)).toMatch(/^Unreachable: target http/);
  });

  it('keeps instanceof for a folder that extends the class, and toolError makes the same class', () => {
    class Harness extends createToolError('PSC_HARNESS') {}
    const error = new Harness('AUTH-SIG', 'valid body', 'auth');
    expect(error).toBeInstanceOf(createToolError('PSC_HARNESS'));
    expect(error.message).toBe('[auth AUTH-SIG] harness problem: valid body');
    expect(error.name).toBe('HarnessError');
    expect(toolError('PSC_USAGE', '--x: no')).toBeInstanceOf(createToolError('PSC_USAGE'));
  });

  it('gives an exit code for an error of ours only', () => {
    expect(exitCodeOf(toolError('PSC_CASE_FILE', 'f: missing'))).toBe(EXIT.PROBLEM);
    expect(exitCodeOf(new Error('a bug'))).toBeUndefined();
    expect(exitCodeOf('a string')).toBeUndefined();
  });

  it('words a profile error as before the catalogue, every problem with its fix', () => {
    const error = toolError('PSC_PROFILE', [{ field: 'mchid', problem: 'missing', fix: 'add it' }], 'p.json');
    expect(error.message).toBe('the target profile p.json has 1 problem:\n  1. mchid: missing\n     fix: add it');
  });
});
