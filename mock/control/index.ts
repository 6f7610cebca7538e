export { createControl } from './controlApi';
export type { MockControl, OrderRef, PutOrderInput } from './controlApi';
export { controlRoute, CONTROL_PREFIX } from './controlRoutes';
export type { ControlRequest } from './controlRoutes';
export { ControlError } from './controlError';
export { isLoopback } from './isLoopback';
export { orderView } from './orderView';
export { controlClient, controlUrlOf } from './controlClient';
