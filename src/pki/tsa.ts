// An RFC 3161 timestamp authority in-process (Luật Giao dịch điện tử 2023 Điều 31: a timestamp is a
// digital signature over the national time; RFC 3161 is how PDF signatures carry it). For the demo and
// tests; production points @libpdf/core's HttpTimestampAuthority at a licensed TSA.
import { randomBytes } from 'node:crypto'
import http from 'node:http'
import type { AddressInfo } from 'node:net'

import type { DigestAlgorithm, TimestampAuthority } from '@libpdf/core'
import * as asn1js from 'asn1js'
import * as pkijs from 'pkijs'

import { namedBitString } from './certificates'
import { OID_CT_TSTINFO, OID_MESSAGE_DIGEST, OID_SIGNED_DATA, OID_SIGNING_CERTIFICATE_V2 } from './cmsOids'
import { digest, fromDer, hashNameFromWebCrypto, hashNameOf, hashOidOf, parseCertificate, toArrayBuffer, type HashName } from './der'
import { readP12 } from './p12'

const OID_CONTENT_TYPE = '1.2.840.113549.1.9.3'

/**
 * The demo TSA policy: OpenSSL's example `tsa_policy1` (1.2.3.4.1), the usual placeholder of test TSAs.
 * (A 2.25.<UUID> arc would be unique, but asn1js 3 cannot decode arcs above 2^53.) A real TSA publishes
 * its own policy OID.
 */
export const DEMO_TSA_POLICY = '1.2.3.4.1'

/** RFC 3161 PKIFailureInfo bit numbers. */
export const TsaFailure = {
  badAlg: 0,
  badRequest: 2,
  badDataFormat: 5,
  timeNotAvailable: 14,
  unacceptedPolicy: 15,
  unacceptedExtension: 16,
  systemFailure: 25,
} as const

/** Hash algorithms accepted in requests: the SHA-2 family (TT 15/2025/TT-BKHCN: no SHA-1). */
const ACCEPTED_HASHES: HashName[] = ['sha256', 'sha384', 'sha512']

export interface TimestampRequest {
  hashAlgorithm: HashName
  hashedMessage: Uint8Array
  nonce?: asn1js.Integer
  certReq: boolean
}

export class TimestampRejection extends Error {
  constructor(
    readonly failure: number,
    message: string,
  ) {
    super(message)
    this.name = 'TimestampRejection'
  }
}

export interface LocalTimestampAuthorityOptions {
  privateKey: CryptoKey
  keyType: 'RSA' | 'EC'
  /** DER of the TSA certificate (extended key usage timeStamping, critical). */
  certificate: Uint8Array
  /** DER of the issuing CA and root: sent with the TSA certificate so verifiers can build the chain. */
  chain?: Uint8Array[]
  policy?: string
  /** Accuracy claimed in the token. */
  accuracySeconds?: number
  /** The clock; tests can move it. */
  now?: () => Date
}

export class LocalTimestampAuthority implements TimestampAuthority {
  readonly certificate: Uint8Array
  readonly chain: Uint8Array[]
  readonly policy: string
  private readonly cert: pkijs.Certificate
  private readonly options: LocalTimestampAuthorityOptions

  constructor(options: LocalTimestampAuthorityOptions) {
    this.options = options
    this.certificate = options.certificate
    this.chain = options.chain ?? []
    this.policy = options.policy ?? DEMO_TSA_POLICY
    this.cert = parseCertificate(options.certificate)
  }

  static async fromP12(bytes: Uint8Array, password: string, options: Partial<LocalTimestampAuthorityOptions> = {}): Promise<LocalTimestampAuthority> {
    const p12 = await readP12(bytes, password)
    return new LocalTimestampAuthority({ ...options, privateKey: p12.privateKey, keyType: p12.keyType, certificate: p12.certificate, chain: p12.chain })
  }

  /** @libpdf/core's TimestampAuthority: a token over `digest`, with the TSA certificate chain. */
  async timestamp(hashed: Uint8Array, algorithm: DigestAlgorithm): Promise<Uint8Array> {
    const hashAlgorithm = hashNameFromWebCrypto(algorithm)
    if (!hashAlgorithm) throw new TimestampRejection(TsaFailure.badAlg, `unsupported digest algorithm ${algorithm}`)
    return this.issueToken({ hashAlgorithm, hashedMessage: hashed, certReq: true })
  }

  /** Answers a DER TimeStampReq with a DER TimeStampResp (granted, or rejection with a failInfo). */
  async respond(requestDer: Uint8Array): Promise<Uint8Array> {
    try {
      const token = await this.issueToken(this.parseRequest(requestDer))
      const resp = new pkijs.TimeStampResp({
        status: new pkijs.PKIStatusInfo({ status: pkijs.PKIStatus.granted }),
        timeStampToken: new pkijs.ContentInfo({ schema: fromDer(token) }),
      })
      return new Uint8Array(resp.toSchema().toBER(false))
    } catch (error) {
      const failure = error instanceof TimestampRejection ? error.failure : TsaFailure.systemFailure
      const text = error instanceof TimestampRejection ? error.message : 'internal error'
      const resp = new pkijs.TimeStampResp({
        status: new pkijs.PKIStatusInfo({
          status: pkijs.PKIStatus.rejection,
          statusStrings: [new asn1js.Utf8String({ value: text })],
          failInfo: namedBitString([failure]),
        }),
      })
      return new Uint8Array(resp.toSchema().toBER(false))
    }
  }

  parseRequest(requestDer: Uint8Array): TimestampRequest {
    let req: pkijs.TimeStampReq
    try {
      req = new pkijs.TimeStampReq({ schema: fromDer(requestDer) })
    } catch {
      throw new TimestampRejection(TsaFailure.badDataFormat, 'not a TimeStampReq')
    }
    if (req.version !== 1) throw new TimestampRejection(TsaFailure.badRequest, `unsupported version ${req.version}`)
    const hashAlgorithm = hashNameOf(req.messageImprint.hashAlgorithm.algorithmId)
    if (!hashAlgorithm || !ACCEPTED_HASHES.includes(hashAlgorithm)) {
      throw new TimestampRejection(TsaFailure.badAlg, `unsupported hash algorithm ${req.messageImprint.hashAlgorithm.algorithmId}`)
    }
    const hashedMessage = new Uint8Array(req.messageImprint.hashedMessage.valueBlock.valueHexView)
    if (hashedMessage.length !== digest(hashAlgorithm, new Uint8Array()).length) {
      throw new TimestampRejection(TsaFailure.badDataFormat, 'message imprint length does not match its algorithm')
    }
    if (req.reqPolicy && req.reqPolicy !== this.policy) throw new TimestampRejection(TsaFailure.unacceptedPolicy, `policy ${req.reqPolicy} not offered`)
    if (req.extensions && req.extensions.length > 0) throw new TimestampRejection(TsaFailure.unacceptedExtension, 'extensions not supported')
    return { hashAlgorithm, hashedMessage, certReq: req.certReq ?? false, ...(req.nonce ? { nonce: req.nonce } : {}) }
  }

  /** A DER TimeStampToken (ContentInfo with SignedData over a TSTInfo). */
  async issueToken(request: TimestampRequest): Promise<Uint8Array> {
    // Whole seconds, with the accuracy stated separately (RFC 3161 §2.4.2).
    const genTime = new Date(Math.floor((this.options.now?.() ?? new Date()).getTime() / 1000) * 1000)
    const serial = randomBytes(16)
    serial[0] = serial[0]! & 0x7f
    const tstInfo = new pkijs.TSTInfo({
      version: 1,
      policy: this.policy,
      messageImprint: new pkijs.MessageImprint({
        hashAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: hashOidOf(request.hashAlgorithm) }),
        hashedMessage: new asn1js.OctetString({ valueHex: toArrayBuffer(request.hashedMessage) }),
      }),
      serialNumber: new asn1js.Integer({ valueHex: toArrayBuffer(new Uint8Array(serial)) }),
      genTime,
      accuracy: new pkijs.Accuracy({ seconds: this.options.accuracySeconds ?? 1 }),
      ...(request.nonce ? { nonce: request.nonce } : {}),
    })
    const tstDer = new Uint8Array(tstInfo.toSchema().toBER(false))

    const encapContentInfo = new pkijs.EncapsulatedContentInfo({ eContentType: OID_CT_TSTINFO })
    // Assigned after construction: the constructor would re-encode it as a constructed (BER) OCTET STRING,
    // which is not DER and which pkijs's own verify cannot read back.
    encapContentInfo.eContent = new asn1js.OctetString({ valueHex: toArrayBuffer(tstDer) })
    const signedData = new pkijs.SignedData({
      version: 3,
      encapContentInfo,
      signerInfos: [
        new pkijs.SignerInfo({
          version: 1,
          sid: new pkijs.IssuerAndSerialNumber({ issuer: this.cert.issuer, serialNumber: this.cert.serialNumber }),
          signedAttrs: new pkijs.SignedAndUnsignedAttributes({
            type: 0,
            attributes: [
              new pkijs.Attribute({ type: OID_CONTENT_TYPE, values: [new asn1js.ObjectIdentifier({ value: OID_CT_TSTINFO })] }),
              new pkijs.Attribute({ type: OID_MESSAGE_DIGEST, values: [new asn1js.OctetString({ valueHex: toArrayBuffer(digest('sha256', tstDer)) })] }),
              new pkijs.Attribute({ type: OID_SIGNING_CERTIFICATE_V2, values: [signingCertificateV2(this.cert, this.certificate)] }),
            ],
          }),
        }),
      ],
      // certReq: the TSA certificate first (the one ESSCertIDv2 names), then its chain.
      ...(request.certReq
        ? { certificates: [this.cert, ...this.chain.map((c) => parseCertificate(c))] }
        : {}),
    })
    await signedData.sign(this.options.privateKey, 0, 'SHA-256')
    const contentInfo = new pkijs.ContentInfo({ contentType: OID_SIGNED_DATA, content: signedData.toSchema(true) })
    return new Uint8Array(contentInfo.toSchema().toBER(false))
  }
}

/** SigningCertificateV2 (RFC 5035) naming one certificate by its SHA-256 and issuer/serial. */
export function signingCertificateV2(cert: pkijs.Certificate, certDer: Uint8Array): asn1js.Sequence {
  const issuerSerial = new asn1js.Sequence({
    value: [new pkijs.GeneralNames({ names: [new pkijs.GeneralName({ type: 4, value: cert.issuer })] }).toSchema(), cert.serialNumber],
  })
  const essCertIdV2 = new asn1js.Sequence({
    // hashAlgorithm omitted: DEFAULT id-sha256.
    value: [new asn1js.OctetString({ valueHex: toArrayBuffer(digest('sha256', certDer)) }), issuerSerial],
  })
  return new asn1js.Sequence({ value: [new asn1js.Sequence({ value: [essCertIdV2] })] })
}

export interface TimestampServer {
  /** POST application/timestamp-query here. */
  url: string
  close(): Promise<void>
}

const MAX_REQUEST_BYTES = 16 * 1024

/** Serves `authority` over HTTP (RFC 3161 §3.4): POST application/timestamp-query → application/timestamp-reply. */
export async function startTimestampServer(
  authority: LocalTimestampAuthority,
  options: { host?: string; port?: number } = {},
): Promise<TimestampServer> {
  const server = http.createServer((req, res) => {
    if (req.method !== 'POST') {
      res.writeHead(405, { allow: 'POST', 'content-type': 'text/plain; charset=utf-8' }).end('POST application/timestamp-query\n')
      return
    }
    const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase()
    if (type !== 'application/timestamp-query') {
      res.writeHead(415, { 'content-type': 'text/plain; charset=utf-8' }).end('expected application/timestamp-query\n')
      return
    }
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > MAX_REQUEST_BYTES) {
        res.writeHead(413).end()
        req.destroy()
        return
      }
      chunks.push(chunk)
    })
    req.on('end', () => {
      if (res.headersSent) return
      authority
        .respond(new Uint8Array(Buffer.concat(chunks)))
        .then((reply) => {
          res.writeHead(200, { 'content-type': 'application/timestamp-reply', 'content-length': reply.length }).end(Buffer.from(reply))
        })
        .catch(() => {
          if (!res.headersSent) res.writeHead(500).end()
        })
    })
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve())
  })
  const address = server.address() as AddressInfo
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address
  return {
    url: `http://${host}:${address.port}/tsa`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
