import { spawn } from 'node:child_process';
import { join } from 'node:path';
import type { ReplayTarget } from './replayTarget';
import { verifyInProcess, type ContractVerification, type VerifyContractOptions } from './verifyInProcess';

export type { ContractVerification, VerifyContractOptions } from './verifyInProcess';

/** Thrown when a verification fails: the verifier's report is kept for the failure message. */
export class VerificationFailed extends Error {
  constructor(message: string, readonly report: string) {
    super(`${message}\n\n${report}`);
    this.name = 'VerificationFailed';
  }
}

const verbose = (): boolean => process.env['PAYSCORE_PACT_VERBOSE'] === '1';

/**
 * Verifies the pact against the target and rejects when it fails. Pact's native verifier prints its
 * whole report to the process's stdout, which no option turns off; so unless PAYSCORE_PACT_VERBOSE=1
 * the verification runs in a child process whose stdout is captured and shown only on failure.
 */
export function verifyContract(target: ReplayTarget, options: VerifyContractOptions = {}): Promise<ContractVerification> {
  if (verbose()) return verifyInProcess(target, options);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', join(__dirname, 'verifyChild.ts')], {
      stdio: ['pipe', 'pipe', 'pipe', 'pipe'],
      env: { ...process.env, TS_NODE_COMPILER_OPTIONS: JSON.stringify({ module: 'commonjs', moduleResolution: 'node10' }) },
    });
    const collect = (stream: NodeJS.ReadableStream | null | undefined, into: Buffer[]) => stream?.on('data', (chunk: Buffer) => into.push(chunk));
    const report: Buffer[] = [];
    const result: Buffer[] = [];
    collect(child.stdout, report);
    collect(child.stderr, report);
    collect(child.stdio[3] as NodeJS.ReadableStream | null, result);
    child.on('error', reject);
    child.on('close', (code) => {
      const text = Buffer.concat(report).toString('utf8');
      const raw = Buffer.concat(result).toString('utf8');
      if (raw === '') return reject(new VerificationFailed(`the verification process ended (exit ${String(code)}) without a result`, text));
      const answer = JSON.parse(raw) as { ok: true; result: ContractVerification } | { ok: false; message: string };
      if (answer.ok) resolve(answer.result);
      else reject(new VerificationFailed(answer.message, text));
    });
    child.stdin?.end(JSON.stringify({ target, options }));
  });
}
