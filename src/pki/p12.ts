// PKCS#12 (.p12/.pfx) files written and read with pkijs, without the openssl CLI (a user's machine may
// lack it). The layout is the one OpenSSL 3 writes by default, which @libpdf/core's P12Signer, Node's
// TLS (OpenSSL) and NSS all read: the key in a PKCS8ShroudedKeyBag and the certificates in an
// EncryptedData, both PBES2 (PBKDF2-HMAC-SHA256 + AES-256-CBC), and a password MAC with HMAC-SHA256.
import { webcrypto } from 'node:crypto'

import * as asn1js from 'asn1js'
import * as pkijs from 'pkijs'

import { digestHex, fromDer, toArrayBuffer } from './der'

const OID_KEY_BAG = '1.2.840.113549.1.12.10.1.1'
const OID_SHROUDED_KEY_BAG = '1.2.840.113549.1.12.10.1.2'
const OID_CERT_BAG = '1.2.840.113549.1.12.10.1.3'
const OID_FRIENDLY_NAME = '1.2.840.113549.1.9.20'
const OID_LOCAL_KEY_ID = '1.2.840.113549.1.9.21'
const OID_RSA = '1.2.840.113549.1.1.1'
const OID_EC = '1.2.840.10045.2.1'
const OID_P256 = '1.2.840.10045.3.1.7'

/** OpenSSL 3's default iteration count for both PBKDF2 and the MAC. */
const ITERATIONS = 2048

export interface P12Contents {
  /** Imported for signing only (not extractable). */
  privateKey: CryptoKey
  keyType: 'RSA' | 'EC'
  /** DER of the certificate that matches the key. */
  certificate: Uint8Array
  /** DER of the other certificates in the file (issuing CA, root), issuer order. */
  chain: Uint8Array[]
}

/** Builds a password-protected PKCS#12 holding one key, its certificate and the chain above it. */
export async function buildP12(options: {
  privateKey: CryptoKey
  certificate: Uint8Array
  chain?: Uint8Array[]
  password: string
  friendlyName?: string
}): Promise<Uint8Array> {
  const password = toArrayBuffer(new TextEncoder().encode(options.password))
  const pkcs8 = new Uint8Array(await webcrypto.subtle.exportKey('pkcs8', options.privateKey))
  const localKeyId = Buffer.from(digestHex('sha1', options.certificate), 'hex')
  const attributes = (withName: boolean): pkijs.Attribute[] => [
    ...(withName && options.friendlyName
      ? [new pkijs.Attribute({ type: OID_FRIENDLY_NAME, values: [new asn1js.BmpString({ value: options.friendlyName })] })]
      : []),
    new pkijs.Attribute({ type: OID_LOCAL_KEY_ID, values: [new asn1js.OctetString({ valueHex: toArrayBuffer(localKeyId) })] }),
  ]

  const keyBag = new pkijs.SafeBag({
    bagId: OID_SHROUDED_KEY_BAG,
    bagValue: new pkijs.PKCS8ShroudedKeyBag({ parsedValue: new pkijs.PrivateKeyInfo({ schema: fromDer(pkcs8) }) }),
    bagAttributes: attributes(true),
  })
  const certBag = (der: Uint8Array, own: boolean): pkijs.SafeBag =>
    new pkijs.SafeBag({
      bagId: OID_CERT_BAG,
      bagValue: new pkijs.CertBag({ parsedValue: new pkijs.Certificate({ schema: fromDer(der) }) }),
      ...(own ? { bagAttributes: attributes(true) } : {}),
    })
  // The end-entity certificate first: P12Signer takes the first certificate as the signing one.
  const certBags = [certBag(options.certificate, true), ...(options.chain ?? []).map((c) => certBag(c, false))]

  const pbes2 = {
    password,
    // pkijs draws the IV itself.
    contentEncryptionAlgorithm: { name: 'AES-CBC', length: 256 } as unknown as pkijs.ContentEncryptionAlgorithm,
    hmacHashAlgorithm: 'SHA-256',
    iterationCount: ITERATIONS,
  }
  await (keyBag.bagValue as pkijs.PKCS8ShroudedKeyBag).makeInternalValues(pbes2)

  const authenticatedSafe = new pkijs.AuthenticatedSafe({
    parsedValue: {
      safeContents: [
        { privacyMode: 1, value: new pkijs.SafeContents({ safeBags: certBags }) },
        { privacyMode: 0, value: new pkijs.SafeContents({ safeBags: [keyBag] }) },
      ],
    },
  })
  await authenticatedSafe.makeInternalValues({ safeContents: [pbes2, {}] })

  const pfx = new pkijs.PFX({ parsedValue: { integrityMode: 0, authenticatedSafe } })
  await pfx.makeInternalValues({
    password,
    iterations: ITERATIONS,
    pbkdf2HashAlgorithm: { name: 'SHA-256' },
    hmacHashAlgorithm: 'SHA-256',
  })
  return new Uint8Array(pfx.toSchema().toBER(false))
}

/** Reads a PKCS#12 file: the private key, its certificate and the other certificates. Throws on a wrong password. */
export async function readP12(bytes: Uint8Array, password: string): Promise<P12Contents> {
  const pwd = toArrayBuffer(new TextEncoder().encode(password))
  const pfx = new pkijs.PFX({ schema: fromDer(bytes) })
  await pfx.parseInternalValues({ password: pwd, checkIntegrity: true })
  const safe = pfx.parsedValue?.authenticatedSafe
  if (!safe) throw new Error('PKCS#12: no authenticated safe')
  await safe.parseInternalValues({ safeContents: safe.safeContents.map(() => ({ password: pwd })) })

  let keyInfo: pkijs.PrivateKeyInfo | null = null
  const certificates: pkijs.Certificate[] = []
  for (const entry of safe.parsedValue?.safeContents ?? []) {
    for (const bag of entry.value.safeBags) {
      if (bag.bagId === OID_SHROUDED_KEY_BAG) {
        const shrouded = bag.bagValue as pkijs.PKCS8ShroudedKeyBag
        const decrypted = await pkijs.getCrypto(true).decryptEncryptedContentInfo({
          encryptedContentInfo: new pkijs.EncryptedContentInfo({
            contentEncryptionAlgorithm: shrouded.encryptionAlgorithm,
            encryptedContent: shrouded.encryptedData,
          }),
          password: pwd,
        })
        keyInfo = new pkijs.PrivateKeyInfo({ schema: fromDer(decrypted) })
      } else if (bag.bagId === OID_KEY_BAG) {
        keyInfo = bag.bagValue as pkijs.PrivateKeyInfo
      } else if (bag.bagId === OID_CERT_BAG) {
        const parsed = (bag.bagValue as pkijs.CertBag).parsedValue
        if (parsed instanceof pkijs.Certificate) certificates.push(parsed)
      }
    }
  }
  if (!keyInfo) throw new Error('PKCS#12: no private key')
  if (certificates.length === 0) throw new Error('PKCS#12: no certificate')

  const keyDer = keyInfo.toSchema().toBER(false)
  const keyOid = keyInfo.privateKeyAlgorithm.algorithmId
  let privateKey: CryptoKey
  let keyType: 'RSA' | 'EC'
  if (keyOid === OID_RSA) {
    keyType = 'RSA'
    privateKey = await webcrypto.subtle.importKey('pkcs8', keyDer, { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, false, ['sign'])
  } else if (keyOid === OID_EC) {
    const curve = (keyInfo.privateKeyAlgorithm.algorithmParams as asn1js.ObjectIdentifier | undefined)?.valueBlock.toString()
    if (curve !== OID_P256) throw new Error(`PKCS#12: unsupported EC curve ${curve}`)
    keyType = 'EC'
    privateKey = await webcrypto.subtle.importKey('pkcs8', keyDer, { name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign'])
  } else {
    throw new Error(`PKCS#12: unsupported key algorithm ${keyOid}`)
  }

  // The certificate whose public key matches the private key is the holder's; the rest is the chain.
  const publicFromPrivate = await publicKeyBitsOf(keyInfo)
  const own =
    certificates.find((c) => Buffer.from(c.subjectPublicKeyInfo.subjectPublicKey.valueBlock.valueHexView).equals(publicFromPrivate)) ??
    certificates[0]
  const der = (c: pkijs.Certificate) => new Uint8Array(c.toSchema().toBER(false))
  return { privateKey, keyType, certificate: der(own), chain: certificates.filter((c) => c !== own).map(der) }
}

/** The public key bits derived from a private key (RSA modulus/exponent, or the EC point when present). */
async function publicKeyBitsOf(keyInfo: pkijs.PrivateKeyInfo): Promise<Buffer> {
  const { createPrivateKey, createPublicKey } = await import('node:crypto')
  const priv = createPrivateKey({ key: Buffer.from(keyInfo.toSchema().toBER(false)), format: 'der', type: 'pkcs8' })
  const spki = createPublicKey(priv).export({ format: 'der', type: 'spki' })
  const info = new pkijs.PublicKeyInfo({ schema: fromDer(spki) })
  return Buffer.from(info.subjectPublicKey.valueBlock.valueHexView)
}
