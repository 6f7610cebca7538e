import { isObject } from './isObject';

describe('isObject', () => {
  test.each([[{}], [{ a: 1 }], [Object.create(null) as object]])('%j is an object', (v) => {
    expect(isObject(v)).toBe(true);
  });

  test.each([[null], [undefined], [[]], [[1]], ['{}'], [0], [true]])('%j is not an object', (v) => {
    expect(isObject(v)).toBe(false);
  });
});
