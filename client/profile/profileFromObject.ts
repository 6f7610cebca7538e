import type { KeyObject } from 'node:crypto';
import { createPublicKey } from 'node:crypto';
import { isObject } from '../../apiv3';
import { isRuleId, rule } from '../../specification';
import { readCertificate, readPrivateKey, readPublicKey, samePublicKey } from './keyFiles';
import { ProfileError, type ProfileProblem } from './profileError';
import { schemaProblemsOverridden } from './schemaProblems';
import type { LoadedProfile, PlatformMode, TargetProfile } from './targetProfile';
import { tlsTrustOf } from './tlsTrust';

const TARGET_URL_VAR = 'PAYSCORE_TARGET_URL';
const str = (o: unknown, key: string): string | undefined =>
  isObject(o) && typeof o[key] === 'string' ? o[key] : undefined;

interface Platform {
  key: KeyObject;
  serial: string;
  mode: PlatformMode;
}

function checkPlatform(platform: unknown, baseDir: string, problems: ProfileProblem[]): Platform | undefined {
  if (!isObject(platform)) return undefined;
  const serial = str(platform, 'serial');
  const publicKeyPath = str(platform, 'publicKeyPath');
  const certificatePath = str(platform, 'certificatePath');
  const modeFix =
    'give platform.publicKeyPath with platform.serial (public-key mode) or platform.certificatePath (certificate mode)';
  if (publicKeyPath !== undefined && certificatePath !== undefined) {
    problems.push({
      field: 'platform',
      problem: 'names both publicKeyPath and certificatePath',
      fix: `keep one: ${modeFix}`,
    });
    return undefined;
  }
  if (certificatePath !== undefined) {
    const cert = readCertificate('platform.certificatePath', baseDir, certificatePath, new Date());
    if (!cert.ok) return void problems.push(cert.problem);
    if (serial !== undefined && serial.toUpperCase() !== cert.value.serial) {
      problems.push({
        field: 'platform.serial',
        problem: `${serial} is not the certificate's serial ${cert.value.serial}`,
        fix: 'remove platform.serial (it is read from the certificate) or correct it',
      });
      return undefined;
    }
    return { key: cert.value.publicKey, serial: cert.value.serial, mode: 'certificate' };
  }
  if (publicKeyPath === undefined) {
    if (!('publicKeyPath' in platform) && !('certificatePath' in platform))
      problems.push({
        field: 'platform.publicKeyPath',
        problem: 'is missing (and so is platform.certificatePath)',
        fix: modeFix,
      });
    return undefined;
  }
  if (serial === undefined && !('serial' in platform))
    problems.push({
      field: 'platform.serial',
      problem: 'is missing in public-key mode',
      fix: 'add the WeChat Pay public key id, "PUB_KEY_ID_" + 32 digits',
    });
  const key = readPublicKey(
    'platform.publicKeyPath',
    baseDir,
    publicKeyPath,
    'use the WeChat Pay public key (pub_key.pem) from the merchant platform',
  );
  if (!key.ok) return void problems.push(key.problem);
  return serial === undefined ? undefined : { key: key.value, serial, mode: 'public-key' };
}

function checkMerchant(
  merchant: unknown,
  baseDir: string,
  problems: ProfileProblem[],
): { privateKey: KeyObject; publicKey: KeyObject } | undefined {
  const privatePath = str(merchant, 'privateKeyPath');
  const publicPath = str(merchant, 'publicKeyPath');
  const priv = privatePath === undefined ? undefined : readPrivateKey('merchant.privateKeyPath', baseDir, privatePath);
  if (priv !== undefined && !priv.ok) problems.push(priv.problem);
  const pub =
    publicPath === undefined
      ? undefined
      : readPublicKey(
          'merchant.publicKeyPath',
          baseDir,
          publicPath,
          'use the public key of the merchant API certificate (RSA 2048)',
        );
  if (pub !== undefined && !pub.ok) problems.push(pub.problem);
  if (priv?.ok === true && pub?.ok === true && !samePublicKey(priv.value, pub.value)) {
    problems.push({
      field: 'merchant.publicKeyPath',
      problem: 'does not match the private key of merchant.privateKeyPath',
      fix: 'use the key pair of one merchant API certificate (`openssl pkey -in apiclient_key.pem -pubout` gives the matching public key)',
    });
  }
  if (priv?.ok !== true) return undefined;
  return { privateKey: priv.value, publicKey: pub?.ok === true ? pub.value : createPublicKey(priv.value) };
}

export function checkDowngrade(downgrade: unknown, problems: ProfileProblem[]): void {
  if (!Array.isArray(downgrade)) return;
  downgrade.forEach((id: unknown, i) => {
    if (typeof id !== 'string') return;
    const field = `downgrade[${i}]`;
    if (!isRuleId(id))
      problems.push({
        field,
        problem: `${id} is not a rule id`,
        fix: 'use a rule id of openapi.yaml x-rules (basis SIBLING)',
      });
    else if (rule(id).basis !== 'SIBLING')
      problems.push({
        field,
        problem: `${id} is a ${rule(id).basis} rule`,
        fix: 'only SIBLING rules can be downgraded to warnings; remove it',
      });
  });
}

/** Validates an in-memory profile (paths relative to baseDir); throws ProfileError listing every problem. */
export function profileFromObject(
  obj: unknown,
  baseDir: string,
  env: NodeJS.ProcessEnv = process.env,
  sourcePath?: string,
): LoadedProfile {
  const override = env[TARGET_URL_VAR];
  const fromEnv = override !== undefined && override !== '' && isObject(obj);
  const effective: unknown = fromEnv ? { ...obj, baseUrl: override } : obj;
  const problems = schemaProblemsOverridden(
    effective,
    'target',
    fromEnv ? { field: 'baseUrl', source: TARGET_URL_VAR, fix: (fix) => `${fix} in ${TARGET_URL_VAR}` } : undefined,
  );
  const o = isObject(effective) ? effective : {};
  const merchant = checkMerchant(o['merchant'], baseDir, problems);
  const platform = checkPlatform(o['platform'], baseDir, problems);
  checkDowngrade(o['downgrade'], problems);
  const tlsTrust = tlsTrustOf(o['tls'], o['baseUrl'], baseDir, problems);
  if (problems.length > 0 || merchant === undefined || platform === undefined) {
    throw new ProfileError(
      problems.length > 0
        ? problems
        : [{ field: '(file)', problem: 'incomplete profile', fix: 'see client/profile/targetProfile.ts' }],
      sourcePath,
    );
  }
  const raw = effective as TargetProfile;
  return {
    ...raw,
    downgrade: raw.downgrade ?? [],
    merchantPrivateKey: merchant.privateKey,
    merchantPublicKey: merchant.publicKey,
    platformPublicKey: platform.key,
    platformSerial: platform.serial,
    mode: platform.mode,
    ...(tlsTrust === undefined ? {} : { tlsTrust }),
    baseDir,
    ...(sourcePath === undefined ? {} : { sourcePath }),
  };
}
