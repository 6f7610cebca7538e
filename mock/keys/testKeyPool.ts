import { generateKeyPairSync } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The variable naming the folder of the pool; only self-tests set it. */
export const TEST_KEY_POOL_ENV = 'PAYSCORE_TEST_KEY_POOL';
/** Distinct pairs handed out by one process before they repeat (a run starts two mocks: four keys). */
const POOL_SIZE = 16;

export interface RsaPair {
  privateKeyPem: string;
  publicKeyPem: string;
}

let next = 0;

/** A fresh RSA-2048 key pair as PEM. */
export function freshRsaPair(): RsaPair {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
  return { privateKeyPem: privateKey, publicKeyPem: publicKey };
}

function readPair(file: string): RsaPair | undefined {
  try {
    const pair = JSON.parse(readFileSync(file, 'utf8')) as Partial<RsaPair>;
    const pem = (s: unknown): s is string => typeof s === 'string' && s.startsWith('-----BEGIN ');
    return pem(pair.privateKeyPem) && pem(pair.publicKeyPem)
      ? { privateKeyPem: pair.privateKeyPem, publicKeyPem: pair.publicKeyPem }
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The next RSA key pair: fresh, or under self-tests (PAYSCORE_TEST_KEY_POOL names a folder) one of a
 * pool generated at run time and kept there. Generating a pair takes 0.1-0.5 s, and the self-tests
 * start over a hundred mocks (issue #27). The pairs one module instance takes are distinct until
 * POOL_SIZE, so a merchant key is never its platform key. (Jest loads this module again per test
 * file, so two mocks of one run may share pairs: separate merchants; nothing compares their keys.)
 */
export function nextRsaPair(env: NodeJS.ProcessEnv = process.env): RsaPair {
  return pooledPair(`rsa2048-${next++ % POOL_SIZE}.json`, env);
}

/**
 * A key pair that is no merchant's and no platform's (a stranger's key, which a target must refuse):
 * fresh, or under self-tests the pool's one pair of that name, never one nextRsaPair hands out.
 */
export function strangerRsaPair(env: NodeJS.ProcessEnv = process.env): RsaPair {
  return pooledPair('rsa2048-stranger.json', env);
}

function pooledPair(name: string, env: NodeJS.ProcessEnv): RsaPair {
  const dir = env[TEST_KEY_POOL_ENV];
  if (dir === undefined || dir === '') return freshRsaPair();
  const file = join(dir, name);
  const kept = readPair(file);
  if (kept !== undefined) return kept;
  const pair = freshRsaPair();
  try {
    mkdirSync(dir, { recursive: true });
    const partial = `${file}.${process.pid}.tmp`;
    writeFileSync(partial, JSON.stringify(pair), { mode: 0o600 });
    renameSync(partial, file);
  } catch {
    // An unwritable folder costs the time saved, nothing else.
  }
  return pair;
}
