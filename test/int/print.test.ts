/**
 * The printed forms over HTTP, as a user gets them: the sơ yếu lý lịch (2C / HS02) and the review print of
 * the demo person, for the person and for their unit's HR officer; the same access answers as reading the
 * record (401 anonymous, 404 out of scope, sensitive items hidden from a unit head); the PDF text holds
 * every item label and the person's data (poppler's pdftotext), and page 1 is rendered for looking at.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import type { Payload } from 'payload'

import { buildForm2C, buildFormHS02, type FormDocument, type PrintRecord } from '../../src/domain/forms'
import { formatDate } from '../../src/domain/dates'
import { seedDemoData, DEMO_PERSON } from '../../src/seed/seed'
import type { Staff } from '../../src/payload-types'
import { loginToken } from '../helpers/auth'
import { pdfPages, pdfText, renderFirstPage, solidPng } from '../helpers/pdf'
import { startTestPayload, stopTestPayload } from '../helpers/payload'
import { startTestServer, type TestServer } from '../helpers/server'

const PASSWORD = 'mat-khau-thu-nghiem-2026'
let payload: Payload
let server: TestServer
let person: Staff
const tokens: Record<string, string> = {}
const mediaDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hoso-media-'))

beforeAll(async () => {
  process.env.DEMO_PASSWORD = PASSWORD
  process.env.MEDIA_DIR = mediaDir
  const started = await startTestPayload()
  payload = started.payload
  await seedDemoData(payload, { staff: 40 })
  const canbo = (await payload.find({ collection: 'accounts', where: { email: { equals: 'canbo@hoso.local' } }, depth: 0 })).docs[0]!
  const personId = canbo.staff as number
  // A photo for the record, stored under MEDIA_DIR like an upload from the admin.
  const png = solidPng(120, 180, [70, 110, 160])
  const photo = await payload.create({
    collection: 'photos',
    data: { staff: personId, alt: 'Ảnh 4×6' },
    file: { data: png, mimetype: 'image/png', name: 'huong.png', size: png.length },
  })
  person = await payload.update({ collection: 'staff', id: personId, data: { photo: photo.id }, depth: 1 })
  const units = (await payload.find({ collection: 'units', limit: 0, depth: 0 })).docs
  const otherUnit = units.find((u) => u.code === 'VTCBC')!
  const ownUnit = units.find((u) => u.code === 'VCCVC')!
  await payload.create({ collection: 'accounts', data: { email: 'hr-b@test.local', password: PASSWORD, roles: ['unit-hr'], unit: otherUnit.id } })
  await payload.create({ collection: 'accounts', data: { email: 'head-a@test.local', password: PASSWORD, roles: ['unit-head'], unit: ownUnit.id } })
  server = await startTestServer({ DATABASE_URL: started.databaseUrl, MEDIA_DIR: mediaDir })
  for (const [who, email] of Object.entries({ self: 'canbo@hoso.local', hr: 'nhansu@hoso.local', hrOther: 'hr-b@test.local', head: 'head-a@test.local' })) {
    tokens[who] = await loginToken(server.url, email, PASSWORD)
  }
})

afterAll(async () => {
  await server?.stop()
  await stopTestPayload(payload)
  fs.rmSync(mediaDir, { recursive: true, force: true })
})

/**
 * GET as a user. Retried once when the server closed an idle keep-alive connection just as the request
 * went out (undici: "other side closed") — the tests sit idle in pdftotext between requests.
 */
async function get(who: string | null, p: string): Promise<Response> {
  const send = () => fetch(`${server.url}${p}`, { headers: who ? { Authorization: `JWT ${tokens[who]}` } : {} })
  try {
    return await send()
  } catch (err) {
    if ((err as { cause?: { code?: string } }).cause?.code !== 'UND_ERR_SOCKET') throw err
    return send()
  }
}

async function pdfOf(who: string, p: string): Promise<Uint8Array> {
  const res = await get(who, p)
  expect(res.status).toBe(200)
  expect(res.headers.get('content-type')).toBe('application/pdf')
  expect(res.headers.get('cache-control')).toBe('no-store')
  return new Uint8Array(await res.arrayBuffer())
}

/**
 * Every label a form prints, as [text, contiguous]. Item labels, sections and hints must come out in one
 * piece; table headers only word by word, because pdftotext reads a wrapped header row column-interleaved.
 */
function printedLabels(doc: FormDocument): Array<[string, boolean]> {
  return doc.blocks.flatMap((b): Array<[string, boolean]> => {
    switch (b.kind) {
      case 'heading':
        return b.lines.flat().map((f) => [f.label, true])
      case 'title':
        return [[b.text, true]]
      case 'item':
        return [...b.fields.map((f): [string, boolean] => [f.number ? `${f.number} ${f.label}` : f.label, true]), ...(b.hint ? [[b.hint, true] as [string, boolean]] : [])]
      case 'section':
        return [[`${b.number} ${b.title}`, true]]
      case 'subheading':
        return [[b.text, true]]
      case 'paragraph':
        return [[b.label, true]]
      case 'table':
        return b.columns.map((c) => [c.header, false])
      case 'matrix':
        return b.rowHeaders.map((h) => [h, true])
      case 'signatures':
        return [b.left.title, ...b.left.lines, b.right.title, ...b.right.lines].map((t) => [t, true])
      default:
        return []
    }
  })
}

function expectLabels(text: string, doc: FormDocument): void {
  for (const [label, contiguous] of printedLabels(doc)) {
    const l = label.normalize('NFC').replace(/\s+/g, ' ')
    if (contiguous) expect(text).toContain(l)
    else for (const word of l.split(' ').filter((w) => w !== '-')) expect(text).toContain(word.replace(/-$/, ''))
  }
}

/** A record with nothing filled in: the labels of the form alone. */
const bare = { id: 0, staffCode: '', fullName: '', gender: 'female', birthDate: '', employmentType: 'civil-servant', unit: 0, updatedAt: '', createdAt: '' } as unknown as PrintRecord

test('anonymous requests get 401, not the PDF', async () => {
  for (const p of [`/api/staff/${person.id}/2c.pdf`, `/api/staff/${person.id}/review.pdf`]) {
    const res = await get(null, p)
    expect(res.status).toBe(401)
    expect(res.headers.get('content-type')).not.toBe('application/pdf')
  }
})

test('the person prints their own 2C: every item label and their data are in the PDF', async () => {
  const bytes = await pdfOf('self', `/api/staff/${person.id}/2c.pdf`)
  const text = pdfText(bytes)
  expectLabels(text, buildForm2C(bare))
  expect(text).toContain('Mẫu 2C-BNV/2008')
  expect(text).toContain(DEMO_PERSON.fullName.toLocaleUpperCase('vi'))
  expect(text).toContain(person.staffCode)
  expect(text).toContain(formatDate(person.birthDate))
  expect(text).toContain((person.unit as { name: string }).name)
  expect(text).toContain('Bộ Nội vụ')
  // The person sees their own sensitive items (CCCD, BHXH).
  if (person.nationalId) expect(text).toContain(person.nationalId)
  if (person.socialInsuranceNumber) expect(text).toContain(person.socialInsuranceNumber)
  const png = renderFirstPage(bytes, 'print-2c-self')
  expect(fs.statSync(png).size).toBeGreaterThan(10_000)
})

test('the unit HR officer prints the same record on HS02 when asked, with the family and history tables', async () => {
  const bytes = await pdfOf('hr', `/api/staff/${person.id}/2c.pdf?form=hs02`)
  const text = pdfText(bytes)
  expectLabels(text, buildFormHS02(bare))
  expect(text).toContain(DEMO_PERSON.fullName.toLocaleUpperCase('vi'))
  if (person.nationalId) expect(text).toContain(person.nationalId)
  // History rows of the record are printed (the seed gives every person work history and family).
  const work = await payload.find({ collection: 'work-history', where: { staff: { equals: person.id } }, depth: 0, limit: 1, sort: 'fromMonth' })
  expect(work.docs.length).toBe(1)
  expect(text).toContain(work.docs[0]!.organisation.normalize('NFC').split(' ').slice(0, 3).join(' '))
  renderFirstPage(bytes, 'print-hs02-hr')
  expect(pdfPages(bytes)).toBeGreaterThanOrEqual(3)
})

test('the review print lists every group of the record with a page footer', async () => {
  for (const who of ['self', 'hr']) {
    const bytes = await pdfOf(who, `/api/staff/${person.id}/review.pdf`)
    const text = pdfText(bytes)
    expect(text).toContain('BẢN IN RÀ SOÁT THÔNG TIN')
    for (const group of ['THÔNG TIN CHUNG', 'CÔNG TÁC', 'NGẠCH, LƯƠNG', 'TRÌNH ĐỘ', 'ĐẢNG, ĐOÀN THỂ', 'SỨC KHỎE, CHÍNH SÁCH', 'LỊCH SỬ BẢN THÂN', 'NHẬN XÉT']) {
      expect(text).toContain(group)
    }
    for (const history of ['ĐÀO TẠO, BỒI DƯỠNG', 'QUÁ TRÌNH CÔNG TÁC', 'DIỄN BIẾN LƯƠNG', 'KHEN THƯỞNG', 'QUAN HỆ GIA ĐÌNH']) expect(text).toContain(history)
    for (const label of ['Họ và tên khai sinh', 'Số hiệu', 'Nơi ở hiện nay', 'Ngạch / CDNN', 'Thay đổi chờ duyệt']) expect(text).toContain(label)
    expect(text).toContain(DEMO_PERSON.fullName)
    expect(text).toMatch(/Trang 1\/\d+/)
    expect(text).toContain(`In ngày `)
    if (who === 'self') renderFirstPage(bytes, 'print-review-self')
  }
})

test('a unit head reads the record but the print leaves out its sensitive items', async () => {
  const text = pdfText(await pdfOf('head', `/api/staff/${person.id}/2c.pdf`))
  expect(text).toContain(DEMO_PERSON.fullName.toLocaleUpperCase('vi'))
  expect(person.nationalId).toBeTruthy()
  expect(text).not.toContain(person.nationalId!)
  if (person.socialInsuranceNumber) expect(text).not.toContain(person.socialInsuranceNumber)
})

test('HR of another unit gets 404 for both prints, exactly as for a record that does not exist', async () => {
  const missing = await get('hrOther', `/api/staff/99999999/2c.pdf`)
  expect(missing.status).toBe(404)
  const missingBody = await missing.text()
  for (const p of [`/api/staff/${person.id}/2c.pdf`, `/api/staff/${person.id}/review.pdf`, `/api/staff/${person.id}/2c.pdf?form=hs02`]) {
    const res = await get('hrOther', p)
    expect(res.status).toBe(404)
    expect(await res.text()).toBe(missingBody)
  }
})

test('an unknown form is refused with a Vietnamese message', async () => {
  const res = await get('self', `/api/staff/${person.id}/2c.pdf?form=2a`)
  expect(res.status).toBe(400)
  expect(await res.text()).toContain('Tham số form chỉ nhận 2c hoặc hs02')
})
