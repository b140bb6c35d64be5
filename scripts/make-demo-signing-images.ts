// Draws the demo signature images that the visible signatures use (NĐ 30/2020 Phụ lục I, domain.md §5.1):
//   assets/signing/demo-signature.png  a blue handwritten-looking signature, transparent background
//   assets/signing/demo-seal.png       a red round seal, 36 mm across, "BỘ NỘI VỤ" around a star, transparent
// Vector drawing with pdf-lib (Liberation Serif for the Vietnamese letters), rasterised at 300 dpi with
// poppler's pdftocairo, which keeps the background transparent. Run: npx tsx scripts/make-demo-signing-images.ts
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import fontkit from '@pdf-lib/fontkit'
import { degrees, LineCapStyle, PDFDocument, type PDFFont, type PDFPage, rgb } from 'pdf-lib'

import { DEMO_SEAL_DIAMETER_MM } from '../src/signing/demoImages'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const out = path.join(root, 'assets/signing')
const DPI = 300
const mm = (v: number) => (v * 72) / 25.4
const BLUE = rgb(0.1, 0.22, 0.66)
const RED = rgb(0.84, 0.07, 0.1)

async function newPage(width: number, height: number): Promise<{ doc: PDFDocument; page: PDFPage; font: PDFFont }> {
  const doc = await PDFDocument.create()
  doc.registerFontkit(fontkit)
  const font = await doc.embedFont(fs.readFileSync(path.join(root, 'assets/fonts/LiberationSerif-Bold.ttf')), { subset: true })
  return { doc, page: doc.addPage([width, height]), font }
}

function rasterise(pdf: Uint8Array, name: string): void {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hoso-img-'))
  try {
    fs.writeFileSync(path.join(dir, 'in.pdf'), pdf)
    execFileSync('pdftocairo', ['-png', '-transp', '-r', String(DPI), '-singlefile', path.join(dir, 'in.pdf'), path.join(dir, 'out')])
    fs.copyFileSync(path.join(dir, 'out.png'), path.join(out, name))
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

/** A cursive-looking signature: one pen stroke for the name, a dot, and an underline flourish. */
async function signature(): Promise<Uint8Array> {
  const width = mm(60)
  const height = mm(24)
  const { doc, page } = await newPage(width, height)
  // SVG coordinates (y down) in points inside the 170 × 68 page.
  const name =
    'M 14 44 C 20 22, 30 8, 36 10 C 42 12, 34 40, 28 52 C 24 60, 22 50, 30 40 C 38 30, 46 30, 44 42 ' +
    'C 42 52, 48 50, 54 40 C 58 32, 60 32, 60 40 C 60 48, 64 48, 70 38 C 76 28, 82 26, 82 36 ' +
    'C 82 46, 76 50, 78 42 C 80 34, 90 30, 94 38 C 97 44, 100 46, 106 36 C 112 24, 118 14, 122 14 ' +
    'C 126 14, 120 34, 116 46 C 114 52, 120 50, 126 40 C 130 33, 134 33, 136 40 C 138 46, 142 46, 150 34'
  const flourish = 'M 8 56 C 40 48, 90 46, 130 50 C 146 52, 158 50, 164 44'
  for (const [d, w] of [
    [name, 1.6],
    [flourish, 1.3],
  ] as const) {
    page.drawSvgPath(d, { x: 0, y: height, borderColor: BLUE, borderWidth: w, borderLineCap: LineCapStyle.Round })
  }
  page.drawCircle({ x: 124, y: height - 8, size: 1.3, color: BLUE })
  return doc.save()
}

/** Five-pointed star as an SVG path centred on (cx, cy) in SVG coordinates. */
function starPath(cx: number, cy: number, outer: number, inner: number): string {
  const pts: string[] = []
  for (let i = 0; i < 10; i++) {
    const r = i % 2 === 0 ? outer : inner
    const a = -Math.PI / 2 + (i * Math.PI) / 5
    pts.push(`${(cx + r * Math.cos(a)).toFixed(3)} ${(cy + r * Math.sin(a)).toFixed(3)}`)
  }
  return `M ${pts.join(' L ')} Z`
}

/**
 * Text along an arc, read left to right over the top (`top`) or along the bottom. Each letter is placed by
 * its advance width along the circle of radius `r` and turned to the tangent.
 */
function arcText(page: PDFPage, font: PDFFont, text: string, size: number, cx: number, cy: number, r: number, top: boolean, spacing: number): void {
  const chars = [...text.normalize('NFC')]
  const widths = chars.map((c) => font.widthOfTextAtSize(c, size))
  const total = widths.reduce((a, b) => a + b, 0) + spacing * (chars.length - 1)
  const span = total / r
  // Top: from the left going clockwise (decreasing angle); bottom: from the left going counterclockwise.
  let angle = top ? Math.PI / 2 + span / 2 : (3 * Math.PI) / 2 - span / 2
  chars.forEach((c, i) => {
    const w = widths[i]!
    const mid = top ? angle - w / 2 / r : angle + w / 2 / r
    const px = cx + r * Math.cos(mid)
    const py = cy + r * Math.sin(mid)
    if (top) {
      // Reading direction (sin φ, −cos φ); the letter's left end is half a width back along it.
      page.drawText(c, { x: px - (w / 2) * Math.sin(mid), y: py + (w / 2) * Math.cos(mid), size, font, color: RED, rotate: degrees((mid * 180) / Math.PI - 90) })
      angle -= (w + spacing) / r
    } else {
      page.drawText(c, { x: px + (w / 2) * Math.sin(mid), y: py - (w / 2) * Math.cos(mid), size, font, color: RED, rotate: degrees((mid * 180) / Math.PI + 90) })
      angle += (w + spacing) / r
    }
  })
}

async function seal(): Promise<Uint8Array> {
  const d = mm(DEMO_SEAL_DIAMETER_MM)
  const { doc, page, font } = await newPage(d, d)
  const c = d / 2
  page.drawCircle({ x: c, y: c, size: c - 1.6, borderColor: RED, borderWidth: 2.6 })
  page.drawCircle({ x: c, y: c, size: c - 5, borderColor: RED, borderWidth: 0.6 })
  page.drawCircle({ x: c, y: c, size: c - 19, borderColor: RED, borderWidth: 0.9 })
  arcText(page, font, 'BỘ NỘI VỤ', 12.5, c, c, c - 16, true, 1.6)
  arcText(page, font, 'HÀ NỘI', 9, c, c, c - 8.4, false, 1.2)
  for (const side of [-1, 1]) {
    const a = Math.PI / 2 + side * 1.62
    const x = c + (c - 12) * Math.cos(a)
    const y = c + (c - 12) * Math.sin(a)
    page.drawSvgPath(starPath(0, 0, 3.2, 1.3), { x, y, color: RED })
  }
  page.drawSvgPath(starPath(0, 0, 17, 6.8), { x: c, y: c + 1.5, color: RED })
  return doc.save()
}

fs.mkdirSync(out, { recursive: true })
rasterise(await signature(), 'demo-signature.png')
rasterise(await seal(), 'demo-seal.png')
console.log(`wrote ${path.relative(root, path.join(out, 'demo-signature.png'))} and demo-seal.png (${DPI} dpi)`)
