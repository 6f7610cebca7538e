import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

// Every product throw of an error a user can meet uses the catalogue (toolErrors/). The rule for what may stay
// a bare `throw new Error(`: only what no user input can reach — openapi.yaml or the package not being what the
// code was built from (SPEC), an invariant of our own code (BUG), or a Jest test failing the target (VERDICT).
// Anything a flag, a profile, a file, the environment or a target can cause is a catalogue error. A new bare
// throw fails here until it is one, or is added below with its reason.

const SPEC = 'openapi.yaml or the package is not what the code was built from';
const BUG = 'an invariant of our own code: only a bug of ours reaches it';
const VERDICT = 'a Jest test failing the target, not an error of ours';
const BROWSER = "the mock console's page script: shown in the browser, never an exit code";

const ALLOWED: Record<string, string> = {
  'apiv3/x509/issueCertificate.ts': BUG,
  'apiv3/x509/issueCertificateSync.ts': BUG,
  'client/profile/profileSchema.ts': SPEC,
  'clientAudit/scenarioOrder.ts': BUG,
  'generators/allMutations.ts': SPEC,
  'generators/pointer.ts': BUG,
  'generators/ruleEntry.ts': SPEC,
  'generators/rules/table.ts': BUG,
  'generators/schemaFacts.ts': SPEC,
  'mock/console/consoleScript.ts': BROWSER,
  'mock/createChecks.ts': BUG,
  'mock/createPath.ts': BUG,
  'mock/control/controlApi.ts': BUG,
  'mock/control/controlClient.ts': BUG,
  'mock/handlers/answer.ts': SPEC,
  'mock/handlers/authenticate.ts': BUG,
  'mock/handlers/certificates.ts': SPEC,
  'mock/handlers/placeOrder.ts': SPEC,
  'mock/keys/mockProfile.ts': BUG,
  'mock/server.ts': BUG,
  'mock/standaloneMain.ts': BUG,
  'mock/store/sqliteOrderStore.ts': BUG,
  'notify/cases/notificationCase.ts': BUG,
  'pact/provider.ts': BUG,
  'pact/stateHandlers.ts': BUG,
  'receiver/receiverDataDir.ts': BUG,
  'specification/ajvInstance.ts': SPEC,
  'specification/businessRules.ts': SPEC,
  'specification/document.ts': SPEC,
  'specification/errorCodes.ts': SPEC,
  'specification/examples.ts': SPEC,
  'specification/keptValidator.ts': SPEC,
  'specification/limits.ts': SPEC,
  'specification/packageRoot.ts': SPEC,
  'specification/ruleCatalogue.ts': SPEC,
  'suites/harness/orderCounter.ts': BUG,
  'suites/harness/ruleTest.ts': VERDICT,
  'suites/harness/sampleIndices.ts': BUG,
  'suites/harness/sampleValid.ts': BUG,
  'suites/valid.suite.ts': VERDICT,
};

/* eslint-disable-next-line @typescript-eslint/no-require-imports -- the layering data is plain CommonJS */
const { LAYERS } = require('../scripts/layers.js') as { LAYERS: { folder: string; testOnly?: true }[] };
const ROOT = join(__dirname, '..');
const TEST_CODE = /\.(test|selftest|testkit)\.ts$|(^|\/)testing\/|^suites\/selftest\//;

/** The product TypeScript files: the shipping folders' files that are not test code. */
function productFiles(): string[] {
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(join(ROOT, dir))) {
      const path = `${dir}/${name}`;
      if (statSync(join(ROOT, path)).isDirectory()) walk(path);
      else if (name.endsWith('.ts') && !TEST_CODE.test(path)) files.push(path);
    }
  };
  for (const { folder } of LAYERS.filter((l) => l.testOnly !== true)) walk(folder);
  return files;
}

const read = (file: string): string => readFileSync(join(ROOT, file), 'utf8');

describe('product throws', () => {
  const files = productFiles();

  it('are catalogue errors, but for the bare throws no user input can reach (listed with their reason)', () => {
    const bare = files.filter((f) => /throw\s+(new\s+)?Error\(/.test(read(f)));
    expect(bare.filter((f) => ALLOWED[f] === undefined)).toEqual([]);
  });

  it('list no file that has no bare throw left (the list stays true)', () => {
    const bare = new Set(files.filter((f) => /throw\s+(new\s+)?Error\(/.test(read(f))));
    expect(Object.keys(ALLOWED).filter((f) => !bare.has(f))).toEqual([]);
  });

  it('define no error class outside the catalogue: each is made by createToolError', () => {
    const own = files.filter((f) => !f.startsWith('toolErrors/') && /extends\s+Error\b/.test(read(f)));
    expect(own).toEqual([]);
  });
});
