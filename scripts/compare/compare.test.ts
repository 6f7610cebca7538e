// The comparison harness must be able to fail: what differs between two runs by design normalises away,
// and a changed verdict, a removed field or a changed JUnit status never does.
/* eslint-disable @typescript-eslint/no-require-imports */
type Norm = { text(s: string): string; json(v: unknown): unknown };
type Difference = { section?: string; path: string; kind: string; before?: unknown; after?: unknown };
type Scenario = { exitCode: number; stdout: string[]; stderr: string[]; files: Record<string, unknown> };
const { normaliser } = require('./normalise.js') as { normaliser(paths?: Record<string, string>): Norm };
const { jsonDiff, counts } = require('./jsonDiff.js') as {
  jsonDiff(a: unknown, b: unknown): Difference[];
  counts(d: Difference): boolean;
};
const { scenarioDiff } = require('./diff.js') as { scenarioDiff(a: Scenario, b: Scenario): Difference[] };
const { testcases } = require('./junit.js') as { testcases(xml: string): Array<Record<string, unknown>> };

const norm = normaliser({ CHECKOUT: '/work/before', OUT: '/work/compare/before' });

describe('the normaliser', () => {
  it('makes two runs of one seed read the same: times, ports, paths, keys, nonces, clock-made ids', () => {
    const run = (port: number, serial: string, iso: string, oon: string, ms: string) =>
      norm.text(
        `/work/compare/before/raw/run-clean/reports/cases/IDEMP-SAME-${serial.slice(0, 12).toLowerCase()}.json ` +
          `http://127.0.0.1:${port}/v3 serial_no="${serial}" at ${iso} (${ms} ms) {"out_order_no":"${oon}"} ` +
          `timestamp="17966877${port % 100}" seed 20261127 /work/before/suites/x.ts`,
      );
    const one = run(45379, '3DD10F051ADC5662F632C20650543A1C3510AE9B', '2026-12-07T23:54:58.653Z', 'rU70GOUF', '12');
    const two = run(36235, '083950513D0C700F454D8CF2F2EF34BBA82F48FD', '2026-12-08T00:03:54.001Z', 'rU71GCSN', '7.4');
    expect(one).toBe(two);
    expect(one).toContain('<OUT>/raw/run-clean');
    expect(one).toContain('<CHECKOUT>/suites/x.ts');
    expect(one).toContain('seed 20261127');
  });

  it('keeps what a verdict is made of: rule ids, codes, statuses, amounts, file names', () => {
    const line = 'IDEMP-SAME [SEED] failed: expected 400 INVALID_REQUEST, got 200; amount 295589; pact-report.json';
    expect(norm.text(line)).toBe(line);
    expect(norm.text('example-merchant-shop-payscore-acquiringbank-serviceorder.json')).toBe(
      'example-merchant-shop-payscore-acquiringbank-serviceorder.json',
    );
  });

  it('masks time fields of JSON reports by key, not their siblings', () => {
    expect(norm.json({ generatedAt: 'x', verdict: 'failed', exchanges: { judged: 3 } })).toEqual({
      generatedAt: '<VOLATILE>',
      verdict: 'failed',
      exchanges: { judged: 3 },
    });
  });
});

describe('the differ', () => {
  const report = (verdict: string, extra: Record<string, unknown> = {}) => ({
    rows: [
      { id: 'IDEMP-SAME', verdict, exchanges: { judged: 4, failed: 1 }, ...extra },
      { id: 'RISK-CAP', verdict: 'passed', exchanges: { judged: 2, failed: 0 } },
    ],
  });

  it('counts a changed verdict and a removed field, and not a field only AFTER has', () => {
    const changed = jsonDiff(report('failed'), report('passed')).filter(counts);
    expect(changed).toEqual([
      { path: '.rows[id=IDEMP-SAME].verdict', kind: 'changed', before: 'failed', after: 'passed' },
    ]);
    const added = jsonDiff(report('failed'), report('failed', { grouped: 6 }));
    expect(added.map((d) => d.kind)).toEqual(['added']);
    expect(added.filter(counts)).toEqual([]);
    expect(jsonDiff(report('failed', { grouped: 6 }), report('failed')).filter(counts)).toHaveLength(1);
  });

  it('matches rows by rule id, so a row inserted before others is one row added', () => {
    const before = report('failed');
    const after = { rows: [{ id: 'NEW-RULE', verdict: 'passed' }, ...before.rows] };
    const diffs = jsonDiff(before, after).filter(counts);
    expect(diffs.map((d) => [d.kind, d.path])).toEqual([['added row', '.rows[id=NEW-RULE]']]);
    const swapped = jsonDiff(before, { rows: [...before.rows].reverse() }).filter(counts);
    expect(swapped).toEqual([{ path: '.rows', kind: 'changed', before: 'row order', after: 'another row order' }]);
  });

  it('reports an exit code, a verdict and a JUnit status that changed', () => {
    const xml = (failure: string) =>
      `<testsuites><testsuite name="idempotency"><testcase classname="idem" name="IDEMP-SAME replay" time="0.2">${failure}` +
      `<properties><property name="rule" value="IDEMP-SAME"/><property name="latency_ms" value="3"/></properties></testcase></testsuite></testsuites>`;
    const scenario = (exitCode: number, verdict: string, failure: string): Scenario => ({
      exitCode,
      stdout: [],
      stderr: [],
      files: {
        'conformance-report.json': { kind: 'json', value: report(verdict) },
        'junit-conformance.xml': { kind: 'junit', testcases: testcases(xml(failure)) },
      },
    });
    const before = scenario(1, 'failed', '<failure>Error: 1 failure(s):\n    at x (/a/b.ts:1:2)</failure>');
    const diffs = scenarioDiff(before, scenario(0, 'passed', ''));
    expect(diffs.map((d) => d.section)).toEqual(
      expect.arrayContaining(['exit code', 'verdicts', 'conformance-report.json', 'junit-conformance.xml']),
    );
    expect(diffs.find((d) => d.section === 'junit-conformance.xml' && d.path.endsWith('.status'))).toMatchObject({
      before: 'failed',
      after: 'passed',
    });
    expect(scenarioDiff(before, before)).toEqual([]);
    expect(testcases(xml('<failure>Error: x\n    at y (/a/b.ts:1:2)</failure>'))[0]).toMatchObject({
      status: 'failed',
      failure: 'Error: x',
      detail: 'Error: x',
    });
  });
});
