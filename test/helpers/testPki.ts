// A throwaway PKI made inside a test: a root CA and end-entity certificates (person, agency seal) issued by
// it, with @peculiar/x509 and WebCrypto. Plus what the signing tests need around it: a PKCS#12 file
// (written by `openssl pkcs12 -export`, tests only), an NSS database trusting the root for pdfsig, and
// pdfsig's verdict on a signed PDF.
import { execFileSync, spawnSync } from 'node:child_process'
import { webcrypto } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

// @peculiar/x509 needs a Reflect metadata polyfill (tsyringe) loaded before it.
import 'reflect-metadata'
import * as x509 from '@peculiar/x509'

x509.cryptoProvider.set(webcrypto as unknown as Crypto)

export const RSA: RsaHashedKeyGenParams = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256', publicExponent: new Uint8Array([1, 0, 1]), modulusLength: 2048 }
export const EC: EcKeyGenParams = { name: 'ECDSA', namedCurve: 'P-256' }

export interface TestCa {
  cert: x509.X509Certificate
  keys: CryptoKeyPair
  der: Uint8Array
  pem: string
}

export interface TestLeaf {
  cert: x509.X509Certificate
  der: Uint8Array
  pem: string
  /** Absent when the key lives elsewhere (on a token). */
  keys?: CryptoKeyPair
}

const day = 86_400_000
let serial = 0x1000

export async function makeRootCa(name = 'CN=hoso test root CA, O=Bộ Nội vụ (thử nghiệm), C=VN'): Promise<TestCa> {
  const keys = (await webcrypto.subtle.generateKey(RSA, true, ['sign', 'verify'])) as CryptoKeyPair
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: (serial++).toString(16),
    name,
    notBefore: new Date(Date.now() - day),
    notAfter: new Date(Date.now() + 365 * day),
    signingAlgorithm: { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' } as Algorithm,
    keys,
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    ],
  })
  return { cert, keys, der: new Uint8Array(cert.rawData), pem: cert.toString('pem') }
}

/**
 * An end-entity signing certificate issued by `ca`. `publicKey` may be a CryptoKey or SPKI DER (a token's
 * key); without it a fresh key pair of `algorithm` is made and returned.
 */
export async function issueLeaf(
  ca: TestCa,
  subject: string,
  options: { publicKey?: CryptoKey | Uint8Array; algorithm?: RsaHashedKeyGenParams | EcKeyGenParams; extendedKeyUsage?: string[] } = {},
): Promise<TestLeaf> {
  let keys: CryptoKeyPair | undefined
  let publicKey = options.publicKey
  if (!publicKey) {
    keys = (await webcrypto.subtle.generateKey(options.algorithm ?? RSA, true, ['sign', 'verify'])) as CryptoKeyPair
    publicKey = keys.publicKey
  }
  const pub = publicKey instanceof Uint8Array ? new x509.PublicKey(new Uint8Array(publicKey)) : publicKey
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: (serial++).toString(16),
    subject,
    issuer: ca.cert.subject,
    notBefore: new Date(Date.now() - day),
    notAfter: new Date(Date.now() + 180 * day),
    signingAlgorithm: { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' } as Algorithm,
    publicKey: pub,
    signingKey: ca.keys.privateKey,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.nonRepudiation, true),
      await x509.AuthorityKeyIdentifierExtension.create(ca.keys.publicKey),
      await x509.SubjectKeyIdentifierExtension.create(pub instanceof x509.PublicKey ? await pub.export() : pub),
      ...(options.extendedKeyUsage ? [new x509.ExtendedKeyUsageExtension(options.extendedKeyUsage, true)] : []),
    ],
  })
  return { cert, keys, der: new Uint8Array(cert.rawData), pem: cert.toString('pem') }
}

export function tmpDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `hoso-${prefix}-`))
}

async function privateKeyPem(key: CryptoKey): Promise<string> {
  const der = Buffer.from(await webcrypto.subtle.exportKey('pkcs8', key))
  return `-----BEGIN PRIVATE KEY-----\n${der.toString('base64').replace(/.{64}/g, '$&\n')}\n-----END PRIVATE KEY-----\n`
}

/** A PKCS#12 file of the leaf's key and certificate plus the CA certificate (openssl's default ciphers). */
export async function writeP12(dir: string, name: string, leaf: TestLeaf, ca: TestCa, password: string): Promise<string> {
  if (!leaf.keys) throw new Error('writeP12: the leaf has no exportable key')
  const key = path.join(dir, `${name}.key.pem`)
  const cert = path.join(dir, `${name}.pem`)
  const chain = path.join(dir, `${name}-ca.pem`)
  const out = path.join(dir, `${name}.p12`)
  fs.writeFileSync(key, await privateKeyPem(leaf.keys.privateKey), { mode: 0o600 })
  fs.writeFileSync(cert, leaf.pem)
  fs.writeFileSync(chain, ca.pem)
  execFileSync('openssl', ['pkcs12', '-export', '-inkey', key, '-in', cert, '-certfile', chain, '-out', out, '-passout', `pass:${password}`])
  fs.rmSync(key)
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
