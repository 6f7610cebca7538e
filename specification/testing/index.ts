// Test support built on the specification alone, for every folder's tests. Never re-exported from specification/index.ts.
export { validBody } from './validBody';
export type { RequestExampleName } from './validBody';
