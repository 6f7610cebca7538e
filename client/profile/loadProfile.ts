import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { ProfileError } from './profileError';
import { profileFromObject } from './profileFromObject';
import type { LoadedProfile } from './targetProfile';

/** The variable that names the profile file when no path is given. */
export const PROFILE_VAR = 'PAYSCORE_PROFILE';

/**
 * Reads and validates a target profile file (PAYSCORE_PROFILE when path is undefined; PAYSCORE_TARGET_URL
 * overrides baseUrl). Throws ProfileError listing every problem at once.
 */
export function loadProfile(path: string | undefined, env: NodeJS.ProcessEnv = process.env): LoadedProfile {
  const { parsed, file } = readProfileFile(path, env);
  return profileFromObject(parsed, dirname(file), env, file);
}

/** The parsed JSON of a profile file (PAYSCORE_PROFILE when path is undefined) and its absolute path. */
export function readProfileFile(path: string | undefined, env: NodeJS.ProcessEnv): { parsed: unknown; file: string } {
  const given = path ?? env[PROFILE_VAR];
  if (given === undefined || given === '') {
    throw new ProfileError([
      {
        field: PROFILE_VAR,
        problem: 'no profile file given',
        fix: `set ${PROFILE_VAR} to the path of a target profile JSON file`,
      },
    ]);
  }
  const file = resolve(given);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new ProfileError(
      [
        {
          field: '(file)',
          problem: code === 'ENOENT' ? `file missing: ${file}` : `cannot read ${file} (${code ?? String(e)})`,
          fix: `create it or correct ${path === undefined ? PROFILE_VAR : 'the path'}`,
        },
      ],
      file,
    );
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    throw new ProfileError(
      [{ field: '(file)', problem: `not JSON: ${(e as Error).message}`, fix: 'write the profile as one JSON object' }],
      file,
    );
  }
  return { parsed, file };
}
