/**
 * The signed-export pipeline: render the signed edition of a CV form from the official record, sign it
 * as the competent person, then as the managing agency (NĐ 30/2020/NĐ-CP Điều 14), add long-term
 * validation material, check the result with our own verifier, and only then store the file and mark
 * the export done — in one transaction. Any failure marks the export failed with a reason in the
 * user's language and keeps no intermediate file.
 */
import crypto from 'node:crypto'

import { createLocalReq, type Payload, type PayloadRequest } from 'payload'

import { recordAuditEvent } from '../audit/record'
import { todayInVietnam } from '../domain/dates'
import { buildCvForm, buildRecordExtract, NO_PENDING, signedEdition, type FormDocument } from '../domain/forms'
import { formatCode, nextStep, type ExportForm, type SignatureStep } from '../domain/signing/signedExport'
import { loadPhoto, loadPrintRecord, managingAgencyOf } from '../pdf/loadRecord'
import { renderFormLaidOut, type SignatureSpace } from '../pdf/render'
import { reviewSchema } from '../pdf/reviewSchema'
import { displayName } from '../pki/chain'
import { parseCertificate } from '../pki/der'
import { transactionDb } from '../db/pool'
import { inTransaction } from '../db/transaction'
import { dropIntermediate, latestFile, saveFile } from './files'
import type { ExternalRequest, ExternalResponse, SigningServices } from './services'
import type { SignatureReport } from '../signing/types'

export class SigningRefused extends Error {
  constructor(
    readonly vi: string,
    readonly en: string,
  ) {
    super(`${vi} / ${en}`)
  }
}

/** An external signer's answer that does not verify: refused, and the document keeps waiting. */
export class SignatureRejected extends SigningRefused {}

interface ExportRow {
  id: number
  code: string
  staff: number | { id: number }
  form: ExportForm
  status: string
  requestedBy?: number | { id: number } | null
  pending?: ExternalRequest | null
}

const idOf = (v: number | { id: number } | null | undefined) => (v == null ? null : typeof v === 'object' ? v.id : v)

async function loadRow(payload: Payload, id: number): Promise<ExportRow> {
  return (await payload.findByID({ collection: 'signed-exports', id, depth: 0, overrideAccess: true })) as unknown as ExportRow
}

/** A Local API request acting as the account that asked for the export (its access rules apply). */
async function requesterReq(payload: Payload, row: ExportRow): Promise<PayloadRequest> {
  const accountId = idOf(row.requestedBy)
  const user = accountId ? await payload.findByID({ collection: 'accounts', id: accountId, depth: 0, overrideAccess: true, disableErrors: true }) : null
  if (!user) throw new SigningRefused('Không còn tài khoản đã yêu cầu xuất văn bản', 'The requesting account no longer exists')
  const req = await createLocalReq({ user: { ...user, collection: 'accounts' } as never }, payload)
  // The request passed the second factor when it was made (collections/SignedExports/endpoints.ts).
  ;(req.context as Record<string, unknown>).secondFactorOfRequest = true
  return req
}

async function render(payload: Payload, row: ExportRow, services: SigningServices): Promise<{ bytes: Uint8Array; layout: SignatureSpace }> {
  const req = await requesterReq(payload, row)
  const staffId = idOf(row.staff)!
  const record = await loadPrintRecord(req, staffId)
  if (!record) throw new SigningRefused('Không đọc được hồ sơ trong phạm vi của người yêu cầu', 'The record is outside the requester’s scope')
  const [photo, managingAgency, person] = await Promise.all([loadPhoto(record), managingAgencyOf(req, record), services.signerFor('person')])
  const { profile } = services
  const options = { managingAgency, place: profile.place, date: todayInVietnam(new Date()) }
  const unsigned: FormDocument =
    row.form === 'full'
      ? buildRecordExtract(record, { ...options, schema: reviewSchema(payload), printedAt: options.date })
      : buildCvForm(record, row.form, options)
  const doc = signedEdition(unsigned, {
    signerTitleLines: profile.signerTitleLines,
    signerName: profile.signerName ?? displayName(parseCertificate(person.certificate)),
    code: formatCode(row.code),
    url: `${profile.publicUrl.replace(/\/$/, '')}/xac-thuc/${row.code}`,
  })
  const { bytes, signatureSpace } = await renderFormLaidOut(doc, { photo })
  if (!signatureSpace) throw new Error('the signed edition has no signature space')
  return { bytes, layout: signatureSpace }
}

/** The audit event of a signing (done or failed), on behalf of the account that asked for the export. */
function recordSigning(req: PayloadRequest, row: ExportRow, detail: Record<string, unknown>) {
  return recordAuditEvent(req, {
    operation: 'sign',
    collection: 'signed-exports',
    recordIds: [row.id],
    subjects: [idOf(row.staff)!],
    actor: row.requestedBy ? { id: idOf(row.requestedBy)! } : null,
    detail: { code: row.code, form: row.form, ...detail },
  })
}

const signerData = (s: SignatureReport | undefined, transport: string) =>
  s && {
    name: s.signer?.commonName ?? null,
    certificate: s.signer?.subject ?? null,
    issuer: s.signer?.issuer ?? null,
    serial: s.signer?.serialNumber ?? null,
    transport,
    signedAt: s.timestamp?.time ?? s.claimedSigningTime ?? null,
  }

/**
 * Works an export as far as it can go: to done, to failed, or to waiting for an external signer.
 * Idempotent: a finished export is left alone, a half-way one resumes at its next signature.
 */
export async function processExport(payload: Payload, exportId: number, services: SigningServices, external?: ExternalResponse): Promise<string> {
  const row = await loadRow(payload, exportId)
  if (row.status === 'done' || row.status === 'failed') return row.status
  const req = await createLocalReq({}, payload)
  const db = await transactionDb(payload, req)
  const transports: Partial<Record<SignatureStep, string>> = {}
  try {
    let file = await latestFile(db, exportId)
    if (!file) {
      const rendered = await render(payload, row, services)
      await saveFile(db, exportId, 'unsigned', rendered.bytes, rendered.layout)
      file = { stage: 'unsigned', ...rendered }
    }
    let bytes = file.bytes
    const layout = file.layout!
    for (const current of ['person', 'agency'] as const) {
      // Resume where the export stands: a document signed by the person goes on to the agency.
      if (nextStep({ person: file.stage !== 'unsigned', agency: false }) !== current) continue
      const signer = await services.signerFor(current)
      transports[current] = signer.transport
      const now = new Date()
      const usable = await services.checkUsable(signer, now)
      if (!usable.ok) throw new SigningRefused(usable.message, usable.messageEn)
      if (signer.transport === 'external') {
        const pending = row.pending && row.pending.step === current ? row.pending : null
        if (!external || !pending) {
          const request = await services.prepareExternal(bytes, current, signer, layout, now)
          const status = current === 'person' ? 'awaiting-person' : 'awaiting-agency'
          await payload.update({ collection: 'signed-exports', id: exportId, data: { status, pending: request as never }, overrideAccess: true })
          return status
        }
        try {
          bytes = await services.completeExternal(bytes, pending, external, signer)
        } catch (err) {
          const why = (err as Error).message
          throw new SignatureRejected(`Chữ ký gửi về không khớp chứng thư số hoặc dữ liệu cần ký (${why})`, `The returned signature does not match the certificate or the data to be signed (${why})`)
        }
        external = undefined
        row.pending = null
      } else {
        bytes = await services.sign(bytes, current, signer, layout, now)
      }
      if (current === 'person') {
        await saveFile(db, exportId, 'person', bytes, layout)
        file = { stage: 'person', bytes, layout }
      }
    }
    const final = await services.finish(bytes)
    const report = await services.verify(final)
    const signatures = report.signatures.filter((s) => s.kind === 'signature')
    if (!report.valid || signatures.length !== 2) {
      const why = signatures.flatMap((s) => s.problems).join('; ') || 'thiếu chữ ký'
      throw new SigningRefused(`Văn bản sau khi ký không kiểm tra được: ${why}`, 'The signed document failed verification')
    }
    const sha256 = crypto.createHash('sha256').update(final).digest('hex')
    const txReq = await createLocalReq({}, payload)
    await inTransaction(txReq, async () => {
      const tx = await transactionDb(payload, txReq)
      await saveFile(tx, exportId, 'final', final, layout)
      await dropIntermediate(tx, exportId)
      await payload.update({
        collection: 'signed-exports',
        id: exportId,
        data: {
          status: 'done',
          sha256,
          size: final.length,
          level: report.signatures.map((s) => s.level).filter(Boolean).pop() ?? null,
          person: signerData(signatures[0], transports.person ?? 'external') as never,
          agency: signerData(signatures[1], transports.agency ?? 'external') as never,
          pending: null,
          error: null,
        },
        overrideAccess: true,
        req: txReq,
      })
      await recordSigning(txReq, row, { sha256, signers: signatures.map((s) => s.signer?.commonName) })
    })
    return 'done'
  } catch (err) {
    if (err instanceof SignatureRejected) throw err
    const refused = err instanceof SigningRefused
    const vi = refused ? err.vi : 'Lỗi khi ký số; văn bản chưa được ký'
    const en = refused ? err.en : 'Signing failed; the document was not signed'
    const txReq = await createLocalReq({}, payload)
    await inTransaction(txReq, async () => {
      await dropIntermediate(await transactionDb(payload, txReq), exportId)
      await payload.update({ collection: 'signed-exports', id: exportId, data: { status: 'failed', error: `${vi} / ${en}`, pending: null }, overrideAccess: true, req: txReq })
      await recordSigning(txReq, row, { failed: en })
    })
    if (!refused) throw err
    return 'failed'
  }
}
