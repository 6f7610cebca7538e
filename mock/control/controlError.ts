/** A control request that cannot be carried out; code is one of x-error-codes. */
export class ControlError extends Error {
  constructor(readonly code: string, message: string) {
    super(message);
    this.name = 'ControlError';
  }
}
