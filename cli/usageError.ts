import { createToolError } from '../toolErrors';

/** A problem with the command line: the command reports it, naming the flag, and exits 2 (PSC_USAGE). */
export class UsageError extends createToolError('PSC_USAGE') {}
