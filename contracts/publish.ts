import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { CONSUMER, PACT_FILE, PROVIDER } from './contract';

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
  if (version === undefined)
    throw new Error('PACT_BROKER_BASE_URL is set but no version is known: set PACT_VERSION (e.g. the commit sha)');
  const branch = env['PACT_BRANCH'] ?? env['GITHUB_REF_NAME'] ?? git(['rev-parse', '--abbrev-ref', 'HEAD']);
  const token = env['PACT_BROKER_TOKEN'];
  return {
    url,
    version,
    ...(token === undefined || token === '' ? {} : { token }),
    ...(branch === undefined ? {} : { branch }),
  };
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

/** What the broker answered to a publication. */
export interface PublishResult {
  status: number;
  body: unknown;
}

/**
 * Publishes the pact with the broker's "publish contracts" endpoint (POST /contracts/publish, Pact
 * Broker >= 2.86 and PactFlow) — the call `pact-broker publish` makes. pact-js 16.4.0 ships no
 * publisher of its own (see README). Rejects on any answer other than 2xx.
 */
export async function publishPacts(broker: BrokerConfig, pactFile: string = PACT_FILE): Promise<PublishResult> {
  const request = {
    pacticipantName: CONSUMER,
    pacticipantVersionNumber: broker.version,
    ...(broker.branch === undefined ? {} : { branch: broker.branch }),
    contracts: [
      {
        consumerName: CONSUMER,
        providerName: PROVIDER,
        specification: 'pact',
        contentType: 'application/json',
        content: readFileSync(pactFile).toString('base64'),
      },
    ],
  };
  const response = await fetch(new URL('contracts/publish', broker.url.endsWith('/') ? broker.url : `${broker.url}/`), {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      Accept: 'application/hal+json, application/json',
      ...(broker.token === undefined ? {} : { Authorization: `Bearer ${broker.token}` }),
    },
    body: JSON.stringify(request),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`the broker refused the pact: ${response.status} ${text}`);
  return { status: response.status, body: text === '' ? undefined : (JSON.parse(text) as unknown) };
}
