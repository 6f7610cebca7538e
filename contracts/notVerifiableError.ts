/** A provider state a target cannot be put in: the interaction is reported, never replayed and passed. */
export class NotVerifiableError extends Error {
  constructor(readonly state: string, readonly target: string) {
    super(`provider state "${state}" needs the mock's control interface: not verifiable against a foreign target (${target})`);
    this.name = 'NotVerifiableError';
  }
}
