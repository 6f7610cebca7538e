import { X509Certificate, createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ProfileProblem } from './profileError';

type Read<T> = { ok: true; value: T } | { ok: false; problem: ProfileProblem };

const RSA_BITS = 2048;

export function readPem(field: string, baseDir: string, relPath: string, label: string, fixHint: string): Read<string> {
  const path = resolve(baseDir, relPath);
  let text: string;
  try {
    if (!statSync(path).isFile())
      return {
        ok: false,
        problem: {
          field,
          problem: `${path} is not a file`,
          fix: `point ${field} at the ${label} file (relative to ${baseDir})`,
        },
      };
    text = readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const problem = code === 'ENOENT' ? `file missing: ${path}` : `cannot read ${path} (${code ?? String(e)})`;
    return {
      ok: false,
      problem: {
        field,
        problem,
        fix: `put the ${label} there or correct the path (relative to the profile folder ${baseDir})`,
      },
    };
  }
  if (!/-----BEGIN [A-Z0-9 ]+-----/.test(text)) {
    return {
      ok: false,
      problem: {
        field,
        problem: `${path} is not PEM (no -----BEGIN …----- line)`,
        fix: `save the ${label} in PEM form; ${fixHint}`,
      },
    };
  }
  return { ok: true, value: text };
}

function rsa2048Problem(field: string, key: KeyObject, what: string, fix: string): ProfileProblem | undefined {
  if (key.asymmetricKeyType !== 'rsa')
    return { field, problem: `${what} is a ${key.asymmetricKeyType ?? 'non-asymmetric'} key, not RSA`, fix };
  const bits = key.asymmetricKeyDetails?.modulusLength;
  if (bits !== RSA_BITS) return { field, problem: `${what} is RSA-${bits ?? '?'}, not RSA-${RSA_BITS}`, fix };
  return undefined;
}

const fail = <T>(problem: ProfileProblem): Read<T> => ({ ok: false, problem });

/** A PEM key parsed by `create` and held to RSA-2048; each problem names what the file should hold. */
function rsa2048Key(
  field: string,
  pem: string,
  create: (pem: string) => KeyObject,
  what: 'private key' | 'public key',
  fix: string,
): Read<KeyObject> {
  let key: KeyObject;
  try {
    key = create(pem);
  } catch (e) {
    return fail({ field, problem: `not a readable ${what} (${(e as Error).message})`, fix });
  }
  const bad = rsa2048Problem(field, key, `the ${what}`, fix);
  return bad === undefined ? { ok: true, value: key } : fail(bad);
}

/** The merchant's RSA-2048 private key from a PEM file. */
export function readPrivateKey(
  field: string,
  baseDir: string,
  relPath: string,
  fix = 'use the merchant API private key (apiclient_key.pem, RSA 2048)',
): Read<KeyObject> {
  const pem = readPem(
    field,
    baseDir,
    relPath,
    'private key',
    'a .p12 converts with `openssl pkcs12 -in apiclient_cert.p12 -nodes -nocerts`',
  );
  return pem.ok ? rsa2048Key(field, pem.value, createPrivateKey, 'private key', fix) : pem;
}

/** An RSA-2048 public key from a PEM file (a private key there is refused: it must never be shipped as "public"). */
export function readPublicKey(field: string, baseDir: string, relPath: string, fix: string): Read<KeyObject> {
  const pem = readPem(field, baseDir, relPath, 'public key', 'it starts with -----BEGIN PUBLIC KEY-----');
  if (!pem.ok) return pem;
  if (/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(pem.value))
    return fail({ field, problem: 'the file holds a private key, not a public key', fix });
  return rsa2048Key(field, pem.value, createPublicKey, 'public key', fix);
}

/** The platform certificate: its serial (upper-case hex) and RSA-2048 public key. */
export function readCertificate(
  field: string,
  baseDir: string,
  relPath: string,
  now: Date,
): Read<{ serial: string; publicKey: KeyObject }> {
  const fix = 'use the WeChat Pay platform certificate (PEM X.509), e.g. as downloaded with /v3/certificates';
  const pem = readPem(field, baseDir, relPath, 'certificate', 'it starts with -----BEGIN CERTIFICATE-----');
  if (!pem.ok) return pem;
  let cert: X509Certificate;
  try {
    cert = new X509Certificate(pem.value);
  } catch (e) {
    return fail({ field, problem: `not a readable X.509 certificate (${(e as Error).message})`, fix });
  }
  const bad = rsa2048Problem(field, cert.publicKey, 'the certificate key', fix);
  if (bad !== undefined) return fail(bad);
  if (new Date(cert.validTo) < now)
    return fail({
      field,
      problem: `the certificate expired on ${cert.validTo}`,
      fix: 'download the current platform certificate',
    });
  return { ok: true, value: { serial: cert.serialNumber.toUpperCase(), publicKey: cert.publicKey } };
}

/** A secret key file of exactly `bytes` bytes (one trailing newline ignored), such as the APIv3 key. */
export function readSecretKey(
  field: string,
  baseDir: string,
  relPath: string,
  bytes: number,
  fix: string,
): Read<Buffer> {
  const path = resolve(baseDir, relPath);
  let text: string;
  try {
    text = readFileSync(path, 'utf8').replace(/\r?\n$/, '');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return fail({
      field,
      problem: code === 'ENOENT' ? `file missing: ${path}` : `cannot read ${path} (${code ?? String(e)})`,
      fix: `${fix}; the path is relative to the profile folder ${baseDir}`,
    });
  }
  const key = Buffer.from(text, 'utf8');
  return key.length === bytes
    ? { ok: true, value: key }
    : fail({ field, problem: `${path} holds ${key.length} bytes, not ${bytes}`, fix });
}

/** True when two public keys are the same key. */
export function samePublicKey(a: KeyObject, b: KeyObject): boolean {
  const der = (k: KeyObject) => (k.type === 'private' ? createPublicKey(k) : k).export({ type: 'spki', format: 'der' });
  return der(a).equals(der(b));
}
