import { EXIT, toolError } from '../toolErrors';
import { commandOutput } from './commandOutput';
import { UsageError } from './usageError';

describe("commandOutput's fail: the one place an error becomes an exit code", () => {
  const capture = () => {
    const lines: string[] = [];
    return { lines, output: commandOutput('replay', { out: () => undefined, err: (l) => lines.push(l) }) };
  };

  it('reports an error of ours under the command, framed, and gives its catalogue exit code', () => {
    const { lines, output } = capture();
    expect(
      output.fail(toolError('PSC_CASE_FILE', 'x.json: missing'), { before: 'case ', after: ' (see --help)' }),
    ).toBe(EXIT.PROBLEM);
    expect(output.fail(new UsageError('--timeout: expected an integer'))).toBe(EXIT.PROBLEM);
    expect(lines).toEqual([
      'payscore-conformance replay: case x.json: missing (see --help)',
      'payscore-conformance replay: --timeout: expected an integer',
    ]);
  });

  it('rethrows any other error: a bug of ours is not a problem to word as one', () => {
    const { lines, output } = capture();
    const bug = new TypeError('x is undefined');
    expect(() => output.fail(bug)).toThrow(bug);
    expect(lines).toEqual([]);
  });
});
