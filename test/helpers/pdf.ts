import { execFileSync, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import zlib from 'node:zlib'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
export const ARTIFACTS = path.join(root, 'test/e2e/artifacts')

let popplerChecked = false

/** poppler-utils (pdftotext, pdftoppm, pdffonts), installed by scripts/system-deps.sh when missing. */
export function ensurePoppler(): void {
  if (popplerChecked) return
  const r = spawnSync('bash', [path.join(root, 'scripts/system-deps.sh'), 'poppler-utils'], { stdio: 'inherit' })
  if (r.status !== 0) throw new Error('poppler-utils (pdftotext, pdftoppm) is needed for the PDF tests')
  popplerChecked = true
}

/** Runs a poppler tool on the PDF bytes and returns its output. */
export function poppler(tool: string, bytes: Uint8Array, args: string[] = []): string {
  ensurePoppler()
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'hoso-pdf-')), 'doc.pdf')
  fs.writeFileSync(file, bytes)
  try {
    return execFileSync(tool, [...args, file, ...(tool === 'pdftotext' ? ['-'] : [])], { encoding: 'utf8' })
  } finally {
    fs.rmSync(path.dirname(file), { recursive: true, force: true })
  }
}

/** The text of a PDF as poppler's pdftotext extracts it, whitespace collapsed to single spaces. */
export function pdfText(bytes: Uint8Array): string {
  return poppler('pdftotext', bytes, ['-enc', 'UTF-8']).normalize('NFC').replace(/\s+/g, ' ')
}

/** Number of pages (pdfinfo). */
export function pdfPages(bytes: Uint8Array): number {
  return Number(/Pages:\s+(\d+)/.exec(poppler('pdfinfo', bytes))?.[1])
}

/** Renders page 1 to test/e2e/artifacts/<name>.png with pdftoppm (for looking at it) and returns the path. */
export function renderFirstPage(bytes: Uint8Array, name: string, dpi = 100): string {
  return renderPage(bytes, name, 1, dpi)
}

/** Renders page `page` (1-based) to test/e2e/artifacts/<name>.png and returns the path. */
export function renderPage(bytes: Uint8Array, name: string, page: number, dpi = 100): string {
  ensurePoppler()
  fs.mkdirSync(ARTIFACTS, { recursive: true })
  const pdf = path.join(ARTIFACTS, `${name}.pdf`)
  fs.writeFileSync(pdf, bytes)
  execFileSync('pdftoppm', ['-png', '-r', String(dpi), '-f', String(page), '-l', String(page), '-singlefile', pdf, path.join(ARTIFACTS, name)])
  return path.join(ARTIFACTS, `${name}.png`)
}

/** A solid-colour RGB PNG of width × height, written by hand (zlib only), for a test photo. */
export function solidPng(width: number, height: number, rgb: [number, number, number]): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
    return c >>> 0
  })
  const crc = (buf: Buffer) => {
    let c = 0xffffffff
    for (const b of buf) c = crcTable[(c ^ b) & 0xff]! ^ (c >>> 8)
    return (c ^ 0xffffffff) >>> 0
  }
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4)
    len.writeUInt32BE(data.length)
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
    const sum = Buffer.alloc(4)
    sum.writeUInt32BE(crc(body))
    return Buffer.concat([len, body, sum])
  }
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(width, 0)
  ihdr.writeUInt32BE(height, 4)
  ihdr.set([8, 2, 0, 0, 0], 8)
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3).map((_, i) => rgb[i % 3]!)])
  const raw = Buffer.concat(Array.from({ length: height }, () => row))
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ])
}
