// Public API of the generators: valid, boundary and invalid create-order requests (fast-check).
export { defaultRequestConstraints } from './requestConstraints';
export type { RequestConstraints } from './requestConstraints';
export { validRequest, MIN_UNIQUE_POSITIONS } from './validRequest';
export { boundaryRequest } from './boundaryRequest';
export { boundaryCases } from './boundaryCases';
export type { BoundaryCase } from './boundaryCases';
export { invalidRequest } from './invalidRequest';
export { invalidCases } from './invalidCases';
export type { GeneratedViolation, InvalidCase, InvalidSample } from './invalidSample';
export { hasUniqueRoom, UNIQUE_COUNTERS, withUniqueOutOrderNo } from './withUniqueOutOrderNo';
export { NOT_GENERATABLE } from './notGeneratable';
