// The visible part of a signature (NĐ 30/2020/NĐ-CP Phụ lục I, domain.md §5.1) as a widget appearance:
// a Form XObject for the widget's /AP /N, built from @libpdf/core's object classes.
//  - person (7d): the handwritten signature image, blue transparent PNG, fitted and centred in the box
//    between the signer's title and name (both drawn by the form renderer, not here);
//  - agency (8a): the seal image, red transparent PNG, at its real size, over the left third of the
//    person's signature image, and under it the signing time, "Thời gian ký: 2026-11-25T14:30:15+07:00"
//    (Times-like 10 pt, black; ISO 8601 in Vietnam time, Phụ lục I 8b).
import crypto from 'node:crypto'
import zlib from 'node:zlib'

import { PDF, PdfArray, PdfDict, PdfName, PdfNumber, type PdfObject, type PdfRef, PdfStream } from '@libpdf/core'

import { agencyLayout, fitCentered, mmToPoints, type Rect } from '../domain/signing/appearance'
import { formatVietnamTime } from '../domain/signing/time'
import { embedLine } from './appearanceFont'
import { SigningError } from './errors'
import type { SignatureRole } from './types'

export type { Rect }

export interface AppearanceInput {
  /** Page index, 0-based. */
  page: number
  /**
   * PDF points, origin bottom-left. person: the signature box between the title and the name.
   * agency: the person's signature box on the same page (the seal is placed relative to it).
   */
  rect: Rect
  /** person: the handwritten signature PNG; agency: the seal PNG. Transparent PNGs (alpha → /SMask). */
  image: Uint8Array
  /** agency: the seal's real diameter in millimetres (drawn at that size whatever the box). */
  sealDiameterMm?: number
  /** agency: the person's signature PNG, to find where it lies inside `rect` (default: all of `rect`). */
  personImage?: Uint8Array
  /** agency: the text line under the seal; default "Thời gian ký: <signing time, ISO 8601, +07:00>". */
  text?: string
}

/** The appearance once built: the widget's rectangle on the page and its normal appearance stream. */
export interface BuiltAppearance {
  rect: Rect
  stream: PdfRef
}

/** Agency time line: Times-like, 10 pt (Phụ lục I 8b "cỡ chữ 10, màu đen"). */
export const TIME_FONT_SIZE = 10

/** Text shown under the seal for a signing time. */
export function signingTimeLine(signingTime: Date): string {
  return `Thời gian ký: ${formatVietnamTime(signingTime)}`
}

/** Number for a content stream: at most 3 decimals, no exponent. */
function n(v: number): string {
  return (Math.round(v * 1000) / 1000).toString()
}

function pngSize(png: Uint8Array): { width: number; height: number } {
  const sig = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]
  if (png.length < 24 || sig.some((b, i) => png[i] !== b)) {
    throw new SigningError('APPEARANCE_IMAGE', 'Ảnh chữ ký/con dấu phải là tệp PNG', 'The signature/seal image must be a PNG file')
  }
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength)
  return { width: view.getUint32(16), height: view.getUint32(20) }
}

function formXObject(pdf: PDF, bbox: Rect, resources: PdfDict, content: string): PdfRef {
  return pdf.register(
    PdfStream.fromDict(
      {
        Type: PdfName.of('XObject'),
        Subtype: PdfName.of('Form'),
        BBox: new PdfArray([0, 0, bbox.width, bbox.height].map((v) => PdfNumber.of(Math.round(v * 1000) / 1000))),
        Resources: resources,
        Filter: PdfName.of('FlateDecode'),
      },
      zlib.deflateSync(Buffer.from(content, 'latin1')),
    ),
  )
}

/** Image drawn into `target` (page coordinates) inside a form whose origin is `origin`. */
function drawImage(name: string, target: Rect, origin: { x: number; y: number }): string {
  return `q ${n(target.width)} 0 0 ${n(target.height)} ${n(target.x - origin.x)} ${n(target.y - origin.y)} cm /${name} Do Q`
}

interface PreparedImage {
  entries: Array<[string, PdfObject]>
  data: Uint8Array
  mask: { entries: Array<[string, PdfObject]>; data: Uint8Array } | null
}

/**
 * The same signature and seal PNGs are embedded into every document: decode each once (in a scratch
 * document, with the library's own PNG reader) and keep its pixels and alpha mask compressed with zlib,
 * so each signature only registers two ready streams — not a PNG decode plus a deflate at save time.
 */
const PREPARED = new Map<string, Promise<PreparedImage>>()

async function preparedImage(png: Uint8Array): Promise<PreparedImage> {
  const key = crypto.createHash('sha256').update(png).digest('hex')
  let prepared = PREPARED.get(key)
  if (!prepared) {
    prepared = (async () => {
      const scratch = PDF.create()
      const image = scratch.embedPng(png)
      const streamOf = (ref: PdfRef) => scratch.getObject(ref) as PdfStream
      const split = (stream: PdfStream) => {
        const entries: Array<[string, PdfObject]> = []
        for (const [k, v] of stream) if (!['Filter', 'DecodeParms', 'Length', 'SMask'].includes(k.value)) entries.push([k.value, v])
        entries.push(['Filter', PdfName.of('FlateDecode')])
        return { entries, data: new Uint8Array(zlib.deflateSync(stream.getDecodedData())) }
      }
      const main = streamOf(image.ref)
      const maskRef = main.get('SMask') as PdfRef | undefined
      return { ...split(main), mask: maskRef ? split(streamOf(maskRef)) : null }
    })()
    PREPARED.set(key, prepared)
    prepared.catch(() => PREPARED.delete(key))
  }
  return prepared
}

async function embedPreparedPng(pdf: PDF, png: Uint8Array): Promise<PdfRef> {
  const prepared = await preparedImage(png)
  const stream = (p: { entries: Array<[string, PdfObject]>; data: Uint8Array }) => new PdfStream(p.entries, p.data)
  const main = stream(prepared)
  if (prepared.mask) main.set('SMask', pdf.register(stream(prepared.mask)))
  return pdf.register(main)
}

/** Builds and registers the appearance stream of `role`'s signature; returns it with the widget rect. */
export async function buildAppearance(pdf: PDF, role: SignatureRole, input: AppearanceInput, signingTime: Date): Promise<BuiltAppearance> {
  const size = pngSize(input.image)
  const image = { ref: await embedPreparedPng(pdf, input.image) }
  if (role === 'person') {
    const drawn = fitCentered(size.width, size.height, input.rect)
    const resources = PdfDict.of({ XObject: PdfDict.of({ Sig: image.ref }) })
    const stream = formXObject(pdf, input.rect, resources, drawImage('Sig', drawn, input.rect))
    return { rect: input.rect, stream }
  }
  if (!(input.sealDiameterMm && input.sealDiameterMm > 0)) {
    throw new SigningError(
      'APPEARANCE_SEAL_SIZE',
      'Thiếu đường kính thực của con dấu (mm) để hiển thị chữ ký số của cơ quan',
      "The seal's real diameter (mm) is required for the agency signature appearance",
    )
  }
  const person = input.personImage
    ? fitCentered(pngSize(input.personImage).width, pngSize(input.personImage).height, input.rect)
    : input.rect
  const line = await embedLine(pdf, input.text ?? signingTimeLine(signingTime), TIME_FONT_SIZE)
  const layout = agencyLayout(person, mmToPoints(input.sealDiameterMm), line.width, TIME_FONT_SIZE)
  const origin = layout.bounds
  const content = [
    drawImage('Seal', layout.seal, origin),
    `BT 0 g /F1 ${TIME_FONT_SIZE} Tf ${n(layout.text.x - origin.x)} ${n(layout.text.y - origin.y)} Td <${line.hex}> Tj ET`,
  ].join('\n')
  const resources = PdfDict.of({ XObject: PdfDict.of({ Seal: image.ref }), Font: PdfDict.of({ F1: line.fontRef }) })
  return { rect: layout.bounds, stream: formXObject(pdf, layout.bounds, resources, content) }
}
