import { dirname } from 'node:path';
import { readProfileFile } from './loadProfile';
import { notifyProfileFromObject } from './notifyProfileFromObject';
import type { LoadedNotifyProfile } from './targetProfile';

/** Reads and validates the profile `notify` sends with (PAYSCORE_PROFILE when path is undefined). */
export function loadNotifyProfile(path: string | undefined, env: NodeJS.ProcessEnv = process.env): LoadedNotifyProfile {
  const { parsed, file } = readProfileFile(path, env);
  return notifyProfileFromObject(parsed, { baseDir: dirname(file), env, sourcePath: file });
}
