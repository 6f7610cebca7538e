import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { reportSchemaProblems } from '../judgement';
import { CLIENT_REPORT_FILES, clientRules } from '../clientAudit';
import { auditClientCommand } from './auditClientCommand';
import { captureIo, tempDirs } from './testing/captureIo';

// The mirror of the fault self-test, for callers: the reference driver (examples/clients/reference.js,
// written to facts §10 only) passes every client rule, under every fair variation of defects.js; the
// same driver with any one defect of defects.js fails under the rule that defect names, with exit 1.

interface DriverSwitches {
  DEFECTS: Record<string, { rule: string; scenarios: string[]; description: string }>;
  VARIANTS: Record<string, string>;
}
const DRIVER = join(__dirname, '..', 'examples', 'clients', 'reference.js');
const { DEFECTS, VARIANTS } = createRequire(__filename)(
  join(__dirname, '..', 'examples', 'clients', 'defects.js'),
) as DriverSwitches;
const reportsDir = tempDirs('payscore-audit-client-selftest-');

interface ClientReport {
  summary: { failed: number; passed: number; rules: number };
  rows: Array<{ id: string; verdict: string }>;
}

async function audit(
  flags: string[],
  driverArgs: string[],
  command: string[] = ['node', DRIVER],
): Promise<{ exitCode: number; report: ClientReport; err: string[] }> {
  const dir = reportsDir();
  const { io, err } = captureIo();
  const exitCode = await auditClientCommand(
    ['--quiet', '--reports', dir, ...flags, '--', ...command, ...driverArgs],
    io,
  );
  const report = JSON.parse(readFileSync(join(dir, CLIENT_REPORT_FILES.json), 'utf8')) as ClientReport;
  return { exitCode, report, err };
}
const failedRules = (r: ClientReport): string[] =>
  r.rows.filter((row) => row.verdict === 'failed').map((row) => row.id);

jest.setTimeout(120_000);

/** Fair callers of issue 26, a few variations per full run (the variations do not meet). */
const FAIR_GROUPS: Record<string, { flags: string[]; variants: string[] }> = {
  'keep-alive, pretty, upper-case, slow clock, 100-continue': {
    flags: [],
    variants: ['keep-alive-agent', 'pretty-body', 'upper-case-headers', 'clock-behind', 'expect-continue', 'one-retry'],
  },
  'connection close, reordered, fast clock, strict window, short timeout': {
    flags: [],
    variants: [
      'no-keep-alive',
      'reordered-body',
      'clock-ahead',
      'strict-answer-window',
      'short-timeout',
      'full-jitter',
    ],
  },
  'escaped body, Retry-After, certificate mode': {
    flags: ['--key-mode', 'certificate'],
    variants: ['escaped-body', 'retry-after', 'equal-jitter'],
  },
  'five attempts, certificate mode': {
    flags: ['--key-mode', 'certificate'],
    variants: ['five-attempts'],
  },
};
const RANDOMISED = ['full-jitter', 'equal-jitter'];

describe('self-test: the caller audit passes a correct caller and catches every defect', () => {
  it('the reference driver passes every client rule, in every scenario', async () => {
    const { exitCode, report, err } = await audit([], []);
    expect([failedRules(report), err.filter((l) => l.includes('failed —'))]).toEqual([[], []]);
    expect(report.summary.passed).toBe(clientRules().length);
    expect(reportSchemaProblems(report)).toEqual([]);
    expect(exitCode).toBe(0);
  });

  it('passes fair variations: zero retries, browser-like headers, codes inside its own wording, certificate mode', async () => {
    const run = await audit(
      ['--key-mode', 'certificate'],
      ['--variant', 'zero-retries', '--variant', 'browser-headers', '--variant', 'worded-codes'],
    );
    expect(failedRules(run.report)).toEqual([]);
    expect(run.exitCode).toBe(0);
  });

  it('passes a caller that waits 30 s for an answer and backs off long (the slow answer reaches it)', async () => {
    const run = await audit(['--timeout', '9000'], ['--variant', 'long-timeout', '--variant', 'slow-backoff']);
    expect(failedRules(run.report)).toEqual([]);
    expect(run.exitCode).toBe(0);
  });

  it('declares each fair variation it tests', () => {
    const tested = [
      'browser-headers',
      'long-timeout',
      'slow-backoff',
      'worded-codes',
      'zero-retries',
      ...Object.values(FAIR_GROUPS).flatMap((g) => g.variants),
      ...RANDOMISED,
    ];
    expect(Object.keys(VARIANTS).sort()).toEqual([...new Set(tested)].sort());
    expect(Object.keys(DEFECTS).length).toBeGreaterThanOrEqual(40);
    expect(Object.keys(VARIANTS).length).toBeGreaterThanOrEqual(15);
  });

  // Every fair variation of issue 26, in full runs of a few variations each (one driver process per scenario).
  it.concurrent.each(Object.entries(FAIR_GROUPS))('passes the fair callers of group %s', async (_name, group) => {
    const run = await audit(
      group.flags,
      group.variants.flatMap((v) => ['--variant', v]),
    );
    expect([failedRules(run.report), run.err.filter((l) => l.includes('failed —'))]).toEqual([[], []]);
    expect(run.exitCode).toBe(0);
  });

  // Randomised waits get one verdict: 10 runs of 10 pass, where a wait is drawn (429s, 5xx, a drop).
  it.concurrent.each(RANDOMISED)('passes the randomised fair caller %s in 10 runs of 10', async (variant) => {
    // One after another: ten audits at once would load a 2-core machine past the callers' own timeouts.
    const runs: Array<Awaited<ReturnType<typeof audit>>> = [];
    for (let i = 0; i < 10; i++)
      runs.push(
        await audit(
          [
            '--seed',
            String(7 + i),
            '--scenario',
            'rate-limited-then-genuine',
            '--scenario',
            'system-error-then-genuine',
          ],
          ['--variant', variant],
        ),
      );
    expect(runs.map((r) => [r.exitCode, failedRules(r.report)])).toEqual(runs.map(() => [0, []]));
  });

  it('fails a driver that does nothing but print a failure, naming CLIENT-CREATES-ORDER and coverage', async () => {
    const run = await audit([], [], ['bash', '-c', 'echo \'{"outcome":"failed","code":null}\'']);
    expect(failedRules(run.report)).toEqual(expect.arrayContaining(['CLIENT-CREATES-ORDER', 'CLIENT-SIGNATURE']));
    expect(run.err.at(-1)).toContain('never exercised (failed): CLIENT-SIGNATURE');
    expect(run.exitCode).toBe(1);
  });

  it('names the rules a caller that never retries leaves unexercised, as the written exceptions, and passes it', async () => {
    const run = await audit([], ['--variant', 'zero-retries']);
    expect(run.err.at(-1)).toContain('not exercised, written exceptions: CLIENT-RETRY-SAME-OON, CLIENT-ONE-ORDER');
    expect(run.exitCode).toBe(0);
  });

  // Caught over a retry sequence (five retries within 50 ms of a 429): run apart from the concurrent batch,
  // which with the other self-tests can stall a tight loop on a 2-core machine (seen once in CI).
  const BY_TIMING = new Set(['tight-429', 'fixed-10ms-429']);
  const defects = Object.entries(DEFECTS).map(([name, d]) => [name, d.rule, d.scenarios] as const);
  const proving = (scenarios: readonly string[]): string[] => scenarios.flatMap((s) => ['--scenario', s]);

  it.concurrent.each(defects.filter(([name]) => !BY_TIMING.has(name)))(
    'defect %s fails under %s, with exit 1',
    async (name, ruleId, scenarios) => {
      const run = await audit(['--only', ruleId, ...proving(scenarios)], ['--defect', name]);
      expect(failedRules(run.report)).toEqual([ruleId]);
      expect(run.exitCode).toBe(1);
    },
  );

  it.each(defects.filter(([name]) => BY_TIMING.has(name)))(
    'defect %s fails under %s, with exit 1 (alone; caught in one of three runs, as a stall can hide it)',
    async (name, ruleId, scenarios) => {
      const runs: Array<{ failed: string[]; exitCode: number }> = [];
      for (let i = 0; i < 3 && !(runs.at(-1)?.exitCode === 1); i++) {
        const run = await audit(['--only', ruleId, ...proving(scenarios)], ['--defect', name]);
        runs.push({ failed: failedRules(run.report), exitCode: run.exitCode });
      }
      expect(runs.at(-1)).toEqual({ failed: [ruleId], exitCode: 1 });
    },
  );
});
