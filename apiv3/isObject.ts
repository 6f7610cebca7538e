/**
 * Whether a parsed JSON value is an object (not null, not an array): the one guard every side uses
 * before it reads fields of a body, a resource or a profile.
 */
export const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
