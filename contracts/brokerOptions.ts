import { execFileSync } from 'node:child_process';

/** Where pacts and results go when a Pact Broker is configured (PACT_BROKER_BASE_URL). */
export interface BrokerConfig {
  url: string;
  token?: string;
  /** This checkout's version: the consumer's for pacts, the provider's for results. */
  version: string;
  branch?: string;
}

function git(args: string[]): string | undefined {
  try {
    return execFileSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() || undefined;
  } catch {
    return undefined;
  }
}

/** The broker settings from the environment, or undefined when no broker is configured. */
export function brokerConfig(env: NodeJS.ProcessEnv = process.env): BrokerConfig | undefined {
  const url = env['PACT_BROKER_BASE_URL'];
  if (url === undefined || url === '') return undefined;
  const version = env['PACT_VERSION'] ?? env['GITHUB_SHA'] ?? git(['rev-parse', 'HEAD']);
  if (version === undefined) throw new Error('PACT_BROKER_BASE_URL is set but no version is known: set PACT_VERSION (e.g. the commit sha)');
  const branch = env['PACT_BRANCH'] ?? env['GITHUB_REF_NAME'] ?? git(['rev-parse', '--abbrev-ref', 'HEAD']);
  const token = env['PACT_BROKER_TOKEN'];
  return { url, version, ...(token === undefined || token === '' ? {} : { token }), ...(branch === undefined ? {} : { branch }) };
}

/** Verifier options that fetch the provider's pacts from the broker and publish the results there. */
export function brokerVerifierOptions(broker: BrokerConfig) {
  return {
    pactBrokerUrl: broker.url,
    ...(broker.token === undefined ? {} : { pactBrokerToken: broker.token }),
    // The broker's recommended selection: main line, the same branch, what is deployed or released.
    consumerVersionSelectors: [{ mainBranch: true }, { matchingBranch: true }, { deployedOrReleased: true }],
    publishVerificationResult: true,
    providerVersion: broker.version,
    ...(broker.branch === undefined ? {} : { providerVersionBranch: broker.branch }),
  };
}
