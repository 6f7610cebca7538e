// GET /v3/certificates (facts §11): what certificate-mode SDKs download before their first create. The
// operation, its 404 for merchants without a platform certificate (DECISION) and the answer's schema are in
// openapi.yaml; this answers from them.
import { X509Certificate } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { encryptResource, rfc3339China } from '../../apiv3';
import { CERTIFICATES_PATH, resolvePointer, specDocument } from '../../specification';
import type { PlatformKey } from '../config';
import type { MockContext } from '../context';
import { errorAnswer, ruleAnswer, type Answer } from './answer';
import { authenticate, signedInputOf } from './authenticate';

/** WeChat's examples use this associated_data for certificates. */
const CERTIFICATE_AAD = 'certificate';

/** The 404 openapi.yaml states for a merchant without platform certificates (public-key mode). */
function noCertificateAnswer(): Answer {
  const example = resolvePointer(
    specDocument(),
    `/paths/${CERTIFICATES_PATH.replace(/\//g, '~1')}/get/responses/404/content/application~1json/examples/noPlatformCertificate/value`,
  ) as { code: string; message: string } | undefined;
  if (example === undefined) throw new Error(`openapi.yaml states no 404 example for GET ${CERTIFICATES_PATH}`);
  return errorAnswer(example.code, example.message, undefined, 404);
}

function listed(key: PlatformKey & { certificatePem: string }, apiV3Key: Buffer) {
  const certificate = new X509Certificate(key.certificatePem);
  const { algorithm, nonce, associated_data, ciphertext } = encryptResource(
    key.certificatePem,
    apiV3Key,
    CERTIFICATE_AAD,
    'certificate',
  );
  return {
    serial_no: key.serial,
    effective_time: rfc3339China(Date.parse(certificate.validFrom)),
    expire_time: rfc3339China(Date.parse(certificate.validTo)),
    encrypt_certificate: { algorithm, nonce, associated_data, ciphertext },
  };
}

/** The platform certificates in certificate mode (the default signing key is a certificate); else the 404. */
export function certificatesAnswer(ctx: MockContext): Answer {
  const { platformKeys, apiV3Key } = ctx.config;
  if (platformKeys[0]?.certificatePem === undefined) return noCertificateAnswer();
  const withCertificate = platformKeys.filter(
    (k): k is PlatformKey & { certificatePem: string } => k.certificatePem !== undefined,
  );
  return { status: 200, body: { data: withCertificate.map((k) => listed(k, apiV3Key)) } };
}

export interface CertificatesRequest {
  method: string;
  pathWithQuery: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** GET only; signed like any request (an empty BODY line); then the certificates or the 404. */
export async function downloadCertificates(ctx: MockContext, req: CertificatesRequest): Promise<Answer> {
  if (req.method !== 'GET')
    return {
      ...ruleAnswer('ROUTE-METHOD', `${req.method} is not allowed on ${CERTIFICATES_PATH}; use GET`),
      headers: { Allow: 'GET' },
    };
  const auth = await authenticate(ctx, signedInputOf(req));
  return auth.ok ? certificatesAnswer(ctx) : auth.answer;
}
