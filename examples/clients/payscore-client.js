#!/usr/bin/env node
// A driver for `audit-client` around this project's own client/ (createClient). The client signs
// and sends, retries 429 and 5xx with the very same request (same out_order_no, same bytes, a fresh
// signature) after a growing wait, and verifies every answer's signature, but only as data
// (exchange.signature): deciding what to trust is the caller's part. This driver is that caller,
// written to facts §10 so that our own product passes its own audit: an answer that does not verify
// is never trusted, a 4xx/5xx is a failure with its code, and in no-confirm mode only DOING is an order.
// A lost connection or a timeout is reported as an honest failure (the client does not retry those).
'use strict';
const { join } = require('node:path');
// From a fresh clone there is no dist/: compile the TypeScript sources on load, as bin/ does.
require('ts-node').register({
  project: join(__dirname, '..', '..', 'tsconfig.json'),
  transpileOnly: true,
  swc: true,
  compilerOptions: { module: 'commonjs', moduleResolution: 'node10' },
});
const { createClient, loadProfile } = require('../../client');
const { driverEnv, report, created, failed, errorCode } = require('./driverEnv');

async function main() {
  const env = driverEnv();
  const profile = loadProfile(env.profileFile, { ...process.env, PAYSCORE_TARGET_URL: env.baseUrl });
  const client = createClient(profile, { retries: 2 });
  const exchange = await client.createOrder(env.order);
  client.close();
  const { response, signature } = exchange;
  if (response === undefined) {
    process.stderr.write(`driver: no answer (${exchange.transportError?.message})\n`);
    return report(failed(null));
  }
  const verified = signature?.ok === true;
  if (!verified) process.stderr.write(`driver: answer ${response.status} not verified: ${signature?.detail}\n`);
  // An error answer is a failure whatever its signature: its code is reported as it came.
  if (response.status !== 200) return report(failed(errorCode(response.json)));
  // A 200 that does not verify may be forged: never an order.
  if (!verified) return report(failed('UNVERIFIED_ANSWER'));
  const body = response.json;
  // WeChat: in no-confirm mode CREATED means the creation failed; only DOING is an order.
  if (env.order.need_user_confirm !== true && body?.state !== 'DOING') return report(failed(null));
  return report(created(body));
}

void main();
