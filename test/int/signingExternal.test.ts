/**
 * External signing (USB token plug-in / remote signing service): the app prepares, a device signs the hash
 * or the signed attributes, the app completes. The device is played by a WebCrypto key: an RSA key signing
 * the hash as a token does (PKCS#1 v1.5 over DigestInfo), an EC key returning r||s, and a client returning a
 * CMS SignedData. pdfsig finds the results valid and trusted; a wrong key, a changed document, a replayed
 * state that no longer reproduces the signed attributes and a CMS from another certificate are refused.
 */
import crypto, { webcrypto } from 'node:crypto'
import fs from 'node:fs'

import * as asn1js from 'asn1js'
import * as pkijs from 'pkijs'

import { demoSignatureImages } from '../../src/signing/demoImages'
import { SigningError } from '../../src/signing/errors'
import {
  completeExternalSignature,
  type ExternalSignatureState,
  ExternalSigner,
  prepareExternalSignature,
} from '../../src/signing/transports/external'
import { signatureBlockPage } from '../helpers/signingFixtures'
import { embeddedTimestamp, signatureContents, tsaStub } from '../helpers/tsaStub'
import { EC, issueLeaf, makeRootCa, nssDbTrusting, pdfsig, pdfsigVerdicts, type TestCa, type TestLeaf } from '../helpers/testPki'

let ca: TestCa
let person: TestLeaf
let agency: TestLeaf
let stranger: TestLeaf
let nss: string

beforeAll(async () => {
  ca = await makeRootCa()
  person = await issueLeaf(ca, { commonName: 'Lê Văn Cường', organization: 'Bộ Nội vụ', country: 'VN' })
  agency = await issueLeaf(ca, { commonName: 'Bộ Nội vụ', organization: 'Bộ Nội vụ', country: 'VN' }, { algorithm: EC })
  stranger = await issueLeaf(ca, { commonName: 'Người khác', country: 'VN' })
  nss = nssDbTrusting(ca)
})

afterAll(() => {
  if (nss) fs.rmSync(nss, { recursive: true, force: true })
})

/** What a token does with CKM_RSA_PKCS: PKCS#1 v1.5 padding of DigestInfo(SHA-256, hash), private-key operation. */
function tokenSignsHash(key: CryptoKey, hashB64: string): Buffer {
  const digestInfoPrefix = Buffer.from('3031300d060960864801650304020105000420', 'hex')
  const keyObject = crypto.KeyObject.from(key)
  return crypto.privateEncrypt({ key: keyObject, padding: crypto.constants.RSA_PKCS1_PADDING }, Buffer.concat([digestInfoPrefix, Buffer.from(hashB64, 'base64')]))
}

/** A client that returns CMS: a SignedData whose SignerInfo carries our signed attributes and its signature. */
async function clientCms(leaf: TestLeaf, signedAttributesB64: string): Promise<Buffer> {
  const attrsDer = Buffer.from(signedAttributesB64, 'base64')
  const signature = await webcrypto.subtle.sign('RSASSA-PKCS1-v1_5', leaf.keys!.privateKey, attrsDer)
  const set = asn1js.fromBER(new Uint8Array(attrsDer)).result as asn1js.Set
  const cert = pkijs.Certificate.fromBER(new Uint8Array(leaf.der))
  const signerInfo = new pkijs.SignerInfo({
    version: 1,
    sid: new pkijs.IssuerAndSerialNumber({ issuer: cert.issuer, serialNumber: cert.serialNumber }),
    digestAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: '2.16.840.1.101.3.4.2.1' }),
    signedAttrs: new pkijs.SignedAndUnsignedAttributes({ type: 0, attributes: set.valueBlock.value.map((a) => new pkijs.Attribute({ schema: a })) }),
    signatureAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: '1.2.840.113549.1.1.11' }),
    signature: new asn1js.OctetString({ valueHex: signature }),
  })
  const signedData = new pkijs.SignedData({
    version: 1,
    encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: '1.2.840.113549.1.7.1' }),
    digestAlgorithms: [new pkijs.AlgorithmIdentifier({ algorithmId: '2.16.840.1.101.3.4.2.1' })],
    certificates: [cert],
    signerInfos: [signerInfo],
  })
  const info = new pkijs.ContentInfo({ contentType: pkijs.ContentInfo.SIGNED_DATA, content: signedData.toSchema() })
  return Buffer.from(info.toSchema().toBER(false))
}

test('a token signs the hash for the person, a device returns r||s for the agency: both signatures valid and trusted', async () => {
  const { bytes, box } = await signatureBlockPage()
  const images = demoSignatureImages()

  const p1 = await prepareExternalSignature(bytes, {
    certificate: person.pem,
    chain: [ca.der],
    role: 'person',
    fieldName: 'ky_ca_nhan',
    reason: 'Tôi xác nhận',
    level: 'B-B',
    appearance: { page: 0, rect: box, image: images.signature },
  })
  expect(p1.digestAlgorithm).toBe('SHA-256')
  expect(Buffer.from(p1.toBeSignedHash, 'base64')).toEqual(crypto.createHash('sha256').update(Buffer.from(p1.signedAttributes, 'base64')).digest())
  // The state survives being stored as JSON between the two requests.
  const state1 = JSON.parse(JSON.stringify(p1.state)) as ExternalSignatureState
  const signed1 = await completeExternalSignature(bytes, state1, { signature: tokenSignsHash(person.keys!.privateKey, p1.toBeSignedHash).toString('base64') })

  const p2 = await prepareExternalSignature(signed1.bytes, {
    certificate: agency.der,
    role: 'agency',
    fieldName: 'ky_co_quan',
    level: 'B-B',
    appearance: { page: 0, rect: box, personImage: images.signature, image: images.seal, sealDiameterMm: images.sealDiameterMm },
  })
  const rs = new Uint8Array(await webcrypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, agency.keys!.privateKey, Buffer.from(p2.signedAttributes, 'base64')))
  expect(rs.length).toBe(64)
  const signed2 = await completeExternalSignature(signed1.bytes, p2.state, { signature: rs })

  expect(pdfsigVerdicts(pdfsig(signed2.bytes, nss))).toEqual([
    { valid: true, trusted: true, signer: 'Lê Văn Cường' },
    { valid: true, trusted: true, signer: 'Bộ Nội vụ' },
  ])
})

test('a CMS SignedData from the client is accepted when it signed our attributes with our certificate', async () => {
  const { bytes } = await signatureBlockPage()
  const prepared = await prepareExternalSignature(bytes, { certificate: person.der, role: 'person', fieldName: 'ky', level: 'B-B' })
  const signed = await completeExternalSignature(bytes, prepared.state, { cms: (await clientCms(person, prepared.signedAttributes)).toString('base64') })
  expect(pdfsigVerdicts(pdfsig(signed.bytes, nss))).toEqual([{ valid: true, trusted: true, signer: 'Lê Văn Cường' }])

  const other = await clientCms(stranger, prepared.signedAttributes)
  await expect(completeExternalSignature(bytes, prepared.state, { cms: other })).rejects.toMatchObject({ code: 'EXTERNAL_CMS' })
  await expect(completeExternalSignature(bytes, prepared.state, { cms: Buffer.from('không phải CMS') })).rejects.toMatchObject({ code: 'EXTERNAL_CMS' })
})

test('B-T: the timestamp is taken at completion, over the external signature value', async () => {
  const { bytes } = await signatureBlockPage()
  const tsa = await tsaStub(ca)
  const prepared = await prepareExternalSignature(bytes, { certificate: person.der, role: 'person', fieldName: 'ky', level: 'B-T' })
  expect(tsa.calls).toBe(0)
  const signature = tokenSignsHash(person.keys!.privateKey, prepared.toBeSignedHash)
  await expect(completeExternalSignature(bytes, prepared.state, { signature })).rejects.toMatchObject({ code: 'EXTERNAL_TSA' })
  const signed = await completeExternalSignature(bytes, prepared.state, { signature }, { timestampAuthority: tsa })
  expect(tsa.calls).toBe(1)
  expect(pdfsigVerdicts(pdfsig(signed.bytes, nss))).toEqual([{ valid: true, trusted: true, signer: 'Lê Văn Cường' }])
  const ts = embeddedTimestamp(await signatureContents(signed.bytes, 'ky'))
  expect(Buffer.from(ts!.signatureValue)).toEqual(signature)
  expect(Buffer.from(ts!.imprint)).toEqual(crypto.createHash('sha256').update(signature).digest())
})

test('a signature by another key is refused before anything is embedded', async () => {
  const { bytes } = await signatureBlockPage()
  const prepared = await prepareExternalSignature(bytes, { certificate: person.der, role: 'person', fieldName: 'ky', level: 'B-B' })
  const err = await completeExternalSignature(bytes, prepared.state, { signature: tokenSignsHash(stranger.keys!.privateKey, prepared.toBeSignedHash) }).catch((e: unknown) => e)
  expect(err).toBeInstanceOf(SigningError)
  expect((err as SigningError).code).toBe('EXTERNAL_SIGNATURE_INVALID')
  expect((err as Error).message).toContain('Chữ ký trả về không khớp với chứng thư số của Lê Văn Cường, Bộ Nội vụ')
})

test('a changed document, or a state that no longer reproduces the signed attributes, is refused', async () => {
  const { bytes } = await signatureBlockPage()
  const prepared = await prepareExternalSignature(bytes, { certificate: person.der, role: 'person', fieldName: 'ky', level: 'B-B' })
  const signature = tokenSignsHash(person.keys!.privateKey, prepared.toBeSignedHash)

  const changed = new Uint8Array(bytes)
  changed[changed.length - 10] ^= 1
  await expect(completeExternalSignature(changed, prepared.state, { signature })).rejects.toMatchObject({ code: 'EXTERNAL_DOCUMENT_CHANGED' })

  const laterTime = { ...prepared.state, signingTime: new Date(Date.parse(prepared.state.signingTime) + 60_000).toISOString() }
  await expect(completeExternalSignature(bytes, laterTime, { signature })).rejects.toMatchObject({ code: 'EXTERNAL_MISMATCH' })
})

test('the external signer of the configuration carries the certificate and refuses one-step signing', async () => {
  const signer = new ExternalSigner(person.pem, [ca.pem])
  expect(signer).toMatchObject({ transport: 'external', keyType: 'RSA', label: 'Lê Văn Cường, Bộ Nội vụ' })
  expect(signer.certificateChain).toHaveLength(1)
  await expect(signer.sign()).rejects.toMatchObject({ code: 'EXTERNAL_TWO_PHASE' })
})
