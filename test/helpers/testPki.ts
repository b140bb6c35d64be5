// A throwaway PKI made inside a test: a root CA and end-entity certificates (person, agency seal) issued by
// it, with the project's own issuing code (src/pki/certificates.ts) and WebCrypto keys. Plus what the signing
// tests need around it: a PKCS#12 file (src/pki/p12.ts), an NSS database trusting the root for pdfsig, and
// pdfsig's verdict on a signed PDF.
import { execFileSync, spawnSync } from 'node:child_process'
import { webcrypto } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import type * as pkijs from 'pkijs'

import { buildName, issueCertificate, KeyUsage, type NameSpec } from '../../src/pki/certificates'
import { parseCertificate, toPem } from '../../src/pki/der'
import { buildP12 } from '../../src/pki/p12'

export const RSA: RsaHashedKeyGenParams = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256', publicExponent: new Uint8Array([1, 0, 1]), modulusLength: 2048 }
export const EC: EcKeyGenParams = { name: 'ECDSA', namedCurve: 'P-256' }

export interface TestCa {
  cert: pkijs.Certificate
  keys: CryptoKeyPair
  der: Uint8Array
  pem: string
}

export interface TestLeaf {
  cert: pkijs.Certificate
  der: Uint8Array
  pem: string
  /** Absent when the key lives elsewhere (on a token). */
  keys?: CryptoKeyPair
}

const day = 86_400_000
let serial = 0x1000

function nextSerial(): Uint8Array {
  const n = serial++
  return new Uint8Array([n >> 8, n & 0xff])
}

function issued(der: Uint8Array): { cert: pkijs.Certificate; der: Uint8Array; pem: string } {
  return { cert: parseCertificate(der), der, pem: toPem(der, 'CERTIFICATE') }
}

export async function makeRootCa(name: NameSpec = { commonName: 'hoso test root CA', organization: 'Bộ Nội vụ (thử nghiệm)', country: 'VN' }): Promise<TestCa> {
  const keys = (await webcrypto.subtle.generateKey(RSA, true, ['sign', 'verify'])) as CryptoKeyPair
  const der = await issueCertificate({
    serialNumber: nextSerial(),
    subject: buildName(name),
    publicKey: keys.publicKey,
    selfSignKey: keys.privateKey,
    notBefore: new Date(Date.now() - day),
    notAfter: new Date(Date.now() + 365 * day),
    ca: { pathLength: 0 },
    keyUsage: [KeyUsage.keyCertSign, KeyUsage.cRLSign],
  })
  return { ...issued(der), keys }
}

/**
 * An end-entity signing certificate issued by `ca`. `publicKey` may be a token's key; without it a fresh
 * key pair of `algorithm` is made and returned.
 */
export async function issueLeaf(
  ca: TestCa,
  subject: NameSpec,
  options: { publicKey?: CryptoKey; algorithm?: RsaHashedKeyGenParams | EcKeyGenParams; extendedKeyUsage?: string[] } = {},
): Promise<TestLeaf> {
  const keys = options.publicKey ? undefined : ((await webcrypto.subtle.generateKey(options.algorithm ?? RSA, true, ['sign', 'verify'])) as CryptoKeyPair)
  const der = await issueCertificate({
    serialNumber: nextSerial(),
    subject: buildName(subject),
    publicKey: options.publicKey ?? keys!.publicKey,
    issuer: { certificate: ca.cert, privateKey: ca.keys.privateKey },
    notBefore: new Date(Date.now() - day),
    notAfter: new Date(Date.now() + 180 * day),
    keyUsage: [KeyUsage.digitalSignature, KeyUsage.nonRepudiation],
    ...(options.extendedKeyUsage ? { extendedKeyUsage: options.extendedKeyUsage } : {}),
  })
  return { ...issued(der), ...(keys ? { keys } : {}) }
}

export function tmpDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `hoso-${prefix}-`))
}

/** A PKCS#12 file of the leaf's key and certificate plus the CA certificate. */
export async function writeP12(dir: string, name: string, leaf: TestLeaf, ca: TestCa, password: string): Promise<string> {
  if (!leaf.keys) throw new Error('writeP12: the leaf has no exportable key')
  const out = path.join(dir, `${name}.p12`)
  fs.writeFileSync(out, await buildP12({ privateKey: leaf.keys.privateKey, certificate: leaf.der, chain: [ca.der], password, friendlyName: name }), { mode: 0o600 })
  return out
}

/** An NSS database (for pdfsig -nssdir) that trusts `ca` for signing. */
export function nssDbTrusting(ca: TestCa): string {
  const dir = tmpDir('nss')
  const rootPem = path.join(dir, 'root.pem')
  fs.writeFileSync(rootPem, ca.pem)
  execFileSync('certutil', ['-N', '--empty-password', '-d', `sql:${dir}`])
  execFileSync('certutil', ['-A', '-t', 'CT,C,C', '-n', 'root', '-i', rootPem, '-d', `sql:${dir}`])
  return dir
}

/** pdfsig's report for the PDF bytes, with the NSS database trusting the test root. */
export function pdfsig(bytes: Uint8Array, nssDir: string): string {
  const dir = tmpDir('pdfsig')
  const file = path.join(dir, 'signed.pdf')
  fs.writeFileSync(file, bytes)
  const r = spawnSync('pdfsig', ['-nssdir', `sql:${nssDir}`, file], { encoding: 'utf8' })
  fs.rmSync(dir, { recursive: true, force: true })
  return `${r.stdout}${r.stderr}`
}

/** Per signature in pdfsig's output: [validity line, trust line]. */
export function pdfsigVerdicts(report: string): { valid: boolean; trusted: boolean; signer: string }[] {
  return report
    .split(/^Signature #\d+:$/m)
    .slice(1)
    .map((block) => ({
      valid: /Signature Validation: Signature is Valid\./.test(block),
      trusted: /Certificate Validation: Certificate is Trusted\./.test(block),
      signer: /Signer Certificate Common Name: (.*)/.exec(block)?.[1]?.trim() ?? '',
    }))
}
