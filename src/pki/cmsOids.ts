// Object identifiers of CMS (RFC 5652), its signed attributes (RFC 5035) and RFC 3161 timestamps: shared by
// the timestamp authority here and the signature reader in src/signing/cms.ts.
export const OID_SIGNED_DATA = '1.2.840.113549.1.7.2'
export const OID_CT_TSTINFO = '1.2.840.113549.1.9.16.1.4'
export const OID_MESSAGE_DIGEST = '1.2.840.113549.1.9.4'
export const OID_SIGNING_TIME = '1.2.840.113549.1.9.5'
export const OID_SIGNING_CERTIFICATE = '1.2.840.113549.1.9.16.2.12'
export const OID_SIGNING_CERTIFICATE_V2 = '1.2.840.113549.1.9.16.2.47'
export const OID_SIGNATURE_TIMESTAMP = '1.2.840.113549.1.9.16.2.14'
