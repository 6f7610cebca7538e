import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { Verifier } from '@pact-foundation/pact';
import { controlClient } from '../mock';
import { limits } from '../spec';
import { PACT_FILE, PROVIDER, pactLogLevel } from './contract';
import { PROVIDER_STATES, STATES_NEEDING_CONTROL } from './providerStates';
import type { Provider } from './provider';
import { resigningRequestFilter, rewriteIdentities, signatureThatDoesNotVerify } from './resign';
import { brokerVerifierOptions, type BrokerConfig } from './publish';

/** A verification job: plain JSON, so it can be handed to a child process. */
export interface VerifyContractOptions {
  /** Default: the committed pact written by the consumer tests. */
  pactFile?: string;
  /** Fetch pacts from the broker and publish the result (bundled mock only; see README). */
  broker?: BrokerConfig;
}

/** An interaction left out of a verification, and why. */
export interface ExcludedInteraction {
  description: string;
  state: string;
  reason: string;
}

export interface ContractVerification {
  /** The verifier's report; rejects (see verifyContract) when any interaction fails. */
  output: string;
  /** Interactions this target cannot be put in the state of (a foreign target): not verified. */
  excluded: ExcludedInteraction[];
}

/** Thrown when a verification fails: the verifier's report is kept for the failure message. */
export class VerificationFailed extends Error {
  constructor(
    message: string,
    readonly report: string,
  ) {
    super(`${message}\n\n${report}`);
    this.name = 'VerificationFailed';
  }
}

type JsonMap = Record<string, unknown>;
const paramsOf = (params: unknown): JsonMap =>
  typeof params === 'object' && params !== null ? (params as JsonMap) : {};

/**
 * The pact file to verify. With control (the bundled mock) it is the file itself. Without (a
 * foreign target), interactions whose states need control are left out of a temporary copy and
 * returned as excluded, so a report names them as not verified instead of passing them.
 */
function verifiablePact(pactFile: string, hasControl: boolean): { file: string; excluded: ExcludedInteraction[] } {
  if (hasControl) return { file: pactFile, excluded: [] };
  const pact = JSON.parse(readFileSync(pactFile, 'utf8')) as {
    interactions: Array<{ description: string; providerStates?: Array<{ name: string }> }>;
  };
  const excluded: ExcludedInteraction[] = [];
  const kept = pact.interactions.filter((interaction) => {
    const state = interaction.providerStates?.find((s) =>
      (STATES_NEEDING_CONTROL as readonly string[]).includes(s.name),
    );
    if (state !== undefined)
      excluded.push({
        description: interaction.description,
        state: state.name,
        reason: 'needs the mock control interface: not verifiable against a foreign target',
      });
    return state === undefined;
  });
  const file = join(mkdtempSync(join(tmpdir(), 'payscore-pact-foreign-')), basename(pactFile));
  writeFileSync(file, JSON.stringify({ ...pact, interactions: kept }, null, 2));
  return { file, excluded };
}

/** An out_order_no no earlier run used: the pact's value, cut, plus a random suffix (OON-LENGTH, OON-CHARSET). */
function freshOutOrderNo(given: unknown): string {
  const suffix = `-${randomBytes(6).toString('hex')}`;
  return `${String(given ?? 'PACT').slice(0, limits().outOrderNoMaxLength - suffix.length)}${suffix}`;
}

/**
 * Replays the pact against a target through pact-js's Verifier, in this process, and rejects when
 * verification fails. The state handlers answer the values the pact injects (fromProviderState):
 * `out_order_no` (the pact's own on the bundled mock, after a reset; a fresh one on a foreign target,
 * which keeps its orders) and, for the bad signature, `authorization`. The states that need an
 * existing order are set over the mock's control interface; on a foreign target they are left out
 * (verifiablePact). The native core prints its report to this process's stdout (see verifyContract).
 */
export async function verifyInProcess(
  provider: Provider,
  options: VerifyContractOptions = {},
): Promise<ContractVerification> {
  const control = provider.controlUrl === undefined ? undefined : controlClient(provider.controlUrl);
  const { file, excluded } = verifiablePact(options.pactFile ?? PACT_FILE, control !== undefined);
  if (options.broker !== undefined && control === undefined) {
    throw new Error(
      'verification results are published for the bundled mock only: a foreign target verifies part of the pact',
    );
  }
  const noOrder = async (params: unknown): Promise<{ out_order_no: string }> => {
    const given = paramsOf(params)['out_order_no'];
    if (control === undefined) return { out_order_no: freshOutOrderNo(given) };
    await control('reset', {});
    return { out_order_no: String(given) };
  };
  /** Stores the order a state names (after a clean slate), created from its body with the target's ids. */
  const storedOrder = async (state: string, params: unknown): Promise<undefined> => {
    if (control === undefined)
      throw new Error(`provider state "${state}" needs the mock's control interface (${provider.label})`);
    const { body, order_id: orderId } = paramsOf(params);
    if (typeof body !== 'object' || body === null || Array.isArray(body))
      throw new Error(`provider state "${state}" needs a body parameter`);
    await control('reset', {});
    const stored = rewriteIdentities(body as JsonMap, provider.identities);
    await control('orders', {
      body: stored,
      state: stored['need_user_confirm'] === true ? 'CREATED' : 'DOING',
      ...(typeof orderId === 'string' ? { order_id: orderId } : {}),
    });
    return undefined;
  };
  const verifier = new Verifier({
    provider: PROVIDER,
    providerBaseUrl: provider.baseUrl,
    ...(options.broker === undefined ? { pactUrls: [file] } : brokerVerifierOptions(options.broker)),
    stateHandlers: {
      [PROVIDER_STATES.noOrder]: noOrder,
      [PROVIDER_STATES.signatureDoesNotVerify]: async (params?: unknown) => ({
        ...(await noOrder(params)),
        authorization: signatureThatDoesNotVerify(provider),
      }),
      // The replay answers exactly the pact's order_id (IDEMP-SAME): Pact checks a response against
      // its example, never against a state's answer, so the state stores the order under that id.
      [PROVIDER_STATES.orderWithSameParameters]: (params?: unknown) =>
        storedOrder(PROVIDER_STATES.orderWithSameParameters, params),
      [PROVIDER_STATES.orderWithOtherParameters]: (params?: unknown) =>
        storedOrder(PROVIDER_STATES.orderWithOtherParameters, params),
    },
    requestFilter: resigningRequestFilter(provider),
    logLevel: pactLogLevel(),
    failIfNoPactsFound: true,
  });
  const output = await verifier.verifyProvider();
  return { output, excluded };
}

/**
 * Verifies the pact against the target and rejects when it fails. Pact's native verifier prints its
 * whole report to the process's stdout, which no option turns off; so unless PAYSCORE_PACT_VERBOSE=1
 * the verification runs in a child process (this file) whose stdout is captured and shown only on failure.
 */
export function verifyContract(provider: Provider, options: VerifyContractOptions = {}): Promise<ContractVerification> {
  if (process.env['PAYSCORE_PACT_VERBOSE'] === '1') return verifyInProcess(provider, options);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', __filename], {
      stdio: ['pipe', 'pipe', 'pipe', 'pipe'],
      env: {
        ...process.env,
        TS_NODE_COMPILER_OPTIONS: JSON.stringify({ module: 'commonjs', moduleResolution: 'node10' }),
      },
    });
    const collect = (stream: NodeJS.ReadableStream | null | undefined, into: Buffer[]) =>
      stream?.on('data', (chunk: Buffer) => into.push(chunk));
    const report: Buffer[] = [];
    const result: Buffer[] = [];
    collect(child.stdout, report);
    collect(child.stderr, report);
    collect(child.stdio[3] as NodeJS.ReadableStream | null, result);
    child.on('error', reject);
    child.on('close', (code) => {
      const text = Buffer.concat(report).toString('utf8');
      const raw = Buffer.concat(result).toString('utf8');
      if (raw === '')
        return reject(
          new VerificationFailed(`the verification process ended (exit ${String(code)}) without a result`, text),
        );
      const answer = JSON.parse(raw) as { ok: true; result: ContractVerification } | { ok: false; message: string };
      if (answer.ok) resolve(answer.result);
      else reject(new VerificationFailed(answer.message, text));
    });
    child.stdin?.end(JSON.stringify({ provider, options }));
  });
}

// As the child of verifyContract: reads {target, options} from stdin, verifies, and writes
// {ok, result | message} to fd 3. Its stdout is the verifier's own report, which the parent keeps.
if (require.main === module) {
  const job = JSON.parse(readFileSync(0, 'utf8')) as { provider: Provider; options: VerifyContractOptions };
  verifyInProcess(job.provider, job.options)
    .then(
      (result) => writeSync(3, JSON.stringify({ ok: true, result })),
      (error: unknown) =>
        writeSync(3, JSON.stringify({ ok: false, message: error instanceof Error ? error.message : String(error) })),
    )
    .finally(() => process.exit(0));
}
