import { specDocument, type ErrorCodeDeclaration } from './document';

/** The error-code catalogue of openapi.yaml (x-error-codes): every status/code pair. */
export function errorCodes(): readonly ErrorCodeDeclaration[] {
  return specDocument()['x-error-codes'];
}

/** The status a code is answered with; throws for a code not in the catalogue. */
export function statusOfCode(code: string): number {
  const found = errorCodes().find((e) => e.code === code);
  if (found === undefined) throw new Error(`error code ${code} is not in openapi.yaml x-error-codes`);
  return found.status;
}

/** Whether a status/code pair is in the catalogue. */
export function isKnownErrorPair(status: number, code: string): boolean {
  return errorCodes().some((e) => e.status === status && e.code === code);
}
