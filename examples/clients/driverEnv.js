// What every example driver shares: the driver contract of `audit-client` (docs/callers.md "Auditing
// your client"), read from the environment, and the one JSON line it answers with. Plain CommonJS on
// purpose: a merchant copies a driver next to their own code and runs it with `node`.
'use strict';
const { X509Certificate, createPublicKey } = require('node:crypto');
const { readFileSync } = require('node:fs');
const { dirname, resolve } = require('node:path');

/** The environment variable, or a clear exit 2 (a driver started by hand without the contract). */
function required(name) {
  const value = process.env[name];
  if (value === undefined || value === '') {
    process.stderr.write(`driver: ${name} is not set (the audit-client driver contract sets it)\n`);
    process.exit(2);
  }
  return value;
}

/**
 * The contract's inputs: the profile (JSON, paths relative to its folder) with its keys as PEM text,
 * the base URL and the create-order body to send.
 */
function driverEnv() {
  const profileFile = resolve(required('PAYSCORE_PROFILE'));
  const profile = JSON.parse(readFileSync(profileFile, 'utf8'));
  const pem = (path) => readFileSync(resolve(dirname(profileFile), path), 'utf8');
  const merchantPrivateKey = pem(profile.merchant.privateKeyPath);
  const platform = profile.platform;
  const platformPem = pem(platform.publicKeyPath ?? platform.certificatePath);
  const platformSerial = platform.serial ?? new X509Certificate(platformPem).serialNumber.toUpperCase();
  return {
    profileFile,
    profile,
    baseUrl: required('PAYSCORE_BASE_URL').replace(/\/$/, ''),
    order: JSON.parse(readFileSync(required('PAYSCORE_ORDER'), 'utf8')),
    merchantPrivateKey,
    /** What a merchant holds of its own key pair besides the private key (an SDK may ask for it). */
    merchantPublicKey: createPublicKey(merchantPrivateKey).export({ type: 'spki', format: 'pem' }).toString(),
    platformSerial,
    /** The platform public key as PEM, taken out of the certificate in certificate mode. */
    platformPublicKey: createPublicKey(platformPem).export({ type: 'spki', format: 'pem' }).toString(),
  };
}

/** The contract's output: exactly one JSON line on stdout; the exit code stays 0 either way. */
function report(outcome) {
  process.stdout.write(`${JSON.stringify(outcome)}\n`);
}

const created = (body) => ({
  outcome: 'created',
  order_id: body?.order_id ?? null,
  state: body?.state ?? null,
  package: body?.package ?? null,
});
const failed = (code) => ({ outcome: 'failed', code: typeof code === 'string' ? code : null });

/** The `code` of a WeChat error body given as text or object; null when there is none. */
function errorCode(body) {
  if (typeof body === 'string') {
    try {
      return errorCode(JSON.parse(body));
    } catch {
      return null;
    }
  }
  return typeof body?.code === 'string' ? body.code : null;
}

module.exports = { driverEnv, report, created, failed, errorCode };
