// Small DER/PEM helpers shared by the PKI, timestamp, revocation and verification code.
import { createHash } from 'node:crypto'

import * as asn1js from 'asn1js'
import * as pkijs from 'pkijs'

import type { CertificateSummary } from './types'

/** An ArrayBuffer holding exactly these bytes (pkijs/asn1js want ArrayBuffers, not views). */
export function toArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer
}

/** Parses one DER value; throws when the bytes are not DER. */
export function fromDer(bytes: Uint8Array | ArrayBuffer): asn1js.AsnType {
  const buf = bytes instanceof Uint8Array ? toArrayBuffer(bytes) : bytes
  const parsed = asn1js.fromBER(buf)
  if (parsed.offset === -1) throw new Error(`not DER: ${parsed.result.error}`)
  return parsed.result
}

// Parsing and re-encoding certificates dominate verification (path building compares certificates by
// DER, for every signature and timestamp): each certificate is parsed once and keeps the DER it came from.
// Certificates are never modified after parsing in this code base.
const DER_OF = new WeakMap<pkijs.Certificate, Uint8Array>()
const PARSED = new Map<string, pkijs.Certificate>()
const PARSED_MAX = 512

export function parseCertificate(der: Uint8Array): pkijs.Certificate {
  const key = Buffer.from(der.buffer, der.byteOffset, der.byteLength).toString('base64')
  const cached = PARSED.get(key)
  if (cached) return cached
  const cert = new pkijs.Certificate({ schema: fromDer(der) })
  DER_OF.set(cert, new Uint8Array(der))
  if (PARSED.size >= PARSED_MAX) PARSED.delete(PARSED.keys().next().value!)
  PARSED.set(key, cert)
  return cert
}

export function certificateDer(cert: pkijs.Certificate): Uint8Array {
  let der = DER_OF.get(cert)
  if (!der) {
    der = new Uint8Array(cert.toSchema().toBER(false))
    DER_OF.set(cert, der)
  }
  return der
}

export type HashName = 'sha1' | 'sha256' | 'sha384' | 'sha512'

export function digest(algorithm: HashName, data: Uint8Array): Uint8Array {
  return new Uint8Array(createHash(algorithm).update(data).digest())
}

export function digestHex(algorithm: HashName, data: Uint8Array): string {
  return createHash(algorithm).update(data).digest('hex')
}

const HASH_OIDS: Record<string, HashName> = {
  '1.3.14.3.2.26': 'sha1',
  '2.16.840.1.101.3.4.2.1': 'sha256',
  '2.16.840.1.101.3.4.2.2': 'sha384',
  '2.16.840.1.101.3.4.2.3': 'sha512',
}

/** Node hash name for a digest algorithm OID, or null when unsupported. */
export function hashNameOf(oid: string): HashName | null {
  return HASH_OIDS[oid] ?? null
}

export function hashOidOf(name: HashName): string {
  return Object.entries(HASH_OIDS).find(([, n]) => n === name)![0]
}

/** @libpdf/core's DigestAlgorithm names ('SHA-256') to Node's ('sha256'). */
export function hashNameFromWebCrypto(name: string): HashName | null {
  const n = name.toLowerCase().replace('-', '')
  return n === 'sha1' || n === 'sha256' || n === 'sha384' || n === 'sha512' ? n : null
}

export function bytesEqual(a: Uint8Array | ArrayBuffer, b: Uint8Array | ArrayBuffer): boolean {
  return Buffer.from(a instanceof Uint8Array ? a : new Uint8Array(a)).equals(Buffer.from(b instanceof Uint8Array ? b : new Uint8Array(b)))
}

export function toPem(der: Uint8Array, label: string): string {
  const b64 = Buffer.from(der).toString('base64').replace(/(.{64})/g, '$1\n').replace(/\n$/, '')
  return `-----BEGIN ${label}-----\n${b64}\n-----END ${label}-----\n`
}

/**
 * Every PEM block in the text, or only those labelled `label` ("CERTIFICATE", "X509 CRL"); the bytes
 * themselves when they hold no such block (DER already).
 */
export function fromPemOrDer(input: Uint8Array | string, label?: string): Uint8Array[] {
  const text = typeof input === 'string' ? input : Buffer.from(input).toString('latin1')
  const blocks = [...text.matchAll(/-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/g)].filter((m) => label === undefined || m[1] === label)
  if (blocks.length > 0) return blocks.map((m) => new Uint8Array(Buffer.from(m[2]!.replace(/\s+/g, ''), 'base64')))
  return typeof input === 'string' ? [] : [input]
}

const NAME_LABELS: Record<string, string> = {
  '2.5.4.3': 'CN',
  '2.5.4.6': 'C',
  '2.5.4.7': 'L',
  '2.5.4.8': 'ST',
  '2.5.4.10': 'O',
  '2.5.4.11': 'OU',
  '2.5.4.12': 'T',
  '2.5.4.5': 'SERIALNUMBER',
  '0.9.2342.19200300.100.1.1': 'UID',
  '1.2.840.113549.1.9.1': 'E',
}

/** A distinguished name as "CN=…, T=…, O=…, C=VN" (most specific first, as users read it). */
export function formatName(name: pkijs.RelativeDistinguishedNames): string {
  return name.typesAndValues
    .map((tv) => `${NAME_LABELS[tv.type] ?? tv.type}=${String((tv.value.valueBlock as { value?: unknown }).value ?? '')}`)
    .reverse()
    .join(', ')
}

/** Every value of the attribute `oid` in the name, in order. */
export function nameAttributes(name: pkijs.RelativeDistinguishedNames, oid: string): string[] {
  return name.typesAndValues.filter((t) => t.type === oid).map((tv) => String((tv.value.valueBlock as { value?: unknown }).value ?? ''))
}

export function nameAttribute(name: pkijs.RelativeDistinguishedNames, oid: string): string | null {
  return nameAttributes(name, oid)[0] ?? null
}

const NAME_DER = new WeakMap<pkijs.RelativeDistinguishedNames, Uint8Array>()
const nameDer = (n: pkijs.RelativeDistinguishedNames) => {
  let der = NAME_DER.get(n)
  if (!der) {
    der = new Uint8Array(n.toSchema().toBER(false))
    NAME_DER.set(n, der)
  }
  return der
}

export function sameName(a: pkijs.RelativeDistinguishedNames, b: pkijs.RelativeDistinguishedNames): boolean {
  return bytesEqual(nameDer(a), nameDer(b))
}

export function serialHex(cert: { serialNumber: asn1js.Integer }): string {
  return Buffer.from(cert.serialNumber.valueBlock.valueHexView).toString('hex')
}

export function summarizeCertificate(cert: pkijs.Certificate): CertificateSummary {
  return {
    subject: formatName(cert.subject),
    commonName: nameAttribute(cert.subject, '2.5.4.3') ?? nameAttribute(cert.subject, '2.5.4.10') ?? '',
    issuer: formatName(cert.issuer),
    serialNumber: serialHex(cert),
    notBefore: cert.notBefore.value.toISOString(),
    notAfter: cert.notAfter.value.toISOString(),
    fingerprint: digestHex('sha256', certificateDer(cert)),
  }
}
