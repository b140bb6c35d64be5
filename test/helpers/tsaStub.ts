// A trivial RFC 3161 timestamp authority for tests only (the real one is src/pki/tsa.ts): a TSTInfo over
// the digest, in a CMS SignedData signed by a test TSA certificate (id-kp-timeStamping). No network.
import * as asn1js from 'asn1js'
import * as pkijs from 'pkijs'
import type { TimestampAuthority } from '@libpdf/core'

import { issueLeaf, type TestCa } from './testPki'

const SHA256 = '2.16.840.1.101.3.4.2.1'
const TST_INFO = '1.2.840.113549.1.9.16.1.4'

export async function tsaStub(ca: TestCa): Promise<TimestampAuthority & { calls: number }> {
  const tsa = await issueLeaf(ca, { commonName: 'hoso test TSA', country: 'VN' }, { extendedKeyUsage: ['1.3.6.1.5.5.7.3.8'] })
  const cert = tsa.cert
  const stub = {
    calls: 0,
    async timestamp(digest: Uint8Array): Promise<Uint8Array> {
      stub.calls++
      const tstInfo = new pkijs.TSTInfo({
        version: 1,
        policy: '1.3.6.1.4.1.99999.1',
        messageImprint: new pkijs.MessageImprint({
          hashAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: SHA256 }),
          hashedMessage: new asn1js.OctetString({ valueHex: new Uint8Array(digest) }),
        }),
        serialNumber: new asn1js.Integer({ value: stub.calls }),
        genTime: new Date(),
      })
      const signedData = new pkijs.SignedData({
        version: 3,
        encapContentInfo: new pkijs.EncapsulatedContentInfo({
          eContentType: TST_INFO,
          eContent: new asn1js.OctetString({ valueHex: tstInfo.toSchema().toBER(false) }),
        }),
        signerInfos: [new pkijs.SignerInfo({ version: 1, sid: new pkijs.IssuerAndSerialNumber({ issuer: cert.issuer, serialNumber: cert.serialNumber }) })],
        certificates: [cert],
      })
      await signedData.sign(tsa.keys!.privateKey, 0, 'SHA-256')
      const info = new pkijs.ContentInfo({ contentType: pkijs.ContentInfo.SIGNED_DATA, content: signedData.toSchema(true) })
      return new Uint8Array(info.toSchema().toBER(false))
    },
  }
  return stub
}

/** The TSTInfo message imprint of the timestamp token in a signature's CMS, and that signature's value. */
export function embeddedTimestamp(cmsDer: Uint8Array): { imprint: Uint8Array; signatureValue: Uint8Array } | null {
  const info = new pkijs.ContentInfo({ schema: asn1js.fromBER(new Uint8Array(cmsDer)).result })
  const signerInfo = new pkijs.SignedData({ schema: info.content }).signerInfos[0]!
  const attr = signerInfo.unsignedAttrs?.attributes.find((a) => a.type === '1.2.840.113549.1.9.16.2.14')
  if (!attr) return null
  const token = new pkijs.SignedData({ schema: new pkijs.ContentInfo({ schema: attr.values[0] }).content })
  const tst = pkijs.TSTInfo.fromBER(token.encapContentInfo.eContent!.getValue())
  return {
    imprint: new Uint8Array(tst.messageImprint.hashedMessage.valueBlock.valueHexView),
    signatureValue: new Uint8Array(signerInfo.signature.valueBlock.valueHexView),
  }
}

/** The CMS (/Contents) of the signature in field `fieldName`, zero padding included. */
export async function signatureContents(pdfBytes: Uint8Array, fieldName: string): Promise<Uint8Array> {
  const { PDF, PdfString } = await import('@libpdf/core')
  const pdf = await PDF.load(pdfBytes)
  const contents = pdf.getForm()?.getSignatureField(fieldName)?.getSignatureDict()?.get('Contents')
  if (!(contents instanceof PdfString)) throw new Error(`no signature in field ${fieldName}`)
  return contents.bytes
}
