import { readFileSync } from 'node:fs';
import type { BrokerConfig } from './brokerOptions';
import { CONSUMER, PACT_FILE, PROVIDER } from './contractPact';

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
    contracts: [{
      consumerName: CONSUMER,
      providerName: PROVIDER,
      specification: 'pact',
      contentType: 'application/json',
      content: readFileSync(pactFile).toString('base64'),
    }],
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
  return { status: response.status, body: text === '' ? undefined : JSON.parse(text) as unknown };
}
