import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import {
  CURL_INLINE_BODY_LIMIT,
  curlTlsOf,
  defaultBodyFile,
  renderCurl,
  type SentRequest,
  type TlsTrust,
} from '../../client';
import type { CheckContext, CheckFailure } from '../../checks';
import type { TargetKind } from '../../judgement';
import { createToolError } from '../../toolErrors';
import type { RunOptions } from './runOptions';

export const CASE_FORMAT = 'payscore-conformance-case/1';

/**
 * One failure as a file `payscore-conformance replay` re-sends: the request as sent but for its
 * Authorization (replay signs afresh), what the checks expected of it, and where it came from.
 */
export interface CaseFile {
  format: typeof CASE_FORMAT;
  ruleId: string;
  check: string;
  basis: string;
  message: string;
  test: string;
  seed?: number;
  path?: string;
  caseName?: string;
  target: { url: string; kind: TargetKind; profilePath?: string };
  request: {
    method: string;
    /** Path with query below the profile's baseUrl (what the client appends to it). */
    path: string;
    /** Headers as sent, Authorization left out. */
    headers: Record<string, string>;
    /** Whether the request was signed (it carried an Authorization header). */
    signed: boolean;
    /**
     * False when the case breaks an AUTH-* rule through its Authorization header (stale, wrong mchid,
     * bad signature …): a fresh signature would remove the very defect, so replay refuses it.
     */
    resignable: boolean;
    /** The exact body bytes: inline (base64) up to CURL_INLINE_BODY_LIMIT, else a file beside the case. */
    body: { base64: string } | { file: string; bytes: number; sha256: string };
  };
  /** The check context but its clock (replay judges at its own now). */
  context: Omit<CheckContext, 'now'>;
}

/** The folder of replayable case files. */
export function casesDir(options: Pick<RunOptions, 'reportsDir'>): string {
  return join(options.reportsDir, 'cases');
}

// Buffers (bodies of an idempotency case's first exchange) travel as base64, not as arrays of numbers.
const replacer = (_key: string, value: unknown): unknown => {
  const v = value as { type?: unknown; data?: unknown };
  return v !== null && typeof v === 'object' && v.type === 'Buffer' && Array.isArray(v.data)
    ? { $base64: Buffer.from(v.data as number[]).toString('base64') }
    : value;
};
const reviver = (_key: string, value: unknown): unknown => {
  const v = value as { $base64?: unknown };
  return v !== null && typeof v === 'object' && typeof v.$base64 === 'string'
    ? Buffer.from(v.$base64, 'base64')
    : value;
};

/** A path to show in a command: relative to the working directory when below it. */
const shown = (file: string): string => {
  const rel = relative(process.cwd(), file);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) ? rel : file;
};

export interface CaseReproduction {
  /** The case file, relative to the reports folder. */
  caseFile: string;
  /** `payscore-conformance replay <file>`, unless the case's defect is its Authorization header. */
  replay?: string;
  /** The curl line, a large body read from the file written beside the case. */
  curl: string;
}

export interface CaseSource {
  options: RunOptions;
  profile: { baseUrl: string; sourcePath?: string; tlsTrust?: TlsTrust };
  kind: TargetKind;
  test: string;
  /** Which exchange of the test (its index), so the name is stable across runs of one seed. */
  index: number;
  request: SentRequest;
  ctx: CheckContext;
  seed?: number;
  path?: string;
  caseName?: string;
}

const AUTH_RULE = /^AUTH-/;

/** Whether the case is about the request's Authorization header (its own rule, or the rule that failed). */
function aboutAuthorization(failure: CheckFailure, ctx: CheckContext): boolean {
  const e = ctx.expectation;
  return (
    AUTH_RULE.test(failure.ruleId) ||
    ((e.kind === 'reject' || e.kind === 'accept') && e.ruleId !== undefined && AUTH_RULE.test(e.ruleId))
  );
}

/** Writes reports/cases/<rule>-<hash>.json for one failure and returns how to reproduce it. */
export function writeCaseFile(source: CaseSource, failure: CheckFailure): CaseReproduction {
  const dir = casesDir(source.options);
  mkdirSync(dir, { recursive: true });
  const { request } = source;
  const key = createHash('sha256')
    .update(JSON.stringify([source.test, source.index, failure.check, failure.ruleId]))
    .digest('hex')
    .slice(0, 12);
  const name = `${failure.ruleId}-${key}.json`;
  let body: CaseFile['request']['body'] = { base64: request.body.toString('base64') };
  let bodyFile: string | undefined;
  if (request.body.length > CURL_INLINE_BODY_LIMIT) {
    const file = defaultBodyFile(request.body);
    bodyFile = join(dir, file);
    if (!existsSync(bodyFile)) writeFileSync(bodyFile, request.body);
    body = { file, bytes: request.body.length, sha256: createHash('sha256').update(request.body).digest('hex') };
  }
  const headers = Object.fromEntries(
    Object.entries(request.headers).filter(([n]) => n.toLowerCase() !== 'authorization'),
  );
  const base = new URL(source.profile.baseUrl).pathname.replace(/\/$/, '');
  const { now: _now, ...context } = source.ctx;
  const caseFile: CaseFile = {
    format: CASE_FORMAT,
    ruleId: failure.ruleId,
    check: failure.check,
    basis: failure.basis,
    // The case file's field keeps its public name: `message` is what the finding saw.
    message: failure.seen,
    test: source.test,
    ...(source.seed === undefined ? {} : { seed: source.seed }),
    ...(source.path === undefined ? {} : { path: source.path }),
    ...(source.caseName === undefined ? {} : { caseName: source.caseName }),
    target: {
      url: source.profile.baseUrl,
      kind: source.kind,
      ...(source.profile.sourcePath === undefined ? {} : { profilePath: source.profile.sourcePath }),
    },
    request: {
      method: request.method,
      path: request.pathWithQuery.startsWith(base) ? request.pathWithQuery.slice(base.length) : request.pathWithQuery,
      headers,
      signed: Object.keys(request.headers).some((n) => n.toLowerCase() === 'authorization'),
      resignable: !aboutAuthorization(failure, source.ctx),
      body,
    },
    context,
  };
  writeFileSync(join(dir, name), `${JSON.stringify(caseFile, replacer, 2)}\n`);
  return {
    caseFile: `cases/${name}`,
    ...(caseFile.request.resignable ? { replay: `payscore-conformance replay ${shown(join(dir, name))}` } : {}),
    curl: renderCurl(request, {
      tls: curlTlsOf(source.profile.tlsTrust),
      ...(bodyFile === undefined ? {} : { bodyFile: shown(bodyFile) }),
    }),
  };
}

/** A problem with a case file: exit 2, naming the file. */
export const CaseFileError = createToolError('PSC_CASE_FILE');
export type CaseFileError = InstanceType<typeof CaseFileError>;

/** Reads a case file and its body bytes. */
export function readCaseFile(file: string): { caseFile: CaseFile; body: Buffer } {
  const path = resolve(file);
  let caseFile: CaseFile;
  try {
    caseFile = JSON.parse(readFileSync(path, 'utf8'), reviver) as CaseFile;
  } catch (error) {
    throw new CaseFileError(`${file}: cannot read a case file (${(error as Error).message})`);
  }
  if (caseFile.format !== CASE_FORMAT)
    throw new CaseFileError(
      `${file}: not a case file (format ${JSON.stringify(caseFile.format)}, expected ${CASE_FORMAT})`,
    );
  const b = caseFile.request.body;
  if ('base64' in b) return { caseFile, body: Buffer.from(b.base64, 'base64') };
  const bodyPath = join(dirname(path), b.file);
  if (!existsSync(bodyPath)) throw new CaseFileError(`${file}: its body file ${bodyPath} is missing`);
  const body = readFileSync(bodyPath);
  if (createHash('sha256').update(body).digest('hex') !== b.sha256)
    throw new CaseFileError(`${bodyPath}: the body file does not match the SHA-256 the case records`);
  return { caseFile, body };
}
