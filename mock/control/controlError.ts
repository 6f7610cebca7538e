/** Where a refused control input sits: a body member (`/ms`) or a path segment (`order_id`). */
export interface ControlField {
  field: string;
  location: 'body' | 'path';
}

/** A control request that cannot be carried out; code is one of x-error-codes, field names the input at fault. */
export class ControlError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly at?: ControlField,
  ) {
    super(message);
    this.name = 'ControlError';
  }
}
