import { verifyResponseSignature, newNonce } from '../apiv3';
import type { Exchange } from './exchange';
import { curlTlsOf, tlsAgentOptions, type LoadedProfile } from './profile';
import { prepareRequest } from './prepareRequest';
import type { ClientOptions, RawRequest } from './rawRequest';
import { renderCurl } from './renderCurl';
import { createTransport } from './transport';

const DEFAULT_TIMEOUT_MS = 10_000;
const DEFAULT_BACKOFF_MS = 200;

/** The signing client of one target profile. */
export interface PayscoreClient {
  /** POST the JSON body to the create-order endpoint, signed, with the default headers. */
  createOrder: (body: unknown) => Promise<Exchange>;
  /** Send a raw request (rules broken on purpose); always resolves to an Exchange. */
  send: (request: RawRequest) => Promise<Exchange>;
  /** Closes the keep-alive connections. */
  close: () => void;
}

const retryable = (exchange: Exchange): boolean =>
  exchange.response !== undefined && (exchange.response.status === 429 || exchange.response.status >= 500);
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** A client that signs with the profile's merchant key and verifies responses with its platform key, as data. */
export function createClient(profile: LoadedProfile, options: ClientOptions = {}): PayscoreClient {
  const clock = options.clock ?? Date.now;
  const ctx = { profile, clock, nonce: options.nonce ?? newNonce };
  const timeoutMs = options.timeoutMs ?? profile.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const retries = Math.max(0, Math.floor(options.retries ?? 0));
  const backoffMs = options.backoffMs ?? DEFAULT_BACKOFF_MS;
  const transport = createTransport(tlsAgentOptions(profile.tlsTrust));
  const platformKey = (serial: string) => (serial === profile.platformSerial ? profile.platformPublicKey : undefined);

  async function attempt(raw: RawRequest): Promise<Exchange> {
    const request = prepareRequest(raw, ctx);
    const started = performance.now();
    const result = await transport.send(
      new URL(request.url),
      request.pathWithQuery,
      request.method,
      request.headers,
      request.body,
      timeoutMs,
    );
    const exchange: Exchange = {
      request,
      durationMs: performance.now() - started,
      curl: renderCurl(request, { tls: curlTlsOf(profile.tlsTrust) }),
    };
    if ('transportError' in result) exchange.transportError = result.transportError;
    else {
      exchange.response = result.response;
      exchange.signature = verifyResponseSignature({
        headers: result.response.headers,
        body: result.response.body,
        platformKey,
        now: Math.floor(clock() / 1000),
      });
    }
    return exchange;
  }

  async function send(raw: RawRequest): Promise<Exchange> {
    let exchange = await attempt(raw);
    let attempts = 1;
    while (attempts <= retries && retryable(exchange)) {
      await sleep(backoffMs * 2 ** (attempts - 1));
      exchange = await attempt(raw);
      attempts += 1;
    }
    return { ...exchange, attempts };
  }

  return {
    send,
    createOrder: (body) => send({ body: JSON.stringify(body) }),
    close: transport.close,
  };
}
