// Two PAdES signatures (the competent person, then the agency seal) with RFC 3161 timestamps from our
// TSA over HTTP, then validation data and a document timestamp (B-LTA), checked by our verifier and by
// poppler's pdfsig; then what a forger or a careless editor would do to the file.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { HttpTimestampAuthority, P12Signer, PDF } from '@libpdf/core'
import { PDFDocument, StandardFonts } from 'pdf-lib'

import { buildName, issueCertificate, KeyUsage } from '../../src/pki/certificates'
import { toPem } from '../../src/pki/der'
import { createDemoPki, type DemoPki } from '../../src/pki/demoPki'
import { CrlRevocationProvider } from '../../src/pki/revocation'
import { LocalTimestampAuthority, startTimestampServer, type TimestampServer } from '../../src/pki/tsa'
import { PdfVerificationInputError, verifyPdf } from '../../src/signing/verify'
import { pdfsig, pdfsigAvailable } from '../helpers/pdfsig'
import { servePki } from '../helpers/pkiServer'

let tmp: string
let pki: DemoPki
let tsaServer: TimestampServer
let pkiServer: Awaited<ReturnType<typeof servePki>>
let unsigned: Uint8Array
let bT: Uint8Array
let bLta: Uint8Array
let crls: Uint8Array[]

const runPdfsig = pdfsigAvailable() || !!process.env.CI
if (!runPdfsig) console.warn('pdfsig/certutil missing (apt-get install poppler-utils libnss3-tools): the pdfsig cross-checks are skipped')

async function sign(bytes: Uint8Array, identity: 'person' | 'seal' | 'revoked', fieldName: string): Promise<Uint8Array> {
  const pdf = await PDF.load(bytes)
  const signer = await P12Signer.create(pki.p12(identity), pki.password)
  const { bytes: out } = await pdf.sign({ signer, fieldName, level: 'B-T', timestampAuthority: new HttpTimestampAuthority(tsaServer.url) })
  return out
}

function write(name: string, bytes: Uint8Array): string {
  const file = path.join(tmp, name)
  fs.writeFileSync(file, bytes)
  return file
}

const rootPem = () => toPem(pki.rootCertificate, 'CERTIFICATE')

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'hoso-verify-'))
  const dir = path.join(tmp, 'pki')
  pkiServer = await servePki(() => dir)
  pki = (await createDemoPki({ dir, baseUrl: pkiServer.baseUrl })).pki
  crls = [pki.issuingCrl, pki.rootCrl]
  tsaServer = await startTimestampServer(await LocalTimestampAuthority.fromP12(pki.p12('tsa'), pki.password))

  const doc = await PDFDocument.create()
  doc.addPage([595, 842]).drawText('SO YEU LY LICH - 2C-BNV/2008', { x: 60, y: 780, size: 14, font: await doc.embedFont(StandardFonts.Helvetica) })
  unsigned = await doc.save()
  bT = await sign(await sign(unsigned, 'person', 'person'), 'seal', 'agency')
  const pdf = await PDF.load(bT)
  const archived = await pdf.addArchivalData({
    timestampAuthority: new HttpTimestampAuthority(tsaServer.url),
    revocationProvider: new CrlRevocationProvider({ crls }),
  })
  expect(archived.warnings).toEqual([])
  bLta = archived.bytes
})

afterAll(async () => {
  await tsaServer?.close()
  await pkiServer?.close()
  fs.rmSync(tmp, { recursive: true, force: true })
})

describe('verifyPdf on a dual-signed B-LTA document', () => {
  it('reports both signatures and the document timestamp valid, trusted and timestamped', async () => {
    const report = await verifyPdf(bLta, { trustAnchors: [pki.rootCertificate] })
    expect(report.valid).toBe(true)
    expect(report.signatures.map((s) => [s.fieldName, s.kind, s.level])).toEqual([
      ['person', 'signature', 'B-LTA'],
      ['agency', 'signature', 'B-LTA'],
      ['Timestamp_1', 'document-timestamp', null],
    ])
    const [person, agency, docTs] = report.signatures
    for (const s of [person!, agency!]) {
      expect(s).toMatchObject({ integrity: 'valid', chainTrusted: 'valid', revocation: 'good', byteRangeCoversRevision: true, modifiedAfterSigning: true, laterChanges: 'allowed', valid: true })
      expect(s.timestamp).toMatchObject({ authority: 'Hoso Demo Timestamp Authority', integrity: 'valid', trusted: 'valid' })
      expect(s.problems).toEqual([])
      expect(Math.abs(Date.parse(s.timestamp!.time) - Date.parse(s.claimedSigningTime!))).toBeLessThan(5000)
    }
    expect(person!.signer?.subject).toBe('CN=Nguyễn Văn Hùng, T=Vụ trưởng Vụ Tổ chức cán bộ, O=Bộ Nội vụ, C=VN')
    expect(person!.chain.map((c) => c.commonName)).toEqual(['Nguyễn Văn Hùng', 'Hoso Demo Issuing CA', 'Hoso Demo Root CA'])
    expect(agency!.signer?.commonName).toBe('Bộ Nội vụ')
    expect(docTs).toMatchObject({ integrity: 'valid', chainTrusted: 'valid', signer: { commonName: 'Hoso Demo Timestamp Authority' } })
  })

  it('B-T before the validation data: revocation known only from CRLs given', async () => {
    const without = await verifyPdf(bT, { trustAnchors: [pki.rootCertificate] })
    expect(without.signatures.map((s) => [s.level, s.revocation, s.valid])).toEqual([
      ['B-T', 'unknown', true],
      ['B-T', 'unknown', true],
    ])
    const withCrls = await verifyPdf(bT, { trustAnchors: [pki.rootCertificate], crls })
    expect(withCrls.signatures.map((s) => s.revocation)).toEqual(['good', 'good'])
  })

  it('pdfsig (NSS trusting only the demo root) accepts both signatures', () => {
    if (!runPdfsig) return
    const results = pdfsig(write('lta.pdf', bLta), rootPem())
    const signatures = results.filter((r) => r.signatureType === 'ETSI.CAdES.detached')
    expect(signatures.map((r) => r.fieldName)).toEqual(['person', 'agency'])
    for (const r of signatures) {
      expect(r.signatureValidation).toBe('Signature is Valid.')
      expect(r.certificateValidation).toBe('Certificate is Trusted.')
    }
    // pdfsig 22.x does not validate ETSI.RFC3161 document timestamps; our verifier does (above).
    expect(results).toHaveLength(3)
  })
})

describe('verifyPdf on altered documents', () => {
  it('one byte changed inside the signed range: integrity invalid (and pdfsig agrees)', async () => {
    const tampered = new Uint8Array(bLta)
    const at = Buffer.from(tampered).indexOf('stream') + 20 // inside the page content of revision 1
    tampered[at] = tampered[at]! ^ 0x01
    const report = await verifyPdf(tampered, { trustAnchors: [pki.rootCertificate] })
    expect(report.valid).toBe(false)
    for (const s of report.signatures) {
      expect(s.integrity).toBe('invalid')
      expect(s.valid).toBe(false)
    }
    expect(report.signatures[0]!.problems).toContain('Nội dung tài liệu đã bị thay đổi sau khi ký')
    if (!runPdfsig) return
    const results = pdfsig(write('tampered.pdf', tampered), rootPem()).filter((r) => r.signatureType === 'ETSI.CAdES.detached')
    expect(results).toHaveLength(2)
    for (const r of results) expect(r.signatureValidation).not.toBe('Signature is Valid.')
  })

  it('junk appended after the last revision: modified after signing, other changes', async () => {
    const junk = new Uint8Array(Buffer.concat([Buffer.from(bLta), Buffer.from('\n% appended by an editor\n1 0 obj (x) endobj\n')]))
    const report = await verifyPdf(junk, { trustAnchors: [pki.rootCertificate] })
    expect(report.valid).toBe(false)
    for (const s of report.signatures) expect(s).toMatchObject({ integrity: 'valid', modifiedAfterSigning: true, laterChanges: 'other', valid: false })
  })

  it('an incremental update that draws on the page: other changes for every earlier signature', async () => {
    const pdf = await PDF.load(bLta)
    pdf.getPage(0)!.drawText('ĐÃ SỬA', { x: 60, y: 700, size: 12 })
    const edited = await pdf.save({ incremental: true })
    expect(Buffer.from(edited.subarray(0, bLta.length)).equals(Buffer.from(bLta))).toBe(true)
    const report = await verifyPdf(edited, { trustAnchors: [pki.rootCertificate] })
    expect(report.valid).toBe(false)
    for (const s of report.signatures) expect(s).toMatchObject({ integrity: 'valid', modifiedAfterSigning: true, laterChanges: 'other', valid: false })
    expect(report.signatures[0]!.problemsEn.join(' ')).toMatch(/changed after signing/)
  })

  it('a root nobody configured: chain not trusted', async () => {
    const keys = (await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify'])) as CryptoKeyPair
    const strangerRoot = await issueCertificate({
      serialNumber: new Uint8Array([1]),
      subject: buildName({ commonName: 'Stranger Root CA', country: 'VN' }),
      publicKey: keys.publicKey,
      selfSignKey: keys.privateKey,
      notBefore: new Date(Date.now() - 86_400_000),
      notAfter: new Date(Date.now() + 86_400_000),
      ca: {},
      keyUsage: [KeyUsage.keyCertSign, KeyUsage.cRLSign],
    })
    const report = await verifyPdf(bLta, { trustAnchors: [strangerRoot] })
    expect(report.valid).toBe(false)
    for (const s of report.signatures) {
      expect(s.integrity).toBe('valid')
      expect(s.chainTrusted).toBe('invalid')
    }
    expect(report.signatures[0]!.problems.join(' ')).toContain('không dẫn tới tổ chức chứng thực gốc được tin cậy')
  })

  it('a signature made with a revoked certificate is reported revoked', async () => {
    const report = await verifyPdf(await sign(unsigned, 'revoked', 'revoked'), { trustAnchors: [pki.rootCertificate], crls })
    expect(report.signatures[0]).toMatchObject({ integrity: 'valid', revocation: 'revoked', valid: false })
  })

  it('refuses input that is not a signed PDF', async () => {
    await expect(verifyPdf(new Uint8Array(Buffer.from('hello')), { trustAnchors: [] })).rejects.toThrow(PdfVerificationInputError)
    await expect(verifyPdf(unsigned, { trustAnchors: [] })).rejects.toThrow('no digital signatures')
  })
})
