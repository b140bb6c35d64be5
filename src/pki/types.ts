// What the PKI pieces tell about a certificate, for verification reports and the admin.

/** One certificate in a verification report. */
export interface CertificateSummary {
  subject: string
  /** Common name (or organisation) of the subject, for display. */
  commonName: string
  issuer: string
  serialNumber: string
  notBefore: string
  notAfter: string
  /** SHA-256 of the DER, hex. */
  fingerprint: string
}
