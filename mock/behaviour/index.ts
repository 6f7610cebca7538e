// How the mock's behaviour varies: one policy, a few seams, the faults and readings that act there.
export { CREATE_STEPS, REFERENCE_POLICY } from './policy';
export type { CreateStep, Policy } from './policy';
export type { ErrorShape, Variation } from './variation';
export { composeBehaviour } from './composeBehaviour';
export type { Behaviour } from './composeBehaviour';
export { namedCatalogue } from './namedCatalogue';
export type { NamedCatalogue } from './namedCatalogue';
export { lenientJson } from './lenientJson';
export * as bind from './binders';
export { atMax, charCount, overCap, refuseIf, secondOrderId, sharedPackage } from './blindSpots';
export { CHINESE_MESSAGES, wechatDetail } from './wechatErrorShapes';
export { fillNoValue, GO_ZERO, JACKSON_NULL, omitEmpty } from './noValueForms';
