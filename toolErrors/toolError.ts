import type { ExitCode } from './exitCodes';
import { TOOL_ERRORS, type ToolErrorArgs, type ToolErrorCode } from './toolErrorCatalogue';

/** An error of ours (see toolErrorCatalogue.ts): never a verdict on a target. */
export class ToolError extends Error {
  constructor(
    readonly code: ToolErrorCode,
    message: string,
  ) {
    super(message);
  }

  get exitCode(): ExitCode {
    return TOOL_ERRORS[this.code].exit;
  }
}

export type ToolErrorClass<C extends ToolErrorCode> = new (...args: ToolErrorArgs<C>) => ToolError & { code: C };

const classes = new Map<ToolErrorCode, ToolErrorClass<ToolErrorCode>>();

/**
 * The class of one catalogue entry, fastify's createError: its constructor takes the message template's
 * arguments, its name is the entry's. One class per code (asked twice, the same class), so `instanceof`
 * holds wherever it is made; a folder may extend it to keep fields of its own (HarnessError's ruleId).
 */
export function createToolError<C extends ToolErrorCode>(code: C): ToolErrorClass<C> {
  const known = classes.get(code);
  if (known !== undefined) return known as unknown as ToolErrorClass<C>;
  const { name, message } = TOOL_ERRORS[code];
  const format = message as (...args: ToolErrorArgs<C>) => string;
  const made = class extends ToolError {
    constructor(...args: ToolErrorArgs<C>) {
      super(code, format(...args));
    }
  };
  Object.defineProperty(made, 'name', { value: name });
  Object.defineProperty(made.prototype, 'name', { value: name, writable: true, configurable: true });
  classes.set(code, made as unknown as ToolErrorClass<ToolErrorCode>);
  return made as unknown as ToolErrorClass<C>;
}

/** A catalogue error made in one step: `toolError('PSC_UNREACHABLE', 'target', url, why)`. */
export function toolError<C extends ToolErrorCode>(code: C, ...args: ToolErrorArgs<C>): ToolError {
  return new (createToolError(code))(...args);
}

/** The exit code an error of ours asks for; undefined for any other error (a bug: it is not ours to map). */
export function exitCodeOf(error: unknown): ExitCode | undefined {
  return error instanceof ToolError ? error.exitCode : undefined;
}
