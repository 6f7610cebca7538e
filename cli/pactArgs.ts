import { PACT_REPORT_FILES, PROVIDER_STATES } from '../pact';
import { ENDPOINT_PATH } from '../specification';
import type { CommandLine } from './readCommandLine';
import { parseVerbCommand, type VerbArgs } from './verbCommandArgs';

export function pactUsage(): string {
  const states = Object.values(PROVIDER_STATES)
    .map((s) => `    ${s}`)
    .join('\n');
  return `Usage: payscore-conformance pact verify FILE... [options]

Verifies a consumer's pact (Pact V2 to V4 JSON) of POST ${ENDPOINT_PATH}, twice:
  openapi  every interaction against openapi.yaml, with the engine of bi-directional contract
           testing (@pactflow/openapi-pact-comparator);
  mock     every interaction replayed against a fresh reference mock as provider (127.0.0.1, a free
           port, made with the pact's own ids), its provider states set up, each request re-signed
           with the mock's merchant key (a pact's recorded signatures are stale).
Interactions on other paths or methods are reported, not verified.

Provider states a pact may use:
${states}

Options:
  --reports DIR   where ${PACT_REPORT_FILES.junit}, ${PACT_REPORT_FILES.markdown} and ${PACT_REPORT_FILES.json} go (default reports/)
  -h, --help      this text

Progress goes to stderr; failures, one line each (interaction, stage, field, what differed), to stdout.

Exit codes: 0 every pact verified; 1 an interaction failed a stage; 2 a usage problem, or a FILE
missing, unreadable, not a pact or with nothing on this endpoint (each named with the reason).`;
}

export const parsePactArgs = (argv: string[]): VerbArgs =>
  parseVerbCommand(argv, { verb: 'verify', items: 'pact FILE', folderFlag: 'reports' });

export const PACT_COMMAND_LINE: CommandLine<VerbArgs> = { parse: parsePactArgs, usage: pactUsage, onError: 'full' };
