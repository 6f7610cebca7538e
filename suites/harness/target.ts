import {
  createClient,
  loadProfile,
  OPTIONAL_PROFILE_IDENTITIES,
  type LoadedProfile,
  type PayscoreClient,
} from '../../client';
import type { CaseExpectation, CheckContext } from '../../checks';
import type { TargetKind } from '../../judgement';
import type { RequestConstraints } from '../../generators';
import { adaptiveLimit } from './adaptiveLimit';
import { ENV, runOptions, type RunOptions } from './runOptions';
import { throttleBudget, type ThrottleBudget } from './throttleBudget';
import { createToolError } from '../../toolErrors';
import { throttledClient } from './throttledClient';

/** Everything a suite needs about the target it runs against. */
export interface TargetHandle {
  options: RunOptions;
  profile: LoadedProfile;
  /** Waits out 429 answers within the run's throttle budget, under the run's concurrency. */
  client: PayscoreClient;
  /**
   * The client of the race tests: RACE_WIDTH requests in flight whatever --concurrency says (racers
   * sent one by one would not race, and --concurrency 1 must judge as the default does); 429s are
   * waited out as by `client`, on the same budget.
   */
  racingClient: PayscoreClient;
  /** The run's throttle budget, as this suite file spends it. */
  throttle: ThrottleBudget;
  kind: TargetKind;
  /** SIBLING rules the profile downgrades to warnings. */
  downgraded: readonly string[];
  /** Generator constraints from the profile; `now` is read at every call. */
  constraints(): RequestConstraints;
  /** The check context of one exchange. */
  context(expectation: CaseExpectation, sentBody?: unknown, mchid?: string): CheckContext;
}

/** Problems of our own (bad profile, missing identity): exit code 2, never a non-conformance. */
export const TargetConfigError = createToolError('PSC_TARGET_CONFIG');
export type TargetConfigError = InstanceType<typeof TargetConfigError>;

/** Generator constraints from a profile's identities, notify URL and cap. */
export function constraintsOf(profile: LoadedProfile): RequestConstraints {
  // The profile may omit them, the generators may not: every user mode needs them.
  const missing = OPTIONAL_PROFILE_IDENTITIES.filter((k) => profile.identities[k] === undefined);
  if (missing.length > 0) {
    throw new TargetConfigError(
      `the profile needs identities.${missing.join(', identities.')} to generate requests in every mode`,
    );
  }
  if (profile.riskFundCap === undefined)
    throw new TargetConfigError('the profile needs riskFundCap (the risk-fund cap of identities.service_id, fen)');
  const i = profile.identities;
  return {
    identities: {
      service_id: i.service_id,
      appid: i.appid,
      sub_mchid: i.sub_mchid,
      channel_id: i.channel_id,
      sub_appid: i.sub_appid ?? '',
      openid: i.openid ?? '',
      sub_openid: i.sub_openid ?? '',
    },
    notifyUrl: profile.notifyUrl,
    riskFundCap: profile.riskFundCap,
    now: Date.now(),
  };
}

/** The profile of the run's target, its baseUrl replaced by the run's target URL when one is given. */
export function loadTargetProfile(options: RunOptions): LoadedProfile {
  if (options.profilePath === undefined) throw new TargetConfigError('no target profile in the run options');
  return loadProfile(
    options.profilePath,
    options.targetUrl === undefined ? {} : { [ENV.targetUrl]: options.targetUrl },
  );
}

/** How many creates the race tests send at once (suites/idempotencyRaces.ts). */
export const RACE_WIDTH = 8;

let cached: TargetHandle | undefined;

/** Opens the target named by the run options (the embedded mock's profile when none was given). */
export function openTarget(): TargetHandle {
  if (cached !== undefined) return cached;
  const options = runOptions();
  if (options.profilePath === undefined) {
    throw new TargetConfigError(
      `no target: set ${ENV.profile} (payscore-conformance run --profile FILE), or run through jest's conformance project, whose globalSetup starts the embedded mock`,
    );
  }
  const profile = loadTargetProfile(options);
  const base = constraintsOf(profile);
  const kind = options.targetKind === 'mock' || profile.referenceMock === true ? 'mock' : 'foreign';
  const throttle = throttleBudget(options);
  const signing = createClient(profile, { timeoutMs: options.timeoutMs });
  const handle: TargetHandle = {
    options,
    profile,
    client: throttledClient(signing, adaptiveLimit(options.concurrency), throttle),
    racingClient: throttledClient(signing, adaptiveLimit(RACE_WIDTH), throttle),
    throttle,
    kind,
    downgraded: profile.downgrade,
    constraints: () => ({ ...base, now: Date.now() }),
    context: (expectation, sentBody, mchid) => ({
      expectation,
      mchid: mchid ?? profile.mchid,
      targetKind: kind,
      now: Date.now(),
      riskFundCap: base.riskFundCap,
      identities: base.identities,
      ...(sentBody === undefined ? {} : { sentBody }),
    }),
  };
  cached = handle;
  return handle;
}
