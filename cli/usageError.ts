import { createToolError } from '../toolErrors';

/** A problem with the command line: the command reports it, naming the flag, and exits 2 (PSC_USAGE). */
export const UsageError = createToolError('PSC_USAGE');
export type UsageError = InstanceType<typeof UsageError>;
