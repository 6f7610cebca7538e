import { APIV3_KEY_BYTES, isObject } from '../../apiv3';
import { checkDowngrade } from './profileFromObject';
import { readPrivateKey, readSecretKey } from './keyFiles';
import { ProfileError, type ProfileProblem } from './profileError';
import { schemaProblemsOverridden } from './schemaProblems';
import { tlsTrustOf } from './tlsTrust';
import type { LoadedNotifyProfile, LoadedSigner, ReceiverSection, TargetProfile } from './targetProfile';

/** The variable that overrides receiver.url (as PAYSCORE_TARGET_URL overrides baseUrl). */
export const RECEIVER_URL_VAR = 'PAYSCORE_RECEIVER_URL';

const SIGNER_FIX =
  'the private key of the platform key pair whose public key (or certificate) the receiver is configured with (PEM, RSA 2048)';

function signer(
  field: string,
  section: unknown,
  baseDir: string,
  problems: ProfileProblem[],
): LoadedSigner | undefined {
  if (!isObject(section) || typeof section['privateKeyPath'] !== 'string' || typeof section['serial'] !== 'string')
    return undefined;
  const key = readPrivateKey(`${field}.privateKeyPath`, baseDir, section['privateKeyPath'], `use ${SIGNER_FIX}`);
  if (!key.ok) return void problems.push(key.problem);
  return { privateKey: key.value, serial: section['serial'] };
}

/** Where a notify profile came from: its folder (paths are relative to it), the environment, its file. */
export interface NotifyProfileSource {
  baseDir: string;
  env?: NodeJS.ProcessEnv;
  sourcePath?: string;
}

/** Validates a `notify` profile; throws ProfileError listing every problem. */
export function notifyProfileFromObject(obj: unknown, source: NotifyProfileSource): LoadedNotifyProfile {
  const { baseDir, env = process.env, sourcePath } = source;
  const override = env[RECEIVER_URL_VAR];
  const o0 = isObject(obj) ? obj : {};
  const fromEnv = override !== undefined && override !== '' && isObject(o0['receiver']);
  const effective: unknown = fromEnv ? { ...o0, receiver: { ...(o0['receiver'] as object), url: override } } : obj;
  const problems = schemaProblemsOverridden(
    effective,
    'notify',
    fromEnv ? { field: 'receiver.url', source: `${RECEIVER_URL_VAR} or --receiver` } : undefined,
  );
  const o = isObject(effective) ? effective : {};
  const receiver = isObject(o['receiver']) ? o['receiver'] : {};
  const platform = signer('receiver.platform', receiver['platform'], baseDir, problems);
  const migration =
    receiver['migrationPlatform'] === undefined
      ? undefined
      : signer('receiver.migrationPlatform', receiver['migrationPlatform'], baseDir, problems);
  const keyPath = receiver['apiV3KeyPath'];
  const apiV3 =
    typeof keyPath === 'string'
      ? readSecretKey(
          'receiver.apiV3KeyPath',
          baseDir,
          keyPath,
          APIV3_KEY_BYTES,
          `put the merchant's APIv3 key (the ${APIV3_KEY_BYTES} characters set in the merchant platform) in that file`,
        )
      : undefined;
  if (apiV3 !== undefined && !apiV3.ok) problems.push(apiV3.problem);
  checkDowngrade(o['downgrade'], problems);
  const tlsTrust = tlsTrustOf(o['tls'], receiver['url'], baseDir, problems);
  if (problems.length > 0 || platform === undefined || apiV3?.ok !== true) {
    throw new ProfileError(
      problems.length > 0
        ? problems
        : [{ field: 'receiver', problem: 'incomplete', fix: 'see client/profile/targetProfile.ts (ReceiverSection)' }],
      sourcePath,
    );
  }
  const raw = effective as TargetProfile & { receiver: ReceiverSection };
  return {
    mchid: raw.mchid,
    identities: raw.identities,
    ...(raw.riskFundCap === undefined ? {} : { riskFundCap: raw.riskFundCap }),
    downgrade: raw.downgrade ?? [],
    ...(raw.timeoutMs === undefined ? {} : { timeoutMs: raw.timeoutMs }),
    receiverUrl: raw.receiver.url,
    apiV3Key: apiV3.value,
    platform,
    ...(migration === undefined ? {} : { migrationPlatform: migration }),
    referenceReceiver: raw.referenceReceiver === true,
    ...(tlsTrust === undefined ? {} : { tlsTrust }),
    baseDir,
    ...(sourcePath === undefined ? {} : { sourcePath }),
  };
}
