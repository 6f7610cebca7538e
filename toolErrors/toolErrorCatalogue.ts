/**
 * Our own errors ("tool errors"), one entry each: a stable code, the class name users and the run's
 * harness check see, the exit code, and the message template. fastify's lib/errors.js is the model.
 *
 * Not to be confused with the ERROR CODES of WeChat Pay that the endpoint answers on the wire
 * (openapi.yaml x-error-codes, specification/errorCatalogue.test.ts): those judge a target; these are
 * problems of the tool itself — a bad flag, profile or file, a harness fault, a target out of reach — and
 * never a verdict on a target. docs/errors.md documents every code (toolErrors.test.ts keeps them in step).
 *
 * Every message is exactly the text users saw before the codes existed: the codes are additive and are
 * not printed.
 */
import { EXIT, type ExitCode } from './exitCodes';

/** A profile problem as ProfileError lists it (client/profile's ProfileProblem has this shape). */
export interface ProblemLine {
  field: string;
  problem: string;
  fix: string;
}

export interface ToolErrorEntry<A extends unknown[]> {
  /** The error's name (`error.name`): Jest prints it, and `run` reads it to tell a harness problem from a failure. */
  name: string;
  exit: ExitCode;
  message: (...args: A) => string;
}

const entry = <A extends unknown[]>(name: string, exit: ExitCode, message: (...args: A) => string) => ({
  name,
  exit,
  message,
});

const the = (message: string): string => message;

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

export const TOOL_ERRORS = {
  PSC_USAGE: entry('UsageError', EXIT.PROBLEM, the),
  PSC_PROFILE: entry('ProfileError', EXIT.PROBLEM, (problems: readonly ProblemLine[], source?: string) =>
    [
      `the target profile${source === undefined ? '' : ` ${source}`} has ${plural(problems.length, 'problem')}:`,
      ...problems.map((p, i) => `  ${i + 1}. ${p.field}: ${p.problem}\n     fix: ${p.fix}`),
    ].join('\n'),
  ),
  PSC_TARGET_CONFIG: entry('TargetConfigError', EXIT.PROBLEM, the),
  PSC_HARNESS: entry(
    'HarnessError',
    EXIT.PROBLEM,
    (ruleId: string | undefined, problem: string, check?: string) =>
      `[${check ?? 'harness'}${ruleId === undefined ? '' : ` ${ruleId}`}] harness problem: ${problem}`,
  ),
  PSC_SUITES_BROKEN: entry(
    'SuitesBroken',
    EXIT.PROBLEM,
    () => 'the suites could not run as configured (see the messages above)',
  ),
  PSC_UNREACHABLE: entry(
    'Unreachable',
    EXIT.PROBLEM,
    (what: string, url: string, why: string) => `${what} ${url} is unreachable: ${why}`,
  ),
  PSC_THROTTLED: entry(
    'Throttled',
    EXIT.PROBLEM,
    (left: number, budgetMs: number) =>
      `${left} test(s) not exercised: the target still answered 429 when the throttle budget (${budgetMs} ms) ran out; raise --throttle-budget or lower --concurrency`,
  ),
  PSC_NOTHING_TO_RUN: entry('NothingToRun', EXIT.PROBLEM, the),
  PSC_CASE_FILE: entry('CaseFileError', EXIT.PROBLEM, the),
  PSC_SERVER_START: entry(
    'ServerStartError',
    EXIT.PROBLEM,
    (host: string, port: number, dataDir: string, why: string) =>
      `cannot start on --host ${host} --port ${port} with --data-dir ${dataDir}: ${why}`,
  ),
  PSC_DRIVER_START: entry(
    'DriverStartError',
    EXIT.PROBLEM,
    (command: string, why: string) => `cannot start ${JSON.stringify(command)}: ${why}`,
  ),
  PSC_DRIVER_SILENT: entry(
    'DriverSilent',
    EXIT.PROBLEM,
    (command: string, why: string) =>
      `${JSON.stringify(command)} sent no request and printed no JSON line in any scenario${why}`,
  ),
  PSC_REPORT_MERGE: entry('ReportMergeError', EXIT.PROBLEM, the),
  PSC_REPORTS_WRITE: entry(
    'ReportsWriteError',
    EXIT.PROBLEM,
    (flag: string, dir: string, why: string) => `${flag} ${dir}: cannot write the reports (${why})`,
  ),
  PSC_INSTALL: entry('InstallError', EXIT.PROBLEM, the),
  PSC_PACT_INPUT: entry('PactInputError', EXIT.PROBLEM, the),
  PSC_PACT_MOCK_STAGE: entry('MockStageProblem', EXIT.PROBLEM, the),
  PSC_CONTROL: entry(
    'ControlError',
    EXIT.PROBLEM,
    // The mock answers it on the wire (HTTP 400 with its x-error-code), never as an exit code of its own.
    (_wireCode: string, message: string) => message,
  ),
  PSC_CONTRACT_VERIFICATION: entry(
    'VerificationFailed',
    EXIT.PROBLEM,
    (message: string, report: string) => `${message}\n\n${report}`,
  ),
} as const;

export type ToolErrorCode = keyof typeof TOOL_ERRORS;
export type ToolErrorArgs<C extends ToolErrorCode> = Parameters<(typeof TOOL_ERRORS)[C]['message']>;

export const TOOL_ERROR_CODES = Object.keys(TOOL_ERRORS) as ToolErrorCode[];
