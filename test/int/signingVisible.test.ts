/**
 * Visible PAdES signatures (NĐ 30/2020 Phụ lục I) with PKCS#12 key custody: the person signs, then the
 * agency; poppler's pdfsig finds both signatures valid and trusted (test root in an NSS database), the
 * widgets sit on the page with their appearances, the time line reads in Vietnamese, and page 1 is
 * rendered for looking at (test/e2e/artifacts/signing-dual.png).
 */
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

import { PDF, PdfArray, PdfDict, PdfNumber, PdfRef } from '@libpdf/core'

import { formatVietnamTime } from '../../src/domain/signing/time'
import { demoSignatureImages } from '../../src/signing/demoImages'
import { SigningError } from '../../src/signing/errors'
import { signPdf } from '../../src/signing/signPdf'
import { P12FileSigner } from '../../src/signing/transports/p12'
import { pdfText, renderFirstPage } from '../helpers/pdf'
import { signatureBlockPage } from '../helpers/signingFixtures'
import { EC, issueLeaf, makeRootCa, nssDbTrusting, pdfsig, pdfsigVerdicts, type TestCa, tmpDir, writeP12 } from '../helpers/testPki'
import { embeddedTimestamp, signatureContents, tsaStub } from '../helpers/tsaStub'

const PASSWORD = 'mật-khẩu thử nghiệm 2026'
const dir = tmpDir('signing-visible')
let nss: string
let person: P12FileSigner
let agency: P12FileSigner
let personP12: string
let ca: TestCa

beforeAll(async () => {
  ca = await makeRootCa()
  const personLeaf = await issueLeaf(ca, { commonName: 'Nguyễn Văn An', organization: 'Bộ Nội vụ', country: 'VN' })
  const agencyLeaf = await issueLeaf(ca, { commonName: 'Bộ Nội vụ', organization: 'Bộ Nội vụ', country: 'VN' }, { algorithm: EC })
  personP12 = await writeP12(dir, 'person', personLeaf, ca, PASSWORD)
  const sealP12 = await writeP12(dir, 'seal', agencyLeaf, ca, PASSWORD)
  fs.writeFileSync(path.join(dir, 'p12.pass'), `${PASSWORD}\n`, { mode: 0o600 })
  person = await P12FileSigner.open({ path: personP12, password: { file: path.join(dir, 'p12.pass') } })
  agency = await P12FileSigner.open({ path: sealP12, password: { envName: 'SEAL_PASS' }, env: { SEAL_PASS: PASSWORD } })
  nss = nssDbTrusting(ca)
})

afterAll(async () => {
  await person?.close()
  await agency?.close()
  fs.rmSync(dir, { recursive: true, force: true })
  if (nss) fs.rmSync(nss, { recursive: true, force: true })
})

function widgets(pdf: PDF): { rect: number[]; hasAppearance: boolean; flags: number }[] {
  const page = pdf.getPage(0)!
  const resolve = (r: PdfRef) => pdf.getObject(r)
  const annots = page.dict.getArray('Annots', resolve as never)
  return [...(annots ?? [])].map((ref) => {
    const d = (ref instanceof PdfRef ? pdf.getObject(ref) : ref) as PdfDict
    const rect = [...(d.getArray('Rect') ?? new PdfArray([]))].map((v) => (v as PdfNumber).value)
    return { rect, hasAppearance: d.getDict('AP', resolve as never)?.get('N') instanceof PdfRef, flags: d.getNumber('F')?.value ?? 0 }
  })
}

test('person then agency: two visible signatures, both valid and trusted; the page is rendered', async () => {
  const { bytes, box } = await signatureBlockPage()
  const images = demoSignatureImages()
  const signingTime = new Date()

  expect(person.transport).toBe('p12')
  expect(person.label).toBe('Nguyễn Văn An, Bộ Nội vụ')

  const first = await signPdf(bytes, {
    signer: person,
    role: 'person',
    fieldName: 'ky_ca_nhan',
    reason: 'Tôi xác nhận sơ yếu lý lịch',
    location: 'Hà Nội',
    signingTime,
    level: 'B-B',
    appearance: { page: 0, rect: box, image: images.signature },
  })
  const second = await signPdf(first.bytes, {
    signer: agency,
    role: 'agency',
    fieldName: 'ky_co_quan',
    reason: 'Xác nhận của cơ quan',
    location: 'Hà Nội',
    signingTime,
    level: 'B-B',
    appearance: { page: 0, rect: box, personImage: images.signature, image: images.seal, sealDiameterMm: images.sealDiameterMm },
  })
  // The first revision is kept byte for byte (incremental update).
  expect(Buffer.from(second.bytes.subarray(0, first.bytes.length)).equals(Buffer.from(first.bytes))).toBe(true)

  const report = pdfsig(second.bytes, nss)
  const verdicts = pdfsigVerdicts(report)
  expect(verdicts).toHaveLength(2)
  for (const v of verdicts) expect(v).toMatchObject({ valid: true, trusted: true })
  expect(verdicts.map((v) => v.signer)).toEqual(['Nguyễn Văn An', 'Bộ Nội vụ'])

  const pdf = await PDF.load(second.bytes)
  const w = widgets(pdf)
  expect(w).toHaveLength(2)
  for (const x of w) {
    expect(x.hasAppearance).toBe(true)
    expect(x.flags & 4).toBe(4)
    expect(x.rect[2]! - x.rect[0]!).toBeGreaterThan(50)
  }
  // The person's widget is the signature box; the seal's is 36 mm wide (102 pt) with the time line below.
  expect(w[0]!.rect).toEqual([box.x, box.y, box.x + box.width, box.y + box.height])
  expect(w[1]!.rect[3]! - w[1]!.rect[1]!).toBeGreaterThan(102)

  expect(pdfText(second.bytes)).toContain(`Thời gian ký: ${formatVietnamTime(signingTime)}`)
  const png = renderFirstPage(second.bytes, 'signing-dual')
  expect(fs.statSync(png).size).toBeGreaterThan(10_000)
})

test('B-T: the visible signatures carry a timestamp over their signature value and stay valid', async () => {
  const { bytes, box } = await signatureBlockPage()
  const images = demoSignatureImages()
  const tsa = await tsaStub(ca)
  const first = await signPdf(bytes, { signer: person, role: 'person', fieldName: 'ky_ca_nhan', level: 'B-T', timestampAuthority: tsa, appearance: { page: 0, rect: box, image: images.signature } })
  const second = await signPdf(first.bytes, {
    signer: agency,
    role: 'agency',
    fieldName: 'ky_co_quan',
    level: 'B-T',
    timestampAuthority: tsa,
    appearance: { page: 0, rect: box, personImage: images.signature, image: images.seal, sealDiameterMm: images.sealDiameterMm },
  })
  expect(tsa.calls).toBe(2)
  expect(pdfsigVerdicts(pdfsig(second.bytes, nss)).map((v) => v.valid && v.trusted)).toEqual([true, true])
  for (const field of ['ky_ca_nhan', 'ky_co_quan']) {
    const ts = embeddedTimestamp(await signatureContents(second.bytes, field))
    expect(ts).not.toBeNull()
    expect(Buffer.from(ts!.imprint)).toEqual(crypto.createHash('sha256').update(ts!.signatureValue).digest())
  }
})

test('an invisible signature when no appearance is given', async () => {
  const { bytes } = await signatureBlockPage()
  const { bytes: signed } = await signPdf(bytes, { signer: person, role: 'person', fieldName: 'ky', level: 'B-B' })
  expect(pdfsigVerdicts(pdfsig(signed, nss))).toEqual([expect.objectContaining({ valid: true, trusted: true })])
  expect(widgets(await PDF.load(signed))).toHaveLength(0)
})

test('a wrong PKCS#12 password is refused with a clear message that does not repeat it', async () => {
  const err = await P12FileSigner.open({ path: personP12, password: { value: 'sai-mat-khau' } }).catch((e: unknown) => e)
  expect(err).toBeInstanceOf(SigningError)
  expect((err as SigningError).code).toBe('P12_PASSWORD')
  expect((err as SigningError).message).toMatch(/Sai mật khẩu.*Wrong password/)
  expect((err as SigningError).message).not.toContain('sai-mat-khau')
})

test('a missing PKCS#12 file or password variable is named in the error', async () => {
  await expect(P12FileSigner.open({ path: path.join(dir, 'none.p12'), password: { value: 'x' } })).rejects.toThrow(/Không đọc được tệp chứng thư số PKCS#12: .*none\.p12/)
  await expect(P12FileSigner.open({ path: personP12, password: { envName: 'NO_SUCH_VAR' }, env: {} })).rejects.toThrow(/NO_SUCH_VAR/)
})
