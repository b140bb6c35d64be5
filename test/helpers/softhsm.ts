// A SoftHSM2 token in the test run's temporary token directory, provisioned as a CA would hand one out: key
// pairs generated ON the token (sensitive, not extractable), a certificate for each public key issued by the
// test CA and stored beside its key (same CKA_ID), plus the CA certificate. Each test file uses its own label.
import { execFileSync } from 'node:child_process'
import { webcrypto } from 'node:crypto'
import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'

import type { NameSpec } from '../../src/pki/certificates'
import { issueLeaf, type TestCa, type TestLeaf, tmpDir } from './testPki'

export const SOFTHSM_MODULE = '/usr/lib/softhsm/libsofthsm2.so'
const require = createRequire(import.meta.url)

export interface TokenKeySpec {
  label: string
  /** CKA_ID, hex. */
  id: string
  type: 'RSA' | 'EC'
  subject: NameSpec
}

export interface SoftToken {
  /** A temp directory for the file's own files (PIN file …). */
  dir: string
  label: string
  pin: string
  /** Issued certificates by key label. */
  certificates: Record<string, TestLeaf>
  /** Whether reading the private key's secret part was refused by the token (CKR_ATTRIBUTE_SENSITIVE). */
  keysSensitive: boolean
}

const b64url = (b: Buffer) => b.toString('base64url')

export async function provisionSoftToken(ca: TestCa, keys: TokenKeySpec[], label: string, pin = '123456'): Promise<SoftToken> {
  // SOFTHSM2_CONF is set by test/helpers/globalSetup.mjs before the workers start (the native library reads
  // the real environment, which a test file cannot change): the run's own token directory.
  const conf = process.env.SOFTHSM2_CONF
  if (!conf || !fs.readFileSync(conf, 'utf8').includes('hoso-softhsm-')) throw new Error('SOFTHSM2_CONF is not the test run\'s (see test/helpers/globalSetup.mjs)')
  const dir = tmpDir('softhsm-files')
  execFileSync('softhsm2-util', ['--init-token', '--free', '--label', label, '--so-pin', '87654321', '--pin', pin], { stdio: 'pipe' })

  const p = require('pkcs11js') as typeof import('pkcs11js')
  const p11 = new p.PKCS11()
  p11.load(SOFTHSM_MODULE)
  p11.C_Initialize()
  const certificates: Record<string, TestLeaf> = {}
  let keysSensitive = true
  try {
    const slot = p11.C_GetSlotList(true).find((s) => p11.C_GetTokenInfo(s).label.trim() === label)!
    const session = p11.C_OpenSession(slot, p.CKF_SERIAL_SESSION | p.CKF_RW_SESSION)
    p11.C_Login(session, p.CKU_USER, pin)
    for (const spec of keys) {
      const id = Buffer.from(spec.id, 'hex')
      const common = [
        { type: p.CKA_TOKEN, value: true },
        { type: p.CKA_LABEL, value: spec.label },
        { type: p.CKA_ID, value: id },
      ]
      let publicKey: CryptoKey
      let secretAttr: number
      let pair: { publicKey: Buffer; privateKey: Buffer }
      const privateTemplate = [
        ...common,
        { type: p.CKA_CLASS, value: p.CKO_PRIVATE_KEY },
        { type: p.CKA_PRIVATE, value: true },
        { type: p.CKA_SIGN, value: true },
        { type: p.CKA_SENSITIVE, value: true },
        { type: p.CKA_EXTRACTABLE, value: false },
      ]
      if (spec.type === 'RSA') {
        pair = p11.C_GenerateKeyPair(
          session,
          { mechanism: p.CKM_RSA_PKCS_KEY_PAIR_GEN },
          [
            ...common,
            { type: p.CKA_CLASS, value: p.CKO_PUBLIC_KEY },
            { type: p.CKA_VERIFY, value: true },
            { type: p.CKA_MODULUS_BITS, value: 2048 },
            { type: p.CKA_PUBLIC_EXPONENT, value: Buffer.from([1, 0, 1]) },
          ],
          privateTemplate,
        )
        const [n, e] = p11.C_GetAttributeValue(session, pair.publicKey, [{ type: p.CKA_MODULUS }, { type: p.CKA_PUBLIC_EXPONENT }])
        publicKey = await webcrypto.subtle.importKey('jwk', { kty: 'RSA', n: b64url(n!.value as Buffer), e: b64url(e!.value as Buffer) }, { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, true, ['verify'])
        secretAttr = p.CKA_PRIVATE_EXPONENT
      } else {
        const p256 = Buffer.from('06082a8648ce3d030107', 'hex')
        pair = p11.C_GenerateKeyPair(
          session,
          { mechanism: p.CKM_EC_KEY_PAIR_GEN },
          [...common, { type: p.CKA_CLASS, value: p.CKO_PUBLIC_KEY }, { type: p.CKA_VERIFY, value: true }, { type: p.CKA_EC_PARAMS, value: p256 }],
          privateTemplate,
        )
        const [point] = p11.C_GetAttributeValue(session, pair.publicKey, [{ type: p.CKA_EC_POINT }])
        const der = point!.value as Buffer // OCTET STRING { 04 || x || y }
        const q = der[0] === 0x04 && der[1] === der.length - 2 ? der.subarray(2) : der
        publicKey = await webcrypto.subtle.importKey('jwk', { kty: 'EC', crv: 'P-256', x: b64url(q.subarray(1, 33)), y: b64url(q.subarray(33, 65)) }, { name: 'ECDSA', namedCurve: 'P-256' }, true, ['verify'])
        secretAttr = p.CKA_VALUE
      }
      try {
        p11.C_GetAttributeValue(session, pair.privateKey, [{ type: secretAttr }])
        keysSensitive = false
      } catch (err) {
        if (!/CKR_ATTRIBUTE_SENSITIVE/.test(String((err as Error).message))) keysSensitive = false
      }
      const leaf = await issueLeaf(ca, spec.subject, { publicKey })
      storeCertificate(p, p11, session, spec.label, id, leaf.der, leaf.cert.subject.toSchema().toBER(false))
      certificates[spec.label] = leaf
    }
    storeCertificate(p, p11, session, 'root', Buffer.from('ca', 'hex'), ca.der, ca.cert.subject.toSchema().toBER(false))
    p11.C_Logout(session)
    p11.C_CloseSession(session)
  } finally {
    p11.C_Finalize()
    p11.close()
  }
  return { dir, label, pin, certificates, keysSensitive }
}

function storeCertificate(
  p: typeof import('pkcs11js'),
  p11: InstanceType<typeof import('pkcs11js').PKCS11>,
  session: Buffer,
  label: string,
  id: Buffer,
  der: Uint8Array,
  subject: ArrayBuffer,
): void {
  p11.C_CreateObject(session, [
    { type: p.CKA_CLASS, value: p.CKO_CERTIFICATE },
    { type: p.CKA_CERTIFICATE_TYPE, value: p.CKC_X_509 },
    { type: p.CKA_TOKEN, value: true },
    { type: p.CKA_LABEL, value: label },
    { type: p.CKA_ID, value: id },
    { type: p.CKA_SUBJECT, value: Buffer.from(subject) },
    { type: p.CKA_VALUE, value: Buffer.from(der) },
  ])
}

/** Whether the library is currently initialised in this process (a fresh C_Initialize says so). */
export function softHsmInitialised(): boolean {
  const p = require('pkcs11js') as typeof import('pkcs11js')
  const p11 = new p.PKCS11()
  p11.load(SOFTHSM_MODULE)
  try {
    p11.C_Initialize()
  } catch (err) {
    if (/CKR_CRYPTOKI_ALREADY_INITIALIZED/.test(String((err as Error).message))) return true
    throw err
  }
  p11.C_Finalize()
  p11.close()
  return false
}
