import fs from 'node:fs'
import path from 'node:path'

/**
 * Liberation Serif 2.1.5 (SIL OFL 1.1, Times New Roman metrics, every Vietnamese letter), committed under
 * assets/fonts/ so a PDF never depends on the reader's or the server's fonts. Chosen over Tinos because
 * @pdf-lib/fontkit 1.1.1 subsets it correctly (stack-notes: Tinos loses about half the Vietnamese letters).
 */
export type FontStyle = 'regular' | 'bold' | 'italic' | 'boldItalic'

const FILES: Record<FontStyle, string> = {
  regular: 'LiberationSerif-Regular.ttf',
  bold: 'LiberationSerif-Bold.ttf',
  italic: 'LiberationSerif-Italic.ttf',
  boldItalic: 'LiberationSerif-BoldItalic.ttf',
}

/** The font directory: assets/fonts under the working directory (the server runs from the project root). */
export function fontDir(): string {
  return process.env.HOSO_FONT_DIR ?? path.resolve(process.cwd(), 'assets/fonts')
}

const cache = new Map<FontStyle, Uint8Array>()

/** The TTF bytes of one style, read once per process. */
export function fontBytes(style: FontStyle): Uint8Array {
  let bytes = cache.get(style)
  if (!bytes) {
    bytes = fs.readFileSync(path.join(fontDir(), FILES[style]))
    cache.set(style, bytes)
  }
  return bytes
}
