// A one-page document with a signature block as the form renderer draws it (NĐ 30/2020 Phụ lục I): the
// signer's title above, the name below, and an empty box between them for the signature images.
import fs from 'node:fs'
import path from 'node:path'

import fontkit from '@pdf-lib/fontkit'
import { PDFDocument, rgb } from 'pdf-lib'

import type { Rect } from '../../src/domain/signing/appearance'

export interface SignatureBlockPage {
  bytes: Uint8Array
  /** The box between the title and the name, PDF points. */
  box: Rect
}

export async function signatureBlockPage(): Promise<SignatureBlockPage> {
  const doc = await PDFDocument.create()
  doc.registerFontkit(fontkit)
  const font = (file: string) => doc.embedFont(fs.readFileSync(path.join('assets/fonts', file)), { subset: true })
  const regular = await font('LiberationSerif-Regular.ttf')
  const bold = await font('LiberationSerif-Bold.ttf')
  const page = doc.addPage([595.28, 841.89])
  const centre = (text: string, f: typeof bold, size: number, cx: number, y: number) =>
    page.drawText(text, { x: cx - f.widthOfTextAtSize(text, size) / 2, y, size, font: f, color: rgb(0, 0, 0) })
  centre('SƠ YẾU LÝ LỊCH CÁN BỘ, CÔNG CHỨC', bold, 14, 297.64, 760)
  page.drawText('Tôi xin cam đoan những lời khai trên đây là đúng sự thật.', { x: 85, y: 700, size: 13, font: regular })
  const cx = 425
  centre('Hà Nội, ngày 25 tháng 11 năm 2026', regular, 13, cx, 640)
  centre('THỦ TRƯỞNG CƠ QUAN', bold, 13, cx, 622)
  centre('Nguyễn Văn An', bold, 13, cx, 455)
  const box = { x: cx - 95, y: 505, width: 190, height: 95 }
  return { bytes: await doc.save(), box }
}
