// X.509 certificates issued in process (@peculiar/x509 over node:crypto): platform certificates and the sandbox CA.
export { issueCertificate } from './issueCertificate';
export type { CertificateOrder } from './issueCertificate';
export { issueCertificateSync } from './issueCertificateSync';
