import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readEvidence, readTestcases, type AuditModel } from '../../judgement';
import { DEFAULT_CONCURRENCY } from '../harness';
import { runConformanceIn } from './runAgainstMock';

// `run --concurrency 1` and the default concurrency on the same seed must say the same: the same
// JUnit testcases, the same verdict and exchange counts for every rule, the same evidence record for
// every test, the same failures. Two faults make some verdicts fail, so failures are compared too.
const FAULTS = { PAYSCORE_MOCK_FAULTS: 'accept-long-out-order-no,no-request-id' };
const SEED = ['--seed', '4242'];

jest.setTimeout(300_000);

const rules = (model: AuditModel) => model.rows.map((r) => [r.id, r.verdict, r.exchanges, r.tests, r.failures.length]);
const testcases = (reports: string): string[] =>
  readTestcases(readFileSync(join(reports, 'junit-conformance.xml'), 'utf8'))
    .map((t) => `${t.classname} › ${t.name}`)
    .sort();
/** Every evidence record without what differs between any two runs (curl lines, timestamps, case-file hashes). */
const evidence = (reports: string) =>
  readEvidence(join(reports, 'evidence')).map(({ detail: _d, caseFile: _c, ...judged }) => judged);
const caseFiles = (reports: string): number => readdirSync(join(reports, 'cases')).length;

describe(`self-test: --concurrency 1 and the default (${DEFAULT_CONCURRENCY}) judge alike`, () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'payscore-concurrency-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('gives the same testcases, verdicts and evidence on the same seed', async () => {
    const one = await runConformanceIn(join(dir, 'one'), [...SEED, '--concurrency', '1'], FAULTS);
    const many = await runConformanceIn(join(dir, 'many'), SEED, FAULTS);
    expect(many.exitCode).toBe(one.exitCode);
    expect(one.model.summary.failed).toBeGreaterThan(0);
    expect(rules(many.model)).toEqual(rules(one.model));
    expect(testcases(join(dir, 'many'))).toEqual(testcases(join(dir, 'one')));
    expect(evidence(join(dir, 'many'))).toEqual(evidence(join(dir, 'one')));
    expect(caseFiles(join(dir, 'many'))).toBe(caseFiles(join(dir, 'one')));
  });
});
