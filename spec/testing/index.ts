// Test support built on the specification alone, for every folder's tests. Never re-exported from spec/index.ts.
export { validBody } from './validBody';
export type { RequestExampleName } from './validBody';
