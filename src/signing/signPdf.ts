// PAdES signing of one document by one signer, with the visible appearance of NĐ 30/2020 Phụ lục I.
// The cryptography is @libpdf/core's (CAdES detached, incremental update); this module adds the visible
// widget, which 0.4.2 cannot make: its sign() creates an invisible field (/Rect [0 0 0 0], not in any page's
// /Annots) and then saves incrementally before hashing. We wrap the instance's save() for the duration of
// the call and, on that first incremental save, turn the field into a visible widget — /Rect, /P, /F, /AP
// and the page's /Annots — so all of it lies inside the signed byte range. This depends on 0.4.2's order of
// operations (the version is pinned; test/int/signingVisible.test.ts checks it with pdfsig); an appearance
// option upstream would replace it.
import crypto from 'node:crypto'

import {
  type DigestAlgorithm,
  type PAdESLevel,
  PDF,
  PdfArray,
  PdfDict,
  PdfName,
  PdfNumber,
  PdfRef,
  PdfString,
  type RevocationProvider,
  type SaveOptions,
  type Signer,
  type TimestampAuthority,
} from '@libpdf/core'

import type { Rect } from '../domain/signing/appearance'
import { type AppearanceInput, buildAppearance } from './appearance'
import { SigningError } from './errors'
import type { SignatureRole } from './types'

export type { AppearanceInput, Rect }

export interface SignPdfOptions {
  signer: Signer
  role: SignatureRole
  /** AcroForm field name of this signature (e.g. "ky_ca_nhan", "ky_co_quan"); a new field unless it exists unsigned. */
  fieldName: string
  reason?: string
  location?: string
  /** Claimed signing time (the signingTime attribute, /M, and the text under the seal). Default: now. */
  signingTime?: Date
  /** Visible appearance; absent → an invisible signature. */
  appearance?: AppearanceInput
  timestampAuthority?: TimestampAuthority
  level: PAdESLevel
  revocationProvider?: RevocationProvider
  digestAlgorithm?: DigestAlgorithm
}

export interface SignPdfResult {
  bytes: Uint8Array
  /** The library's warnings (e.g. revocation data that could not be fetched for B-LT). */
  warnings: { code: string; message: string }[]
}

/** Widget flags: Print (4) so it prints, Locked (128) so a reader does not move it. */
const WIDGET_FLAGS = 4 | 128

function findFieldRef(pdf: PDF, fieldName: string): { ref: PdfRef; dict: PdfDict } {
  const field = pdf.getForm()?.getSignatureField(fieldName)
  const ref = field?.getRef()
  if (!field || !ref) {
    throw new SigningError(
      'APPEARANCE_HOOK',
      `Không tìm thấy trường chữ ký "${fieldName}" khi dựng hình ảnh chữ ký (phiên bản @libpdf/core khác 0.4.2?)`,
      `Signature field "${fieldName}" not found while adding its appearance (is @libpdf/core other than 0.4.2?)`,
    )
  }
  return { ref, dict: field.getDict() }
}

function addToPageAnnots(pdf: PDF, page: PdfDict, widget: PdfRef): void {
  const entry = page.get('Annots')
  const annots = entry instanceof PdfRef ? pdf.getObject(entry) : entry
  if (annots instanceof PdfArray) {
    const already = [...annots].some((a) => a instanceof PdfRef && a.objectNumber === widget.objectNumber)
    if (!already) annots.push(widget)
  } else {
    page.set('Annots', new PdfArray([widget]))
  }
}

async function makeVisible(pdf: PDF, options: SignPdfOptions & { appearance: AppearanceInput }, signingTime: Date): Promise<void> {
  const { appearance } = options
  const page = pdf.getPage(appearance.page)
  if (!page) {
    throw new SigningError(
      'APPEARANCE_PAGE',
      `Trang ${appearance.page + 1} không có trong tài liệu (${pdf.getPageCount()} trang)`,
      `Page ${appearance.page + 1} is not in the document (${pdf.getPageCount()} pages)`,
    )
  }
  const { ref, dict } = findFieldRef(pdf, options.fieldName)
  const built = await buildAppearance(pdf, options.role, appearance, signingTime)
  const r = built.rect
  dict.set('Rect', new PdfArray([r.x, r.y, r.x + r.width, r.y + r.height].map((v) => PdfNumber.of(Math.round(v * 1000) / 1000))))
  dict.set('P', page.ref)
  dict.set('F', PdfNumber.of(WIDGET_FLAGS))
  dict.set('AP', PdfDict.of({ N: built.stream }))
  dict.delete('AS')
  addToPageAnnots(pdf, page.dict, ref)
}

/** PDF signing times (/M, the CMS signingTime attribute, the text under the seal) carry whole seconds. */
export function wholeSeconds(date: Date): Date {
  return new Date(Math.floor(date.getTime() / 1000) * 1000)
}

/**
 * Signs `pdfBytes` as an incremental update (earlier signatures stay valid) and returns the whole file.
 * With `appearance`, the signature is visible on `appearance.page`.
 */
export async function signPdf(pdfBytes: Uint8Array, options: SignPdfOptions): Promise<SignPdfResult> {
  const signingTime = wholeSeconds(options.signingTime ?? new Date())
  const pdf = await PDF.load(pdfBytes)
  // Without a trailer /ID the library draws a random one when saving. Derive it from the document instead:
  // signing the same bytes with the same options then yields the same bytes (the external signer's two
  // phases rely on it).
  const trailer = pdf.context.info.trailer
  if (!trailer.has('ID')) {
    const id = crypto.createHash('sha256').update(pdfBytes).digest().subarray(0, 16)
    trailer.set('ID', new PdfArray([PdfString.fromBytes(id), PdfString.fromBytes(id)]))
  }
  const { appearance } = options
  if (appearance) {
    const save = pdf.save.bind(pdf)
    let done = false
    pdf.save = async (saveOptions?: SaveOptions) => {
      if (!done && saveOptions?.incremental) {
        done = true
        await makeVisible(pdf, { ...options, appearance }, signingTime)
      }
      return save(saveOptions)
    }
  }
  try {
    const result = await pdf.sign({
      signer: options.signer,
      fieldName: options.fieldName,
      reason: options.reason,
      location: options.location,
      signingTime,
      level: options.level,
      timestampAuthority: options.timestampAuthority,
      revocationProvider: options.revocationProvider,
      digestAlgorithm: options.digestAlgorithm,
    })
    return { bytes: result.bytes, warnings: result.warnings.map((w) => ({ code: w.code, message: w.message })) }
  } finally {
    delete (pdf as { save?: unknown }).save
  }
}
