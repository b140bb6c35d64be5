/**
 * The digitally signed edition of a CV form (NĐ 30/2020/NĐ-CP, Phụ lục I): the right-hand signature
 * block names the competent person (title lines in capitals, space for the visible signature, name in
 * bold), and the document carries where anyone can verify it (Luật Giao dịch điện tử 2023 Điều 12:
 * a paper print of an electronic document must say where the original can be looked up).
 */
import type { Block, FormDocument } from './model'

export interface SignedEditionOptions {
  /** "TL. BỘ TRƯỞNG", "VỤ TRƯỞNG VỤ TỔ CHỨC CÁN BỘ" — printed in capitals above the signature. */
  signerTitleLines: string[]
  /** Họ và tên of the competent person, no học hàm/học vị (Phụ lục I). */
  signerName: string
  /** Short verification code of this document ("7KQ2-M9TX-4HPA"). */
  code: string
  /** Absolute URL of the verification record (…/xac-thuc/CODE). */
  url: string
}

export function signedEdition(doc: FormDocument, options: SignedEditionOptions): FormDocument {
  const blocks: Block[] = doc.blocks.map((b) =>
    b.kind === 'signatures'
      ? {
          ...b,
          right: {
            ...b.right,
            title: b.right.title,
            lines: options.signerTitleLines.map((l) => l.toLocaleUpperCase('vi-VN')),
            signerName: options.signerName,
          },
        }
      : b,
  )
  if (!blocks.some((b) => b.kind === 'signatures')) throw new Error('signedEdition: the form has no signature block')
  blocks.push({
    kind: 'verification',
    url: options.url,
    lines: [
      'Văn bản điện tử đã được ký số bởi người có thẩm quyền và cơ quan quản lý.',
      `Tra cứu, xác thực bản gốc tại: ${options.url}`,
      `Mã tra cứu: ${options.code}`,
    ],
  })
  return { ...doc, blocks, footer: `Bản điện tử ký số · Mã tra cứu ${options.code}` }
}
