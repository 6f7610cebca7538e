/**
 * Part `index` (1-based) of `count` of a list, by position: self-test files that run one CLI per entry
 * split their list so that Jest's two workers share it (a file runs in one worker from start to end).
 */
export function part<T>(list: readonly T[], index: number, count: number): T[] {
  return list.filter((_, i) => i % count === index - 1);
}
