import { createToolError } from '../../toolErrors';

/** Where a refused control input sits: a body member (`/ms`) or a path segment (`order_id`). */
export interface ControlField {
  field: string;
  location: 'body' | 'path';
}

/**
 * A control request that cannot be carried out; wireCode is one of x-error-codes (answered with it, HTTP
 * 400), field names the input at fault. Catalogue entry PSC_CONTROL (toolErrors/): `code` is that entry's.
 */
export class ControlError extends createToolError('PSC_CONTROL') {
  constructor(
    readonly wireCode: string,
    message: string,
    readonly at?: ControlField,
  ) {
    super(wireCode, message);
  }
}
