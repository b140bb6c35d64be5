/**
 * Signed exports end to end: HR asks for the signed sơ yếu lý lịch of records in their unit over HTTP; the
 * signing job renders each one, signs it as the competent person and as the managing agency (PAdES with
 * RFC 3161 timestamps from the demo TSA, then DSS + archival timestamp), verifies it and stores it. The
 * downloaded file verifies with our verifier and with poppler's pdfsig trusting the demo root; the public
 * verification endpoint recognises it by hash and reports a changed byte; access follows the record's
 * scope. Refusals (revoked, expired certificates) and the external signer run through the Local API.
 */
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import type { Payload } from 'payload'

import { createDemoPki, type DemoPki } from '../../src/pki/demoPki'
import { readP12 } from '../../src/pki/p12'
import { createSigningServices, signingConfigFromEnv } from '../../src/signedExports/context'
import { processExport, SignatureRejected } from '../../src/signedExports/pipeline'
import { requestExports, runSigningQueue } from '../../src/signedExports/service'
import { finalFile } from '../../src/signedExports/files'
import { verifyPdf } from '../../src/signing/verify'
import { seedDemoData } from '../../src/seed/seed'
import { poolOf } from '../../src/db/pool'
import { loginToken } from '../helpers/auth'
import { pdfPages, pdfText, renderPage } from '../helpers/pdf'
import { pdfsig, pdfsigAvailable } from '../helpers/pdfsig'
import { startTestPayload, stopTestPayload } from '../helpers/payload'
import { startTestServer, type TestServer } from '../helpers/server'

const PASSWORD = 'mat-khau-thu-nghiem-2026'
let payload: Payload
let server: TestServer
let pki: DemoPki
let hrId: number
let unitStaff: number[] = []
let otherUnitStaff: number
const tokens: Record<string, string> = {}
const pkiDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hoso-pki-'))
const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hoso-sign-'))

beforeAll(async () => {
  process.env.DEMO_PASSWORD = PASSWORD
  pki = (await createDemoPki({ dir: pkiDir })).pki
  const started = await startTestPayload()
  payload = started.payload
  await seedDemoData(payload, { staff: 30 })
  const hr = (await payload.find({ collection: 'accounts', where: { email: { equals: 'nhansu@hoso.local' } }, depth: 0 })).docs[0]!
  hrId = hr.id
  const hrUnit = hr.unit as number
  const units = (await payload.find({ collection: 'units', limit: 0, depth: 0 })).docs
  const otherUnit = units.find((u) => u.code === 'VTCBC')!
  const inUnit = await payload.find({ collection: 'staff', where: { unitPath: { like: `.${hrUnit}.` } }, depth: 0, limit: 3, sort: 'id' })
  unitStaff = inUnit.docs.map((d) => d.id)
  otherUnitStaff = (await payload.find({ collection: 'staff', where: { unitPath: { like: `.${otherUnit.id}.` } }, depth: 0, limit: 1 })).docs[0]!.id
  await payload.create({ collection: 'accounts', data: { email: 'hr-b@test.local', password: PASSWORD, roles: ['unit-hr'], unit: otherUnit.id } })
  server = await startTestServer({ DATABASE_URL: started.databaseUrl, PKI_DIR: pkiDir })
  for (const [who, email] of Object.entries({ hr: 'nhansu@hoso.local', self: 'canbo@hoso.local', hrOther: 'hr-b@test.local' })) {
    tokens[who] = await loginToken(server.url, email, PASSWORD)
  }
})

afterAll(async () => {
  await server?.stop()
  await stopTestPayload(payload)
  fs.rmSync(pkiDir, { recursive: true, force: true })
  fs.rmSync(workDir, { recursive: true, force: true })
})

async function api(who: string | null, p: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers)
  if (who) headers.set('Authorization', `JWT ${tokens[who]}`)
  return fetch(`${server.url}${p}`, { ...init, headers })
}

const post = (who: string | null, p: string, body: unknown) =>
  api(who, p, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) })

async function waitForBatch(batch: string, timeoutMs = 120_000): Promise<Array<Record<string, any>>> {
  const end = Date.now() + timeoutMs
  for (;;) {
    const res = await api('hr', `/api/signed-exports?where[batch][equals]=${batch}&depth=0&limit=100`)
    const { docs } = (await res.json()) as { docs: Array<Record<string, any>> }
    if (docs.length && docs.every((d) => d.status === 'done' || d.status === 'failed')) return docs
    if (Date.now() > end) throw new Error(`batch not finished: ${JSON.stringify(docs.map((d) => d.status))}`)
    await new Promise((r) => setTimeout(r, 500))
  }
}

const rootPem = () => fs.readFileSync(path.join(pkiDir, 'root-ca.crt'), 'utf8')

describe('signed export of CV forms (NĐ 30/2020: competent person, then the managing agency)', () => {
  let doc: Record<string, any>
  let bytes: Uint8Array

  it('HR requests two records; the job signs both; the file verifies with our verifier and with pdfsig', async () => {
    const ids = unitStaff.slice(0, 2)
    const res = await post('hr', '/api/signed-exports/request', { staff: ids })
    expect(res.status).toBe(202)
    const { batch, ids: created } = (await res.json()) as { batch: string; ids: number[] }
    expect(created).toHaveLength(2)
    const docs = await waitForBatch(batch)
    expect(docs.map((d) => [d.status, d.error ?? null])).toEqual([['done', null], ['done', null]])
    doc = docs[0]!
    expect(doc.code).toMatch(/^[0-9A-HJKMNP-TV-Z]{12}$/)
    expect(doc.person.name).toBe('Nguyễn Văn Hùng')
    expect(doc.agency.name).toBe('Bộ Nội vụ')
    expect(doc.level).toBe('B-LTA')

    const file = await api('hr', `/api/signed-exports/${doc.id}/file.pdf`)
    expect(file.status).toBe(200)
    expect(file.headers.get('content-type')).toBe('application/pdf')
    bytes = new Uint8Array(await file.arrayBuffer())
    expect(crypto.createHash('sha256').update(bytes).digest('hex')).toBe(doc.sha256)
    expect(bytes.length).toBe(doc.size)

    const report = await verifyPdf(bytes, { trustAnchors: [pki.rootCertificate] })
    expect(report.valid).toBe(true)
    const sigs = report.signatures.filter((s) => s.kind === 'signature')
    expect(sigs.map((s) => s.signer?.commonName)).toEqual(['Nguyễn Văn Hùng', 'Bộ Nội vụ'])
    for (const s of sigs) {
      expect([s.integrity, s.chainTrusted, s.revocation, s.timestamp?.integrity]).toEqual(['valid', 'valid', 'good', 'valid'])
      expect(s.laterChanges).not.toBe('other')
    }
    expect(report.signatures.some((s) => s.kind === 'document-timestamp')).toBe(true)

    if (!pdfsigAvailable() && !process.env.CI) return console.warn('pdfsig/certutil missing: independent check skipped')
    const fileOnDisk = path.join(workDir, 'signed.pdf')
    fs.writeFileSync(fileOnDisk, bytes)
    // pdfsig 22 cannot check the archival document timestamp ("unknown" type); our verifier did above.
    const independent = pdfsig(fileOnDisk, rootPem()).filter((s) => s.signatureType === 'ETSI.CAdES.detached')
    expect(independent).toHaveLength(2)
    for (const s of independent) {
      expect(s.signatureValidation).toBe('Signature is Valid.')
      expect(s.certificateValidation).toBe('Certificate is Trusted.')
    }
  })

  it('prints the signer block and the verification link; the last page is rendered for looking at', async () => {
    const text = pdfText(bytes)
    expect(text).toContain('VỤ TRƯỞNG VỤ TỔ CHỨC CÁN BỘ')
    expect(text).toContain('Nguyễn Văn Hùng')
    expect(text).toContain(`/xac-thuc/${doc.code}`)
    expect(text).toMatch(/Thời gian ký: \d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+07:00/)
    const png = renderPage(bytes, 'signed-2c-last-page', pdfPages(bytes), 110)
    expect(fs.statSync(png).size).toBeGreaterThan(10_000)
  })

  it('anyone verifies the file publicly: recognised by hash; one changed byte is reported', async () => {
    const res = await api(null, '/api/signed-exports/verify', { method: 'POST', headers: { 'Content-Type': 'application/pdf' }, body: Buffer.from(bytes) })
    expect(res.status).toBe(200)
    const body = (await res.json()) as { report: { valid: boolean }; export: { code: string; staffName?: string } | null }
    expect(body.report.valid).toBe(true)
    expect(body.export?.code.replace(/-/g, '')).toBe(doc.code)
    expect(body.export?.staffName).toBeTruthy()

    const tampered = new Uint8Array(bytes)
    const at = Math.floor(tampered.length / 3)
    tampered[at] = tampered[at]! ^ 0x01
    const bad = await api(null, '/api/signed-exports/verify', { method: 'POST', headers: { 'Content-Type': 'application/pdf' }, body: Buffer.from(tampered) })
    const badBody = (await bad.json()) as { report: { valid: boolean }; export: unknown }
    expect(badBody.report.valid).toBe(false)
    expect(badBody.export).toBeNull()

    const byCode = await api(null, `/api/signed-exports/by-code/${doc.code.toLowerCase()}`)
    expect(byCode.status).toBe(200)
    const record = (await byCode.json()) as Record<string, unknown>
    expect(record.sha256).toBe(doc.sha256)
    expect(record.staffName).toBeUndefined()
    expect((await api(null, '/api/signed-exports/verify', { method: 'POST', body: 'not a pdf' })).status).toBe(400)
    const page = await fetch(`${server.url}/xac-thuc/${doc.code}`)
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('Xác thực văn bản điện tử có ký số')
  })

  it('the demo PKI publishes its CA certificates and CRLs where the certificates point', async () => {
    const crt = await fetch(`${server.url}/pki/root-ca.crt`)
    expect(crt.headers.get('content-type')).toContain('application/pkix-cert')
    expect(Buffer.from(await crt.arrayBuffer()).equals(Buffer.from(pki.rootCertificate))).toBe(true)
    expect((await fetch(`${server.url}/pki/issuing-ca.crl`)).status).toBe(200)
    expect((await fetch(`${server.url}/pki/person.p12`)).status).toBe(404)
  })

  it('reading follows the record: the person downloads their own, another unit’s HR and anonymous do not', async () => {
    expect((await api('hrOther', `/api/signed-exports/${doc.id}/file.pdf`)).status).toBe(404)
    expect((await api(null, `/api/signed-exports/${doc.id}/file.pdf`)).status).toBe(401)
    const list = await api('hrOther', `/api/signed-exports?depth=0`)
    expect(((await list.json()) as { totalDocs: number }).totalDocs).toBe(0)
  })

  it('signing and downloading are in the audit trail', async () => {
    const events = await poolOf(payload).query(
      `SELECT operation FROM audit_events WHERE target_collection = 'signed-exports' AND record_ids LIKE $1 ORDER BY seq`,
      [`%.${doc.id}.%`],
    )
    expect(events.rows.map((r) => r.operation)).toEqual(expect.arrayContaining(['sign', 'export']))
  })

  it('asks all or nothing: a record outside the scope refuses the whole request; staff and anonymous cannot ask', async () => {
    const count = async () => (await payload.count({ collection: 'signed-exports' })).totalDocs
    const before = await count()
    const out = await post('hr', '/api/signed-exports/request', { staff: [unitStaff[2], otherUnitStaff] })
    expect(out.status).toBe(404)
    expect(((await out.json()) as { errors: Array<{ message: string }> }).errors[0]!.message).toContain('ngoài phạm vi')
    expect((await post('self', '/api/signed-exports/request', { staff: [unitStaff[0]] })).status).toBe(403)
    expect((await post(null, '/api/signed-exports/request', { staff: [unitStaff[0]] })).status).toBe(401)
    expect((await post('hr', '/api/signed-exports/request', { staff: [] })).status).toBe(400)
    expect((await post('hr', '/api/signed-exports/request', { staff: [unitStaff[0]], form: 'x' })).status).toBe(400)
    expect(await count()).toBe(before)
  })
})

describe('refusals and the external signer (Local API, same pipeline as the job)', () => {
  const envWith = (extra: Record<string, string>) => ({ ...process.env, PKI_DIR: pkiDir, ...extra })
  const newExport = async (staffId: number, form: '2c' | 'full' = '2c') =>
    payload.create({
      collection: 'signed-exports',
      data: { code: crypto.randomBytes(6).toString('hex').toUpperCase().replace(/[ILOU]/g, '1').slice(0, 12), staff: staffId, form, batch: 'test', status: 'queued', requestedBy: hrId },
      overrideAccess: true,
    })
  const filesOf = async (id: number) => (await poolOf(payload).query('SELECT stage FROM signed_export_files WHERE export_id = $1', [id])).rows

  it.each([
    ['revoked', /thu hồi/],
    ['expired', /hết hạn/],
  ])('a %s certificate is refused before signing: the export fails with the reason, no file is kept', async (identity, reason) => {
    const passFile = path.join(pkiDir, 'secrets', 'p12.pass')
    const services = createSigningServices(
      await signingConfigFromEnv(envWith({ HOSO_SIGNER_PERSON: `p12:${path.join(pkiDir, `${identity}.p12`)}`, HOSO_SIGNER_PERSON_PASSWORD_FILE: passFile })),
    )
    const row = await newExport(unitStaff[0]!)
    expect(await processExport(payload, row.id, services)).toBe('failed')
    const after = await payload.findByID({ collection: 'signed-exports', id: row.id, overrideAccess: true })
    expect(after.status).toBe('failed')
    expect(after.error).toMatch(reason)
    expect(await filesOf(row.id)).toEqual([])
    expect(await finalFile(payload.db.drizzle as never, row.id)).toBeNull()
    await services.close()
  })

  it('a job left processing by a process that died mid-signing resumes at the next queue run', async () => {
    const saved = process.env.PKI_DIR
    process.env.PKI_DIR = pkiDir
    try {
      const { ids } = await requestExports(payload, [{ staffId: unitStaff[1]!, form: '2c' }], hrId)
      // What a kill -9 during the job leaves behind: the job claimed (processing) and never finished.
      const { rowCount } = await poolOf(payload).query(
        `UPDATE payload_jobs SET processing = true WHERE queue = 'signing' AND completed_at IS NULL AND (input->>'exportId')::int = $1`, [ids[0]],
      )
      expect(rowCount).toBe(1)
      expect(await runSigningQueue(payload)).toBe(true)
      const after = await payload.findByID({ collection: 'signed-exports', id: ids[0]!, overrideAccess: true })
      expect(after.status).toBe('done')
      expect((await verifyPdf((await finalFile(payload.db.drizzle as never, ids[0]!))!, { trustAnchors: [pki.rootCertificate] })).valid).toBe(true)
    } finally {
      process.env.PKI_DIR = saved
    }
  })

  it('the full record is exported as an extract the agency certifies, signed the same way', async () => {
    const services = createSigningServices(await signingConfigFromEnv(envWith({})))
    const row = await newExport(unitStaff[2]!, 'full')
    expect(await processExport(payload, row.id, services)).toBe('done')
    const bytes = (await finalFile(payload.db.drizzle as never, row.id))!
    const text = pdfText(bytes)
    expect(text).toContain('TRÍCH XUẤT HỒ SƠ CÁN BỘ, CÔNG CHỨC, VIÊN CHỨC')
    expect(text).not.toContain('Thay đổi chờ duyệt')
    expect(text).toContain('Nguyễn Văn Hùng')
    expect((await verifyPdf(bytes, { trustAnchors: [pki.rootCertificate] })).valid).toBe(true)
    renderPage(bytes, 'signed-full-last-page', pdfPages(bytes), 80)
    await services.close()
  })

  it('an external signer gets the hash to sign; a wrong signature is refused and the document keeps waiting', async () => {
    const person = await readP12(pki.p12('person'), pki.password)
    const seal = await readP12(pki.p12('seal'), pki.password)
    const pem = (der: Uint8Array) => `-----BEGIN CERTIFICATE-----\n${Buffer.from(der).toString('base64').replace(/.{64}/g, '$&\n')}\n-----END CERTIFICATE-----\n`
    const certFile = path.join(workDir, 'person.pem')
    fs.writeFileSync(certFile, [person.certificate, ...person.chain].map(pem).join(''))
    const services = createSigningServices(await signingConfigFromEnv(envWith({ HOSO_SIGNER_PERSON: 'external', HOSO_SIGNER_PERSON_CERT: certFile })))
    const row = await newExport(unitStaff[1]!)
    expect(await processExport(payload, row.id, services)).toBe('awaiting-person')
    const waiting = (await payload.findByID({ collection: 'signed-exports', id: row.id, overrideAccess: true })) as unknown as { status: string; pending: { toBeSignedHash: string; signedAttributes: string } }
    expect(waiting.status).toBe('awaiting-person')
    const attrs = Buffer.from(waiting.pending.signedAttributes, 'base64')
    expect(crypto.createHash('sha256').update(attrs).digest('base64')).toBe(waiting.pending.toBeSignedHash)

    // Over HTTP, HR in scope reads what is to be signed (no secret in it).
    const handedOut = await api('hr', `/api/signed-exports/${row.id}/to-be-signed`)
    expect(handedOut.status).toBe(200)
    expect(((await handedOut.json()) as { toBeSignedHash: string }).toBeSignedHash).toBe(waiting.pending.toBeSignedHash)
    expect((await api('hrOther', `/api/signed-exports/${row.id}/to-be-signed`)).status).toBe(404)

    // The "USB token": signs the signed attributes with the person's key (RSA PKCS#1 v1.5, SHA-256).
    const sign = async (key: CryptoKey) => Buffer.from(await crypto.webcrypto.subtle.sign('RSASSA-PKCS1-v1_5', key, attrs)).toString('base64')
    await expect(processExport(payload, row.id, services, { signature: await sign(seal.privateKey) })).rejects.toBeInstanceOf(SignatureRejected)
    expect((await payload.findByID({ collection: 'signed-exports', id: row.id, overrideAccess: true })).status).toBe('awaiting-person')

    expect(await processExport(payload, row.id, services, { signature: await sign(person.privateKey) })).toBe('done')
    const bytes = await finalFile(payload.db.drizzle as never, row.id)
    const report = await verifyPdf(bytes!, { trustAnchors: [pki.rootCertificate] })
    expect(report.valid).toBe(true)
    expect(report.signatures.filter((s) => s.kind === 'signature').map((s) => s.signer?.commonName)).toEqual(['Nguyễn Văn Hùng', 'Bộ Nội vụ'])
    await services.close()
  })
})
