/**
 * Lays out a FormDocument (src/domain/forms) on A4 pages with pdf-lib: embedded, subsetted Liberation
 * Serif; text wrapping; the 4×6 photo frame beside the first items; tables that break across pages and
 * repeat their header row; page footers. No database and no network: the caller passes the photo bytes.
 */
import fontkit from '@pdf-lib/fontkit'
import { PDFDocument, rgb, type PDFFont, type PDFImage, type PDFPage } from 'pdf-lib'
import QRCode from 'qrcode'

import { BLANK, type Block, type FormDocument, type FormField, type RowMark, type SignatureBlock, type TableColumn } from '../domain/forms/model'
import { fontBytes } from './fonts'

export interface RenderOptions {
  /** The staff photo (JPEG or PNG bytes); an empty frame is drawn without it. */
  photo?: { bytes: Uint8Array; mimeType: string } | null
  /** Creation date in the PDF metadata (defaults to now). */
  now?: Date
}

const A4: [number, number] = [595.28, 841.89]
const MARGIN = { left: 62, right: 42, top: 40, bottom: 48 }
const CM = 72 / 2.54
const PHOTO = { width: 4 * CM, height: 6 * CM, gap: 14 }
const SIZE = { body: 12, heading: 11, small: 10, table: 10.5, section: 12, title: 15 }
const LEADING = 1.28
const CELL_PAD = 3
const BLACK = rgb(0, 0, 0)
const GREY = rgb(0.35, 0.35, 0.35)
const SHADE = rgb(0.9, 0.9, 0.9)

interface Run {
  text: string
  style: Style
  size: number
}
interface Segment {
  text: string
  style: Style
  size: number
  width: number
}
interface Line {
  segments: Segment[]
  width: number
}

/**
 * Text widths by style, size and text. Every document embeds the same font files, so a width measured
 * once holds for all; fontkit's shaping is the costliest step of the layout.
 */
const WIDTHS = new Map<string, number>()

type Style = 'regular' | 'bold' | 'italic'
type Fonts = Record<Exclude<Style, 'boldItalic'>, PDFFont>

class Layout {
  readonly pages: PDFPage[] = []
  page!: PDFPage
  y = 0
  /** While y is above this, text starts right of the photo frame (null: no photo beside the text). */
  photoBottom: number | null = null

  constructor(
    readonly doc: PDFDocument,
    readonly fonts: Fonts,
  ) {
    this.newPage()
  }

  get left(): number {
    return MARGIN.left
  }
  get contentWidth(): number {
    return A4[0] - MARGIN.left - MARGIN.right
  }
  /** Left edge of text at height y (right of the photo while beside it). */
  xAt(y: number): number {
    return this.photoBottom != null && y > this.photoBottom ? MARGIN.left + PHOTO.width + PHOTO.gap : MARGIN.left
  }
  widthAt(y: number): number {
    return A4[0] - MARGIN.right - this.xAt(y)
  }

  newPage(): void {
    this.page = this.doc.addPage(A4)
    this.pages.push(this.page)
    this.y = A4[1] - MARGIN.top
    this.photoBottom = null
  }

  /** Starts a new page unless `height` still fits above the bottom margin. */
  ensure(height: number): void {
    if (this.y - height < MARGIN.bottom) this.newPage()
  }

  width(text: string, style: Style, size: number): number {
    const key = `${style}|${size}|${text}`
    let w = WIDTHS.get(key)
    if (w === undefined) {
      w = this.fonts[style].widthOfTextAtSize(text, size)
      if (WIDTHS.size > 100_000) WIDTHS.clear()
      WIDTHS.set(key, w)
    }
    return w
  }

  /** Greedy word wrap over styled runs; `maxWidth(i)` is the width available to line i. '\n' breaks. */
  wrap(runs: Run[], maxWidth: (line: number) => number): Line[] {
    const lines: Line[] = []
    let cur: Line = { segments: [], width: 0 }
    const push = () => {
      // Trailing spaces do not count against the width (alignment).
      const last = cur.segments[cur.segments.length - 1]
      if (last && /\s$/.test(last.text)) {
        const trimmed = last.text.replace(/\s+$/, '')
        const w = this.width(trimmed, last.style, last.size)
        cur.width -= last.width - w
        last.text = trimmed
        last.width = w
      }
      lines.push(cur)
      cur = { segments: [], width: 0 }
    }
    const add = (text: string, style: Style, size: number, w: number) => {
      const last = cur.segments[cur.segments.length - 1]
      if (last && last.style === style && last.size === size) {
        last.text += text
        last.width += w
      } else cur.segments.push({ text, style, size, width: w })
      cur.width += w
    }
    for (const run of runs) {
      const tokens = run.text.normalize('NFC').split(/(\n|[ \t]+)/).filter((t) => t !== '')
      for (const token of tokens) {
        if (token === '\n') {
          push()
          continue
        }
        const isSpace = /^[ \t]+$/.test(token)
        if (isSpace && cur.segments.length === 0) continue
        const w = this.width(isSpace ? ' ' : token, run.style, run.size)
        const avail = maxWidth(lines.length)
        if (!isSpace && cur.width + w > avail && cur.segments.length > 0) push()
        if (!isSpace && w > maxWidth(lines.length)) {
          // A word longer than the line (an e-mail, a long code): break it by characters.
          let chunk = ''
          for (const ch of token) {
            const next = chunk + ch
            if (this.width(next, run.style, run.size) > maxWidth(lines.length) && chunk) {
              add(chunk, run.style, run.size, this.width(chunk, run.style, run.size))
              push()
              chunk = ch
            } else chunk = next
          }
          if (chunk) add(chunk, run.style, run.size, this.width(chunk, run.style, run.size))
          continue
        }
        add(isSpace ? ' ' : token, run.style, run.size, w)
      }
    }
    if (cur.segments.length || lines.length === 0) push()
    return lines
  }

  drawLine(line: Line, x: number, baseline: number, page = this.page): void {
    let cx = x
    for (const s of line.segments) {
      if (s.text) page.drawText(s.text, { x: cx, y: baseline, size: s.size, font: this.fonts[s.style], color: BLACK })
      cx += s.width
    }
  }

  /** Is the cursor beside the photo frame? */
  besidePhoto(): boolean {
    return this.photoBottom != null && this.y > this.photoBottom
  }

  /**
   * Flowing paragraph at the cursor: wraps, breaks pages, follows the photo frame. With `beside`, every
   * line keeps the photo indent (an item that starts beside the photo does not slip under it mid-item).
   */
  paragraph(runs: Run[], opts: { align?: 'left' | 'center' | 'right'; indent?: number; size?: number; beside?: boolean } = {}): void {
    const size = opts.size ?? Math.max(...runs.map((r) => r.size))
    const lh = size * LEADING
    const indent = opts.indent ?? 0
    const beside = opts.beside ?? this.besidePhoto()
    const x0At = (y: number) => (beside ? MARGIN.left + PHOTO.width + PHOTO.gap : this.xAt(y))
    const widthAt = (y: number) => A4[0] - MARGIN.right - x0At(y)
    const lines = this.wrap(runs, (i) => widthAt(this.y - i * lh) - (i > 0 ? indent : 0))
    lines.forEach((line, i) => {
      this.ensure(lh)
      const x0 = x0At(this.y) + (i > 0 ? indent : 0)
      const avail = widthAt(this.y) - (i > 0 ? indent : 0)
      const x = opts.align === 'center' ? x0 + (avail - line.width) / 2 : opts.align === 'right' ? x0 + avail - line.width : x0
      this.drawLine(line, x, this.y - size)
      this.y -= lh
    })
  }

  gap(h: number): void {
    this.y -= h
  }
}

function itemRuns(fields: FormField[], size: number): Run[] {
  const runs: Run[] = []
  fields.forEach((f, i) => {
    if (i > 0) runs.push({ text: ', ', style: 'regular', size })
    runs.push({ text: `${f.number ? `${f.number} ` : ''}${f.label}: `, style: 'regular', size })
    runs.push({ text: f.value, style: f.value === BLANK ? 'regular' : 'bold', size })
    if (f.suffix) runs.push({ text: f.suffix, style: 'regular', size })
  })
  return runs
}

function drawHeading(l: Layout, block: Extract<Block, { kind: 'heading' }>): void {
  const size = SIZE.heading
  const lh = size * LEADING
  if (block.formCode) {
    const w = l.width(block.formCode, 'bold', size)
    l.page.drawText(block.formCode, { x: A4[0] - MARGIN.right - w, y: l.y - size, size, font: l.fonts.bold })
    l.gap(lh * 1.3)
  }
  for (const fields of block.lines) {
    const [first, ...rest] = fields
    const leftLines = l.wrap(itemRuns([first!], size), () => l.contentWidth)
    const right = rest.length ? l.wrap(itemRuns(rest, size), () => l.contentWidth)[0]! : null
    // "Số hiệu …" sits at the right of the agency line when both fit on one line, else on its own line.
    const sameLine = right && leftLines.length === 1 && leftLines[0]!.width + right.width + 16 <= l.contentWidth
    for (const line of leftLines) {
      l.drawLine(line, l.left, l.y - size)
      if (sameLine) l.drawLine(right, A4[0] - MARGIN.right - right.width, l.y - size)
      l.gap(lh)
    }
    if (right && !sameLine) {
      l.drawLine(right, A4[0] - MARGIN.right - right.width, l.y - size)
      l.gap(lh)
    }
  }
  l.gap(6)
}

function drawPhoto(l: Layout, block: Extract<Block, { kind: 'photo' }>, image: PDFImage | null): void {
  l.ensure(PHOTO.height + 10)
  const top = l.y - 4
  const x = l.left
  const y = top - PHOTO.height
  l.page.drawRectangle({ x, y, width: PHOTO.width, height: PHOTO.height, borderColor: BLACK, borderWidth: 0.8 })
  if (image) {
    const scale = Math.min(PHOTO.width / image.width, PHOTO.height / image.height)
    const w = image.width * scale
    const h = image.height * scale
    l.page.drawImage(image, { x: x + (PHOTO.width - w) / 2, y: y + (PHOTO.height - h) / 2, width: w, height: h })
  } else {
    const size = SIZE.small
    const lines = l.wrap([{ text: block.caption, style: 'italic', size }], () => PHOTO.width - 12)
    lines.forEach((line, i) => {
      l.drawLine(line, x + (PHOTO.width - line.width) / 2, y + PHOTO.height / 2 + (lines.length / 2 - i - 1) * size * LEADING + 3)
    })
  }
  l.photoBottom = y - 6
}

function drawTable(l: Layout, columns: TableColumn[], rows: string[][], marks: Array<RowMark | null> | undefined, size = SIZE.table): void {
  const total = columns.reduce((a, c) => a + c.width, 0)
  const widths = columns.map((c) => (c.width / total) * l.contentWidth)
  const lh = size * LEADING
  const cellLines = (texts: string[], style: Style) =>
    texts.map((t, i) => l.wrap([{ text: t, style, size }], () => widths[i]! - 2 * CELL_PAD))
  const header = cellLines(columns.map((c) => c.header), 'bold')
  const headerHeight = Math.max(...header.map((c) => c.length)) * lh + 2 * CELL_PAD

  const drawRow = (cells: ReturnType<typeof cellLines>, height: number, centerAll: boolean, mark: RowMark | null) => {
    let x = l.left
    const top = l.y
    if (mark) l.page.drawRectangle({ x, y: top - height, width: l.contentWidth, height, color: SHADE })
    cells.forEach((lines, i) => {
      const w = widths[i]!
      l.page.drawRectangle({ x, y: top - height, width: w, height, borderColor: BLACK, borderWidth: 0.5 })
      lines.forEach((line, k) => {
        const center = centerAll || columns[i]!.align === 'center'
        const lx = center ? x + (w - line.width) / 2 : x + CELL_PAD
        l.drawLine(line, lx, top - CELL_PAD - size * 0.95 - k * lh)
      })
      x += w
    })
    l.y -= height
  }
  const drawHeader = () => drawRow(header, headerHeight, true, null)

  // Keep the header with at least one row.
  const body = rows.length ? rows : [columns.map(() => ''), columns.map(() => '')]
  const first = cellLines(body[0]!, 'regular')
  l.ensure(headerHeight + Math.max(...first.map((c) => c.length)) * lh + 2 * CELL_PAD)
  drawHeader()
  body.forEach((row, r) => {
    const cells = r === 0 ? first : cellLines(row, 'regular')
    const height = Math.max(1, ...cells.map((c) => c.length)) * lh + 2 * CELL_PAD
    if (l.y - height < MARGIN.bottom) {
      l.newPage()
      drawHeader()
    }
    drawRow(cells, height, false, marks?.[r] ?? null)
  })
  l.gap(6)
}

function drawMatrix(l: Layout, block: Extract<Block, { kind: 'matrix' }>): void {
  const headerWidth = 96
  const colWidth = 62
  const perBlock = Math.floor((l.contentWidth - headerWidth) / colWidth)
  const cols = [...block.columns]
  while (cols.length < block.blankColumns || cols.length % perBlock !== 0) cols.push(block.rowHeaders.map(() => ''))
  for (let start = 0; start < cols.length; start += perBlock) {
    const chunk = cols.slice(start, start + perBlock)
    const columns: TableColumn[] = [{ header: '', width: headerWidth }, ...chunk.map(() => ({ header: '', width: colWidth, align: 'center' as const }))]
    // The transposed table has no header row: draw its three rows as a table whose first column is bold.
    const size = SIZE.table
    const lh = size * LEADING
    const height = lh + 2 * CELL_PAD
    const totalW = headerWidth + chunk.length * colWidth
    l.ensure(height * block.rowHeaders.length)
    block.rowHeaders.forEach((h, r) => {
      let x = l.left
      const top = l.y
      const cells = [h, ...chunk.map((c) => c[r] ?? '')]
      cells.forEach((t, i) => {
        const w = columns[i]!.width
        l.page.drawRectangle({ x, y: top - height, width: w, height, borderColor: BLACK, borderWidth: 0.5 })
        const style: Style = i === 0 ? 'bold' : 'regular'
        const line = l.wrap([{ text: t, style, size }], () => w - 2 * CELL_PAD)[0]!
        l.drawLine(line, i === 0 ? x + CELL_PAD : x + (w - line.width) / 2, top - CELL_PAD - size * 0.95)
        x += w
      })
      void totalW
      l.y -= height
    })
    l.gap(6)
  }
}

function drawLines(l: Layout, block: Extract<Block, { kind: 'lines' }>): void {
  if (block.text) {
    l.paragraph([{ text: block.text, style: 'regular', size: SIZE.body }])
    return
  }
  const size = SIZE.body
  const dot = '.'
  const n = Math.floor(l.contentWidth / l.width(dot, 'regular', size))
  for (let i = 0; i < block.count; i++) {
    l.ensure(size * 1.6)
    l.page.drawText(dot.repeat(n), { x: l.left, y: l.y - size, size, font: l.fonts.regular, color: GREY })
    l.gap(size * 1.6)
  }
}

/** Where the visible digital signature of the competent person goes, in PDF points (origin bottom-left). */
export interface SignatureSpace {
  pageIndex: number
  x: number
  y: number
  width: number
  height: number
}

/**
 * Height of the empty space between the signer's title and name: the signature image, the seal at its
 * real size (a 36 mm seal is 102 pt) and, under it, the line with the signing time.
 */
const SIGNATURE_SPACE = 124

function drawSignatures(l: Layout, left: SignatureBlock, right: SignatureBlock): SignatureSpace | null {
  const size = SIZE.body
  const lh = size * LEADING
  const half = l.contentWidth / 2
  const linesOf = (s: SignatureBlock) => [
    ...(s.placeDate ? [{ text: s.placeDate, style: 'italic' as Style }] : []),
    { text: s.title, style: 'bold' as Style },
    // A named signer's title lines (TL. BỘ TRƯỞNG …) are bold capitals; the form's hints are italic.
    ...s.lines.map((t) => ({ text: t, style: (s.signerName ? 'bold' : 'italic') as Style })),
  ]
  const wrapped = [left, right].map((s) => linesOf(s).flatMap((t) => l.wrap([{ ...t, size }], () => half - 12)))
  // The right column starts with the place and date; the left column's title lines up with the right title.
  const offset = right.placeDate && !left.placeDate ? l.wrap([{ text: right.placeDate, style: 'italic', size }], () => half - 12).length : 0
  const nameLines = right.signerName ? l.wrap([{ text: right.signerName, style: 'bold', size }], () => half - 12) : []
  const space = right.signerName ? SIGNATURE_SPACE : 0
  const height = (Math.max(wrapped[0]!.length + offset, wrapped[1]!.length + nameLines.length) + 5) * lh + space
  l.gap(10)
  l.ensure(height)
  const top = l.y
  wrapped.forEach((lines, col) => {
    const x0 = l.left + col * half
    lines.forEach((line, i) => {
      const row = col === 0 ? i + offset : i
      l.drawLine(line, x0 + (half - line.width) / 2, top - size - row * lh)
    })
  })
  let signature: SignatureSpace | null = null
  if (right.signerName) {
    const x0 = l.left + half
    const spaceTop = top - wrapped[1]!.length * lh - 4
    nameLines.forEach((line, i) => l.drawLine(line, x0 + (half - line.width) / 2, spaceTop - space - size - i * lh))
    signature = { pageIndex: l.pages.length - 1, x: x0 + 6, y: spaceTop - space, width: half - 12, height: space }
  }
  l.y = top - height
  return signature
}

/** QR code (vector, drawn as modules) and the lines telling where the original can be verified. */
function drawVerification(l: Layout, block: Extract<Block, { kind: 'verification' }>): void {
  const qr = QRCode.create(block.url, { errorCorrectionLevel: 'M' })
  const n = qr.modules.size
  const side = 62
  const cellSize = side / n
  const size = SIZE.small
  const lh = size * LEADING
  const textX = l.left + side + 10
  const lines = block.lines.flatMap((t) => l.wrap([{ text: t, style: 'italic', size }], () => l.contentWidth - side - 10))
  const height = Math.max(side, lines.length * lh) + 8
  l.gap(8)
  l.ensure(height)
  const top = l.y
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < n; c++) {
      if (qr.modules.get(r, c)) {
        l.page.drawRectangle({ x: l.left + c * cellSize, y: top - (r + 1) * cellSize, width: cellSize + 0.02, height: cellSize + 0.02, color: BLACK })
      }
    }
  }
  lines.forEach((line, i) => l.drawLine(line, textX, top - size - 4 - i * lh))
  l.y = top - height
}

/** The PDF bytes of a form or review print. */
export async function renderForm(form: FormDocument, options: RenderOptions = {}): Promise<Uint8Array> {
  return (await renderFormLaidOut(form, options)).bytes
}

/** The PDF bytes and where the signed edition's signature space landed (null on unsigned prints). */
export async function renderFormLaidOut(
  form: FormDocument,
  options: RenderOptions = {},
): Promise<{ bytes: Uint8Array; signatureSpace: SignatureSpace | null }> {
  let signatureSpace: SignatureSpace | null = null
  const doc = await PDFDocument.create()
  doc.registerFontkit(fontkit)
  const now = options.now ?? new Date()
  doc.setTitle(form.title.normalize('NFC'))
  doc.setLanguage('vi-VN')
  doc.setProducer('hoso')
  doc.setCreator('hoso')
  doc.setCreationDate(now)
  doc.setModificationDate(now)
  // Bold italic is never drawn; embedding it would only cost a subsetting pass at save.
  const styles: Style[] = ['regular', 'bold', 'italic']
  const embedded = await Promise.all(styles.map((s) => doc.embedFont(fontBytes(s), { subset: true })))
  const fonts = Object.fromEntries(styles.map((s, i) => [s, embedded[i]!])) as Fonts

  let image: PDFImage | null = null
  if (options.photo) {
    try {
      image = options.photo.mimeType === 'image/png' ? await doc.embedPng(options.photo.bytes) : await doc.embedJpg(options.photo.bytes)
    } catch {
      image = null // A damaged file prints as the empty frame rather than failing the whole form.
    }
  }

  const l = new Layout(doc, fonts)
  for (const block of form.blocks) {
    switch (block.kind) {
      case 'heading':
        drawHeading(l, block)
        break
      case 'photo':
        drawPhoto(l, block, image)
        break
      case 'title':
        l.gap(4)
        l.paragraph([{ text: block.text, style: 'bold', size: SIZE.title }], { align: 'center' })
        if (block.subtitle) l.paragraph([{ text: block.subtitle, style: 'regular', size: SIZE.body }], { align: 'center' })
        l.gap(8)
        break
      case 'item': {
        const beside = l.besidePhoto()
        l.paragraph(itemRuns(block.fields, SIZE.body), { beside })
        if (block.hint) l.paragraph([{ text: block.hint, style: 'italic', size: SIZE.small }], { align: 'center', beside })
        l.gap(1)
        break
      }
      case 'section':
        // Keep a section heading with the start of its content.
                l.gap(6)
        l.ensure(SIZE.section * LEADING * 2 + 40)
        l.paragraph([{ text: `${block.number} ${block.title}`, style: 'bold', size: SIZE.section }])
        l.gap(2)
        break
      case 'subheading':
        l.ensure(SIZE.body * LEADING + 40)
        l.paragraph([{ text: block.text, style: 'italic', size: SIZE.body }])
        l.gap(2)
        break
      case 'paragraph':
        l.paragraph([{ text: block.label, style: 'regular', size: SIZE.body }])
        if (block.value) l.paragraph([{ text: block.value, style: 'bold', size: SIZE.body }], { indent: 0 })
        l.gap(2)
        break
      case 'table':
        l.photoBottom = null
        drawTable(l, block.columns, block.rows, block.marks)
        if (block.note) l.paragraph([{ text: block.note, style: 'italic', size: SIZE.small }])
        break
      case 'matrix':
        l.photoBottom = null
        drawMatrix(l, block)
        break
      case 'lines':
        drawLines(l, block)
        break
      case 'signatures':
        l.photoBottom = null
        signatureSpace = drawSignatures(l, block.left, block.right) ?? signatureSpace
        break
      case 'verification':
        drawVerification(l, block)
        break
    }
  }

  if (form.footer) {
    const size = SIZE.small - 1
    const total = l.pages.length
    l.pages.forEach((page, i) => {
      const pageText = `Trang ${i + 1}/${total}`
      const w = fonts.regular.widthOfTextAtSize(pageText, size)
      page.drawText(pageText, { x: A4[0] - MARGIN.right - w, y: 24, size, font: fonts.regular, color: GREY })
      page.drawText(form.footer!.normalize('NFC'), { x: MARGIN.left, y: 24, size, font: fonts.regular, color: GREY })
    })
  }
  // Signed editions are saved without object streams: the signing library appends incremental
  // updates with classic cross-reference sections, which every verifier reads.
  return { bytes: await doc.save({ useObjectStreams: !signatureSpace }), signatureSpace }
}
