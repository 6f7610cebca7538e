export { EXIT, type ExitCode } from './exitCodes';
export {
  TOOL_ERROR_CODES,
  TOOL_ERRORS,
  type ProblemLine,
  type ToolErrorArgs,
  type ToolErrorCode,
} from './toolErrorCatalogue';
export { createToolError, exitCodeOf, toolError, ToolError, type ToolErrorClass } from './toolError';
