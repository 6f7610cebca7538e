import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readTestcases, type AuditModel } from '../../judgement';
import { execCli, readReport, runConformanceIn } from './runAgainstMock';

// `run --shard i/n` on n machines, then `report merge`, must say what one unsharded run says: the
// same verdict for every rule and the same JUnit testcases. Faults in two suites make the verdicts
// differ from "all passed", so a shard that lost or duplicated evidence shows.
const FAULTS = { PAYSCORE_MOCK_FAULTS: 'accept-long-out-order-no,no-request-id' };
const SEED = ['--seed', '4242'];

jest.setTimeout(300_000);

const verdicts = (model: AuditModel): Record<string, string> =>
  Object.fromEntries(model.rows.map((r) => [r.id, r.verdict]));
const testcases = (junitFile: string): string[] =>
  readTestcases(readFileSync(junitFile, 'utf8'))
    .map((t) => t.name)
    .sort();

describe('self-test: three merged shards equal one unsharded run on the same seed', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'payscore-shards-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('gives the same verdict for every rule and the same testcases', async () => {
    const whole = await runConformanceIn(join(dir, 'whole'), SEED, FAULTS);
    const shards = await Promise.all(
      [1, 2, 3].map((i) => runConformanceIn(join(dir, `shard-${i}`), [...SEED, '--shard', `${i}/3`], FAULTS)),
    );
    // Each shard runs whole suite files: together they ran every test once.
    expect(
      shards
        .map((s) => s.model.rows.filter((r) => r.verdict !== 'not exercised').length)
        .every((n) => n < whole.model.summary.covered),
    ).toBe(true);
    const merged = await execCli([
      'report',
      'merge',
      ...[1, 2, 3].map((i) => join(dir, `shard-${i}`)),
      '--out',
      join(dir, 'merged'),
    ]);
    expect(merged.exitCode).toBe(whole.exitCode);
    const model = readReport(join(dir, 'merged'), merged.output);
    expect(model.summary.failed).toBeGreaterThan(0);
    expect(verdicts(model)).toEqual(verdicts(whole.model));
    expect(testcases(join(dir, 'merged', 'junit-conformance.xml'))).toEqual(
      testcases(join(dir, 'whole', 'junit-conformance.xml')),
    );
    expect(model.provenance.shards).toEqual([1, 2, 3].map((index) => ({ index, count: 3 })));
  });

  it('takes an empty shard (more shards than suite files) as a valid, empty part of the run', async () => {
    const empty = await runConformanceIn(join(dir, 'empty'), [...SEED, '--shard', '8/8'], FAULTS);
    expect(empty.exitCode).toBe(0);
    expect(empty.model.summary.covered).toBe(0);
    expect(empty.model.provenance.shards).toEqual([{ index: 8, count: 8 }]);
  });
});
