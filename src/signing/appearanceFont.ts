// One line of Vietnamese text in a signature appearance needs a font with every Vietnamese letter, embedded
// (the reader may have none). Liberation Serif (Times New Roman metrics, as NĐ 30/2020 asks) is subset with
// @pdf-lib/fontkit and written as a Type0/CIDFontType2 font from @libpdf/core's object classes.
// We do not use @libpdf/core's own embedFont here: its subset tag is random at save time, and the external
// (two-phase) signer needs the document bytes of both runs to be identical.
import crypto from 'node:crypto'
import zlib from 'node:zlib'

import fontkit, { type Font, type Glyph } from '@pdf-lib/fontkit'
import { type PDF, PdfArray, PdfDict, PdfName, PdfNumber, type PdfObject, PdfRef, PdfStream, PdfString } from '@libpdf/core'

import { fontBytes } from '../pdf/fonts'

let regular: Font | null = null

function font(): Font {
  regular ??= fontkit.create(Buffer.from(fontBytes('regular')))
  return regular
}

/** A text line laid out and ready to be shown with `Tj` in a content stream whose font is this one. */
export interface EmbeddedLine {
  /** The Type0 font to put in the appearance's /Resources /Font. */
  fontRef: PdfRef
  /** The `<…> Tj` operand: subset glyph ids, 2 bytes each, hex. */
  hex: string
  /** Width of the line at `size`, in points. */
  width: number
}

function encodeSubset(subset: ReturnType<Font['createSubset']>): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const parts: Uint8Array[] = []
    const stream = subset.encodeStream() as unknown as {
      on(e: 'data', f: (b: Uint8Array) => void): unknown
      on(e: 'end', f: () => void): unknown
      on(e: 'error', f: (err: Error) => void): unknown
    }
    stream.on('data', (b) => parts.push(b))
    stream.on('end', () => resolve(Buffer.concat(parts)))
    stream.on('error', reject)
  })
}

function utf16Hex(text: string): string {
  let hex = ''
  for (let i = 0; i < text.length; i++) hex += text.charCodeAt(i).toString(16).padStart(4, '0')
  return hex.toUpperCase()
}

function flateStream(entries: Record<string, PdfObject>, data: Uint8Array): PdfStream {
  return PdfStream.fromDict({ ...entries, Filter: PdfName.of('FlateDecode') }, zlib.deflateSync(data))
}

/**
 * Embeds a subset of Liberation Serif holding exactly the glyphs of `text` (NFC) into `pdf`, and returns the
 * glyph string to draw it. Same text in, same bytes out: the subset tag is derived from the glyphs.
 */
export async function embedLine(pdf: PDF, text: string, size: number): Promise<EmbeddedLine> {
  const f = font()
  const run = f.layout(text.normalize('NFC'))
  const subset = f.createSubset()
  const used = new Map<number, { newId: number; glyph: Glyph }>()
  const ids: number[] = []
  for (const glyph of run.glyphs) {
    let entry = used.get(glyph.id)
    if (!entry) {
      entry = { newId: subset.includeGlyph(glyph), glyph }
      used.set(glyph.id, entry)
    }
    ids.push(entry.newId)
  }
  const scale = 1000 / f.unitsPerEm
  const width = run.glyphs.reduce((sum, g) => sum + g.advanceWidth, 0) * (size / f.unitsPerEm)
  const program = await encodeSubset(subset)

  const tag = [...crypto.createHash('sha256').update(ids.join(',')).update(text).digest().subarray(0, 6)]
    .map((b) => String.fromCharCode(65 + (b % 26)))
    .join('')
  const baseFont = PdfName.of(`${tag}+${f.postscriptName}`)

  const fontFile = pdf.register(flateStream({ Length1: PdfNumber.of(program.length) }, program))
  const descriptor = pdf.register(
    PdfDict.of({
      Type: PdfName.of('FontDescriptor'),
      FontName: baseFont,
      Flags: PdfNumber.of(32 + 2), // nonsymbolic, serif
      FontBBox: new PdfArray([f.bbox.minX, f.bbox.minY, f.bbox.maxX, f.bbox.maxY].map((v) => PdfNumber.of(Math.round(v * scale)))),
      ItalicAngle: PdfNumber.of(f.italicAngle),
      Ascent: PdfNumber.of(Math.round(f.ascent * scale)),
      Descent: PdfNumber.of(Math.round(f.descent * scale)),
      CapHeight: PdfNumber.of(Math.round(f.capHeight * scale)),
      StemV: PdfNumber.of(80),
      FontFile2: fontFile,
    }),
  )
  const widths: PdfObject[] = []
  const cidToUnicode: string[] = []
  for (const { newId, glyph } of [...used.values()].sort((a, b) => a.newId - b.newId)) {
    widths.push(PdfNumber.of(newId), new PdfArray([PdfNumber.of(Math.round(glyph.advanceWidth * scale))]))
    const unicode = String.fromCodePoint(...glyph.codePoints)
    cidToUnicode.push(`<${newId.toString(16).padStart(4, '0').toUpperCase()}> <${utf16Hex(unicode)}>`)
  }
  const cidFont = pdf.register(
    PdfDict.of({
      Type: PdfName.of('Font'),
      Subtype: PdfName.of('CIDFontType2'),
      BaseFont: baseFont,
      CIDSystemInfo: PdfDict.of({
        Registry: PdfString.fromString('Adobe'),
        Ordering: PdfString.fromString('Identity'),
        Supplement: PdfNumber.of(0),
      }),
      FontDescriptor: descriptor,
      W: new PdfArray(widths),
      CIDToGIDMap: PdfName.of('Identity'),
    }),
  )
  const cmap = [
    '/CIDInit /ProcSet findresource begin',
    '12 dict begin',
    'begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
    '/CMapName /Adobe-Identity-UCS def',
    '/CMapType 2 def',
    '1 begincodespacerange',
    '<0000> <FFFF>',
    'endcodespacerange',
    `${cidToUnicode.length} beginbfchar`,
    ...cidToUnicode,
    'endbfchar',
    'endcmap',
    'CMapName currentdict /CMap defineresource pop',
    'end',
    'end',
  ].join('\n')
  const toUnicode = pdf.register(flateStream({}, new TextEncoder().encode(cmap)))
  const fontRef = pdf.register(
    PdfDict.of({
      Type: PdfName.of('Font'),
      Subtype: PdfName.of('Type0'),
      BaseFont: baseFont,
      Encoding: PdfName.of('Identity-H'),
      DescendantFonts: new PdfArray([cidFont]),
      ToUnicode: toUnicode,
    }),
  )
  return { fontRef, hex: ids.map((id) => id.toString(16).padStart(4, '0')).join('').toUpperCase(), width }
}
