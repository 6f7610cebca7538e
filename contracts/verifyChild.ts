// Child-process entry of verifyContract: reads {target, options} from stdin, verifies, and writes
// {ok, result | message} to fd 3. Its stdout is the verifier's own report, which the parent keeps.
import { readFileSync, writeSync } from 'node:fs';
import type { ReplayTarget } from './replayTarget';
import { verifyInProcess, type VerifyContractOptions } from './verifyInProcess';

const job = JSON.parse(readFileSync(0, 'utf8')) as { target: ReplayTarget; options: VerifyContractOptions };
verifyInProcess(job.target, job.options).then(
  (result) => writeSync(3, JSON.stringify({ ok: true, result })),
  (error: unknown) => writeSync(3, JSON.stringify({ ok: false, message: error instanceof Error ? error.message : String(error) })),
).finally(() => process.exit(0));
