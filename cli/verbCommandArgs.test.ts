import { parseVerbCommand } from './verbCommandArgs';
import { UsageError } from './usageError';

const MERGE = { verb: 'merge', items: 'reports DIR', folderFlag: 'out' };

describe('parseVerbCommand: VERB ITEM… [--FOLDER DIR] (report merge, pact verify)', () => {
  it('reads the items and the folder, reports/ by default, and --help', () => {
    expect(parseVerbCommand(['merge', 'a', 'b', '--out', 'x'], MERGE)).toEqual({
      help: false,
      items: ['a', 'b'],
      folder: 'x',
    });
    expect(parseVerbCommand(['merge', 'a'], MERGE)).toEqual({ help: false, items: ['a'], folder: 'reports' });
    expect(parseVerbCommand(['--help'], MERGE)).toEqual({ help: true });
  });

  it.each([
    [['verify', 'a'], 'expected merge'],
    [[], 'missing subcommand ""'],
    [['merge'], 'merge needs at least one reports DIR'],
    [['merge', 'a', '--out', ''], '--out needs a folder'],
    [['merge', 'a', '--reports', 'x'], "Unknown option '--reports'"],
  ])('%j is a UsageError saying %s', (argv, message) => {
    expect(() => parseVerbCommand(argv, MERGE)).toThrow(UsageError);
    expect(() => parseVerbCommand(argv, MERGE)).toThrow(message);
  });
});
