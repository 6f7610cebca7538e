import { integerFlag } from './integerFlag';
import { UsageError } from './usageError';

describe('integerFlag (every command: run, notify, replay, mock, receiver)', () => {
  test('absent is undefined; a whole number in range is that number', () => {
    expect(integerFlag('port', undefined, 0, 65535)).toBeUndefined();
    expect(integerFlag('port', '65535', 0, 65535)).toBe(65535);
    expect(integerFlag('seed', '0', 0)).toBe(0);
  });

  test.each([
    ['port', 'x', 0, 65535, '--port "x": expected a whole number from 0 to 65535'],
    ['port', '70000', 0, 65535, '--port "70000": expected a whole number from 0 to 65535'],
    ['timeout', '0', 1, undefined, '--timeout "0": expected a whole number >= 1'],
    ['seed', '-1', 0, undefined, '--seed "-1": expected a whole number >= 0'],
    ['runs', '1e3', 1, undefined, '--runs "1e3": expected a whole number >= 1'],
    ['seed', '99999999999999999999', 0, undefined, '--seed "99999999999999999999": expected a whole number >= 0'],
  ])('--%s %j is a UsageError naming the flag', (name, raw, min, max, message) => {
    expect(() => integerFlag(name, raw, min, max)).toThrow(new UsageError(message));
  });
});
