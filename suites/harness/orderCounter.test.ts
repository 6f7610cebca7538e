import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { UNIQUE_COUNTERS } from '../../generators';
import { SUITE_NAMES } from '../conformanceJestConfig';
import { blockBase, COUNTERS_PER_FILE, FILE_BLOCKS, fileBlock } from './orderCounter';

const FILES = ['auth', 'boundary', 'invalid'];

describe('out_order_no counters: one block per suite file', () => {
  it('gives each suite file its own block, by name', () => {
    expect(fileBlock('/x/suites/auth.suite.ts', FILES)).toBe(0);
    expect(fileBlock('/x/suites/boundary.suite.ts', FILES)).toBe(1);
    expect(fileBlock('/x/dist/suites/invalid.suite.js', FILES)).toBe(2);
    expect(fileBlock(undefined, FILES)).toBe(0);
    expect(fileBlock('/x/suites/harness/orderCounter.test.ts', FILES)).toBe(0);
  });

  it('has a block for every suite file on disk (SUITE_NAMES lists them all)', () => {
    const onDisk = readdirSync(join(__dirname, '..'))
      .filter((f) => f.endsWith('.suite.ts'))
      .map((f) => f.replace(/\.suite\.ts$/, ''))
      .sort();
    expect([...SUITE_NAMES]).toEqual(onDisk);
    expect(SUITE_NAMES.length).toBeLessThanOrEqual(FILE_BLOCKS);
  });

  it('names the constant to raise when there are more suite files than blocks', () => {
    const many = Array.from({ length: FILE_BLOCKS + 1 }, (_, i) => `f${i}`);
    expect(() => fileBlock(`/x/f${FILE_BLOCKS}.suite.ts`, many)).toThrow(/FILE_BLOCKS/);
  });

  it('keeps the blocks of two files, and of two start seconds, apart and within the room', () => {
    const second = 1_765_000_000_000;
    const ranges = [0, 1, FILE_BLOCKS - 1].flatMap((b) =>
      [second, second + 1000].map((t) => [blockBase(t, b), blockBase(t, b) + COUNTERS_PER_FILE - 1] as const),
    );
    for (const [i, a] of ranges.entries())
      for (const b of ranges.slice(i + 1)) expect(a[1] < b[0] || b[1] < a[0]).toBe(true);
    expect(Math.max(...ranges.map((r) => r[1]))).toBeLessThan(UNIQUE_COUNTERS);
  });

  it('counts apart in two suite files that load in the same second (each has its own module registry)', () => {
    const counterIn = (testPath: string): number => {
      let next = 0;
      const real = expect.getState().testPath;
      expect.setState({ testPath });
      jest.isolateModules(() => {
        next = jest.requireActual<typeof import('./orderCounter')>('./orderCounter').nextOrderCounter();
      });
      expect.setState({ testPath: real });
      return next;
    };
    const dir = `${__dirname}/..`;
    expect(counterIn(`${dir}/boundary.suite.ts`)).not.toBe(counterIn(`${dir}/invalid.suite.ts`));
  });
});
