// The scenarios a capture runs: each audit clean and with one thing switched on that it must catch, plus
// one fair reading it must pass. One table, so before and after run exactly the same commands.
'use strict';

const SEED = '20261127';
/** Property runs per `run`: enough for every test to send its requests, short enough for a capture. */
const RUNS = '10';
/** Two idempotency faults: several tests of IDEMP-SAME, IDEMP-SAME-JSON and IDEMP-CONFLICT fail. */
const RUN_FAULTS = 'new-order-id-on-replay,conflict-accepted';
/** A reading the suites must pass against (a foreign target's fair choice; DECISION rules informational). */
const RUN_READINGS = 'extra-response-fields,chinese-messages,unknown-fields-refused';
/** A receiver that takes a WECHATPAY/SIGNTEST/ probe as valid (RECV-PROBE, SIBLING). */
const RECEIVER_FAULT = 'accept-probe';
/** A caller that never verifies an answer (CLIENT-VERIFY-SIGNATURE and the other verify rules). */
const CLIENT_DEFECT = 'no-verify';
const REFERENCE_DRIVER = 'examples/clients/reference.js';
const PACTS = 'examples/pacts';

/**
 * {name, argv (after bin/payscore-conformance.js; REPORTS is replaced by the scenario's reports folder),
 *  env, receiver (faults of a reference receiver to start first; its profile replaces PROFILE)}.
 * `overrides` lets `capture --fault/--defect/--receiver-fault` swap what is switched on (to show a diff).
 */
function scenarios(overrides = {}) {
  const runFaults = overrides.fault ?? RUN_FAULTS;
  const receiverFault = overrides.receiverFault ?? RECEIVER_FAULT;
  const defect = overrides.defect ?? CLIENT_DEFECT;
  const run = ['run', '--seed', SEED, '--runs', RUNS, '--reports', 'REPORTS'];
  const notify = ['notify', '--profile', 'PROFILE', '--seed', SEED, '--reports', 'REPORTS'];
  const audit = ['audit-client', '--seed', SEED, '--reports', 'REPORTS'];
  const pact = (file) => ['pact', 'verify', `${PACTS}/${file}`, '--reports', 'REPORTS'];
  return [
    { name: 'run-clean', argv: run },
    { name: 'run-fault', argv: run, env: { PAYSCORE_MOCK_FAULTS: runFaults } },
    { name: 'run-reading', argv: run, env: { PAYSCORE_MOCK_READINGS: RUN_READINGS } },
    { name: 'notify-clean', argv: notify, receiver: [] },
    { name: 'notify-fault', argv: notify, receiver: [receiverFault] },
    { name: 'audit-client-clean', argv: [...audit, '--', 'node', REFERENCE_DRIVER] },
    { name: 'audit-client-defect', argv: [...audit, '--', 'node', REFERENCE_DRIVER, '--defect', defect] },
    { name: 'pact-example', argv: pact('example-merchant-shop-payscore-acquiringbank-serviceorder.json') },
    { name: 'pact-broken', argv: pact('broken/example-merchant-broken-payscore-acquiringbank-serviceorder.json') },
    {
      name: 'pact-numeric-order-id',
      argv: pact('broken/example-merchant-numeric-order-id-payscore-acquiringbank-serviceorder.json'),
    },
  ];
}

module.exports = { scenarios, SEED };
