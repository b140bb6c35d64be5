// One signature check for CMS signer infos, OCSP responses and the like, with Node's crypto: RSA
// PKCS#1 v1.5, RSA-PSS and ECDSA. (pkijs's own verification goes through whichever crypto engine
// instance is installed, which differs between module loaders.)
import { constants, createPublicKey, verify } from 'node:crypto'

import type * as pkijs from 'pkijs'
import { RSASSAPSSParams } from 'pkijs'

import { hashNameOf, type HashName } from './der'

const IMPLIED_HASH: Record<string, HashName> = {
  '1.2.840.113549.1.1.5': 'sha1',
  '1.2.840.113549.1.1.11': 'sha256',
  '1.2.840.113549.1.1.12': 'sha384',
  '1.2.840.113549.1.1.13': 'sha512',
  '1.2.840.10045.4.3.2': 'sha256',
  '1.2.840.10045.4.3.3': 'sha384',
  '1.2.840.10045.4.3.4': 'sha512',
}
const RSA_ENCRYPTION = '1.2.840.113549.1.1.1'
const RSA_PSS = '1.2.840.113549.1.1.10'
const EC_PUBLIC_KEY = '1.2.840.10045.2.1'

/**
 * Whether `signature` over `data` verifies with the public key. `hash` is used when the algorithm
 * identifier does not name one (rsaEncryption in a CMS signer info names its hash separately).
 */
export function verifySignature(
  publicKeyInfo: pkijs.PublicKeyInfo,
  algorithm: pkijs.AlgorithmIdentifier,
  data: Uint8Array,
  signature: Uint8Array,
  hash?: HashName,
): boolean {
  try {
    const key = createPublicKey({ key: Buffer.from(publicKeyInfo.toSchema().toBER(false)), format: 'der', type: 'spki' })
    const sig = Buffer.from(signature)
    const id = algorithm.algorithmId
    if (id === RSA_PSS) {
      const params = new RSASSAPSSParams({ schema: algorithm.algorithmParams })
      const pssHash = hashNameOf(params.hashAlgorithm.algorithmId) ?? 'sha1'
      return verify(pssHash, data, { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: params.saltLength }, sig)
    }
    const digest = IMPLIED_HASH[id] ?? (id === RSA_ENCRYPTION || id === EC_PUBLIC_KEY ? hash : undefined)
    if (!digest) return false
    const ec = id.startsWith('1.2.840.10045.')
    return verify(digest, data, ec ? { key, dsaEncoding: 'der' } : key, sig)
  } catch {
    return false
  }
}
