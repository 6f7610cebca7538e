import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runInChild } from './childProcess';
import { answeredByDecision } from './decisionAnswers';
import type { MockAnswer } from './answerLog';
import type { FreshProviderJob, FreshProviderOutcome, StateFailure } from './freshProvider';
import { interactionResult, type Difference, type InteractionResult } from './interactionResult';
import type { PactDocument, PactInteraction } from './pactFile';
import { bodyOf } from './pactTenant';
import { createToolError } from '../toolErrors';

/** One mismatch of pact_verifier's JSON report. */
interface Mismatch {
  type?: string;
  path?: string;
  key?: string;
  expected?: unknown;
  actual?: unknown;
  mismatch?: string;
  message?: string;
}

interface VerifierReport {
  errors?: Array<{ interaction?: string; mismatch?: { type?: string; message?: string; mismatches?: Mismatch[] } }>;
  interactionResults?: Array<{ description?: string; result?: string }>;
}

/** A verifier that could not run at all (no report): a problem of the harness, not a verdict on the pact. */
export const MockStageProblem = createToolError('PSC_PACT_MOCK_STAGE');
export type MockStageProblem = InstanceType<typeof MockStageProblem>;

const shown = (v: unknown): string => (typeof v === 'string' ? v : JSON.stringify(v));

/** A mismatch as a Difference: the field it names (a JSON path, status, header) and what differed. */
export function differenceOf(m: Mismatch): Difference {
  const expectedActual = `expected ${shown(m.expected)}, the mock answered ${shown(m.actual)}`;
  switch (m.type) {
    case 'StatusMismatch':
      return { field: 'response status', message: expectedActual };
    case 'HeaderMismatch':
      return { field: `response header ${m.key ?? '?'}`, message: m.mismatch ?? expectedActual };
    case 'BodyMismatch':
      // pact's own wording ("Expected <actual> to be equal to <expected>") reads backwards: say both plainly.
      return {
        field: `response ${m.path ?? '$'}`,
        message: `${m.mismatch ?? 'differs'} (${m.expected === undefined ? '' : `the pact expects ${shown(m.expected)}, `}the mock answered ${shown(m.actual)})`,
      };
    case 'BodyTypeMismatch':
      return { field: 'response body', message: m.mismatch ?? expectedActual };
    default:
      return { field: m.path ?? m.key ?? '(the interaction)', message: m.mismatch ?? m.message ?? JSON.stringify(m) };
  }
}

/** pact_verifier names an interaction "Verifying a pact between A and B [Given S] - description". */
const namesInteraction = (label: string | undefined, description: string): boolean =>
  label !== undefined && (label === description || label.endsWith(` - ${description}`));

const sameJson = (a: unknown, b: unknown): boolean => JSON.stringify(a ?? {}) === JSON.stringify(b ?? {});

/** The state set-ups of this interaction that threw (same state name, same params). */
function failedStates(interaction: PactInteraction, failures: readonly StateFailure[]): Difference[] {
  return failures
    .filter((f) => (interaction.providerStates ?? []).some((s) => s.name === f.state && sameJson(s.params, f.params)))
    .map((f) => ({ field: `provider state "${f.state}"`, message: `its set-up failed: ${f.message}` }));
}

const outOrderNoOf = (interaction: PactInteraction): unknown =>
  (bodyOf(interaction.request) as { out_order_no?: unknown } | undefined)?.out_order_no;

/**
 * The mock's answer to each interaction, paired by out_order_no (the j-th interaction with one
 * out_order_no, in the pact's order, with the j-th answer to it, in arrival order).
 */
function answersByInteraction(pact: PactDocument, answers: readonly MockAnswer[]): Array<MockAnswer | undefined> {
  const taken = new Map<unknown, number>();
  return pact.interactions.map((interaction) => {
    const key = outOrderNoOf(interaction);
    const j = taken.get(key) ?? 0;
    taken.set(key, j + 1);
    return answers.filter((a) => a.outOrderNo === key)[j];
  });
}

/** Reads pact_verifier's JSON report into one result per interaction, in the pact's order. */
export function resultsFromReport(
  pact: PactDocument,
  raw: string,
  stateFailures: readonly StateFailure[] = [],
  answers: readonly MockAnswer[] = [],
): InteractionResult[] {
  const report = JSON.parse(raw) as VerifierReport;
  const answered = answersByInteraction(pact, answers);
  return pact.interactions.map((interaction, index) => {
    const result = interactionResult('mock', interaction);
    result.differences.push(...failedStates(interaction, stateFailures));
    if (result.differences.length > 0) result.passed = false;
    for (const error of report.errors ?? []) {
      if (!namesInteraction(error.interaction, interaction.description)) continue;
      result.passed = false;
      const mismatches = error.mismatch?.mismatches;
      if (mismatches !== undefined && mismatches.length > 0) result.differences.push(...mismatches.map(differenceOf));
      else result.differences.push({ field: '(the interaction)', message: error.mismatch?.message ?? 'failed' });
    }
    const ran = report.interactionResults?.find((r) => r.description === interaction.description);
    if (ran?.result !== undefined && ran.result !== 'OK' && result.passed) {
      result.passed = false;
      result.differences.push({ field: '(the interaction)', message: `the verifier's result: ${ran.result}` });
    }
    // A status the pact did not expect: the mock's answer body says why (its code and message).
    const answer = answered[index];
    for (const d of result.differences)
      if (d.field === 'response status' && answer !== undefined && answer.body !== '') d.message += `: ${answer.body}`;
    return answeredByDecision(result, answer, interaction.response?.status);
  });
}

/**
 * Stage `mock`: writes the pact (only this endpoint's interactions) to a temporary file and verifies it
 * in a child process (freshProvider.ts; pact's native verifier prints to stdout, which stays there).
 */
export async function verifyAgainstMock(
  pact: PactDocument,
  provider: string,
  otherStates: string[],
): Promise<InteractionResult[]> {
  const dir = mkdtempSync(join(tmpdir(), 'payscore-pact-verify-'));
  try {
    const pactFile = join(dir, 'pact.json');
    writeFileSync(pactFile, JSON.stringify(pact));
    const job: FreshProviderJob = { pactFile, pact, provider, otherStates };
    const outcome = await runInChild<FreshProviderOutcome>(
      join(__dirname, `freshProvider${extensionOf(__filename)}`),
      job,
    );
    if (!outcome.ok) throw new MockStageProblem(`${outcome.message}\n${outcome.output}`);
    if ('problem' in outcome.result) throw new MockStageProblem(`${outcome.result.problem}\n${outcome.output}`);
    return resultsFromReport(pact, outcome.result.report, outcome.result.stateFailures, outcome.result.answers);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const extensionOf = (file: string): string => file.slice(file.lastIndexOf('.'));
