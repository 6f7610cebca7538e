import {
  diagnoseSignature,
  headerValue,
  requestMessage,
  verifyMessage,
  verifyRequestSignature,
  TIMESTAMP_WINDOW_SECONDS,
  type AuthorizationParams,
} from '../apiv3';
import type { TappedRequest } from '../mock';
import { findingOf } from '../judgement';
import type { CallerProfile, JudgedRequest } from './clientTypes';

/** The parameters of an Authorization header the strict parser refuses, when all five are there. */
function looseParams(authorization: string | undefined): AuthorizationParams | undefined {
  const pick = (name: string): string | undefined =>
    new RegExp(`(?:^|[ ,])${name}="([^"]*)"`).exec(authorization ?? '')?.[1];
  const [mchid, nonce, timestamp, serial, signature] = [
    'mchid',
    'nonce_str',
    'timestamp',
    'serial_no',
    'signature',
  ].map(pick);
  if ([mchid, nonce, timestamp, serial, signature].includes(undefined)) return undefined;
  return {
    mchid: mchid ?? '',
    nonce_str: nonce ?? '',
    timestamp: timestamp ?? '',
    serial_no: serial ?? '',
    signature: signature ?? '',
  };
}

/** Which known signing mistake makes the signature verify (apiv3/signatureMistakes.ts), for the developer. */
function diagnosis(req: TappedRequest, params: AuthorizationParams, caller: CallerProfile): string {
  const host = headerValue(req.headers, 'host');
  const found = diagnoseSignature(
    {
      method: req.method,
      pathWithQuery: req.url,
      ...(host === undefined ? {} : { host }),
      timestamp: params.timestamp,
      nonce: params.nonce_str,
      body: req.body,
    },
    params.signature,
    caller.merchantPublicKey,
  );
  return found.mistake === null ? found.says : `${found.mistake} — ${found.says}`;
}

/** The signature over the exact bytes, mchid, serial and timestamp, each a rule of its own. */
export function signatureFindings(req: TappedRequest, caller: CallerProfile): JudgedRequest {
  const authorization = headerValue(req.headers, 'authorization');
  // Judge the signature alone: mchid, serial and timestamp are rules of their own.
  const verdict = verifyRequestSignature({
    method: req.method,
    pathWithQuery: req.url,
    body: req.body,
    authorization,
    merchantKey: () => caller.merchantPublicKey,
    now: 0,
    windowSeconds: Number.MAX_SAFE_INTEGER,
  });
  // A header the parser refuses (a millisecond timestamp) still names its parameters: judge each on its own,
  // the signature over what that header says.
  const loose = verdict.params === undefined ? looseParams(authorization) : undefined;
  const signedOk =
    loose === undefined
      ? verdict.ok
      : verifyMessage(
          requestMessage(req.method, req.url, loose.timestamp, loose.nonce_str, req.body),
          loose.signature,
          caller.merchantPublicKey,
        );
  const detail = verdict.ok ? undefined : verdict.detail;
  const params = verdict.params ?? loose;
  const failure = loose === undefined ? detail : 'the signature does not verify over the bytes sent';
  const signature = findingOf(
    'CLIENT-SIGNATURE',
    signedOk ? undefined : params === undefined ? failure : `${failure}; diagnosis: ${diagnosis(req, params, caller)}`,
  );
  if (params === undefined) return { findings: [signature] };
  const seconds = Number(params.timestamp);
  const skew = Math.abs(Math.floor(req.receivedAt / 1000) - seconds);
  return {
    params,
    findings: [
      signature,
      findingOf(
        'CLIENT-MCHID',
        params.mchid === caller.mchid ? undefined : `mchid ${params.mchid} is not the caller's ${caller.mchid}`,
      ),
      findingOf(
        'CLIENT-SERIAL',
        params.serial_no === caller.merchantSerial
          ? undefined
          : `serial_no ${params.serial_no} is not the merchant key's ${caller.merchantSerial}`,
      ),
      findingOf(
        'CLIENT-TIMESTAMP',
        /^\d+$/.test(params.timestamp) && skew <= TIMESTAMP_WINDOW_SECONDS
          ? undefined
          : `timestamp ${params.timestamp} is ${Number.isFinite(skew) ? `${skew} s` : 'far'} away from the clock (Unix seconds expected, within ${TIMESTAMP_WINDOW_SECONDS} s)`,
      ),
    ],
  };
}
