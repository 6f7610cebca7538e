// X.509 certificates issued in process (@peculiar/x509 over node:crypto): platform certificates and the sandbox CA.
import type { CertificateOrder } from './issueCertificate';

export type { CertificateOrder } from './issueCertificate';
export { issueCertificateSync } from './issueCertificateSync';

/**
 * Issues a certificate (PEM). @peculiar/x509 and its helpers load on the first call: 85 ms at load,
 * paid otherwise by every Jest module registry that imports apiv3, most of which issue nothing (issue #27).
 */
export async function issueCertificate(order: CertificateOrder): Promise<string> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a lazy load is the point
  const { issueCertificate: issue } = require('./issueCertificate') as typeof import('./issueCertificate');
  return issue(order);
}
